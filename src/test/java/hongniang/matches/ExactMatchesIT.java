package hongniang.matches;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aLowIncomeJobseeker;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.anIdNumber;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.Education;
import hongniang.common.Schedule;
import hongniang.documents.MatchRecords;
import hongniang.jobseekers.JobseekerRequest;
import hongniang.jobseekers.JobseekerStatus;
import hongniang.matching.CandidateSource;
import hongniang.matching.HardRules;
import hongniang.matching.Jobseeker;
import hongniang.matching.Posting;
import hongniang.matching.Scorer;
import hongniang.matching.Scorer.Perspective;
import hongniang.matching.Work;
import hongniang.postings.PostingRequest;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.PostingRequestBuilder;
import hongniang.support.Reply;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Matches through the real service (HTTP, PostgreSQL, the Lucene index) against brute force over
 * every row in the database: every open posting, or every resident, checked against the hard rules
 * and scored, ties by lower id. The lists must hold the same ids in the same order, and follow a
 * posting closed, a wage changed and a resident employed.
 */
@MicronautTest(transactional = false)
class ExactMatchesIT extends ApiTest {

  private static final long COMMUNITY = 6;

  @Inject MatchRecords records;
  @Inject CandidateSource candidates;
  @Inject MatchingSettings settings;
  @Inject Clock clock;
  @Inject DataSource dataSource;

  /** An open posting of the unit in the community, with some fields changed. */
  private static PostingRequest postingBody(
      long unit, UnaryOperator<PostingRequestBuilder> changes) {
    return changes.apply(edit(aPosting(unit)).workCommunityId(COMMUNITY)).build();
  }

  private long posting(long unit, UnaryOperator<PostingRequestBuilder> changes) {
    Reply created = api().post("/api/v1/postings", postingBody(unit, changes), admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  private long resident(JobseekerRequest body) {
    Reply created = api().post("/api/v1/jobseekers", body, admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  /** A resident of the community born {@code age} years ago (the ID number says so). */
  private static JobseekerRequest aged(int age, boolean male) {
    return edit(aJobseeker(COMMUNITY))
        .idNumber(anIdNumber(LocalDate.now().minusYears(age).withDayOfYear(100), male))
        .build();
  }

  private static List<Long> ids(Reply r, String field) {
    List<Long> out = new ArrayList<>();
    Object items = r.at("matches");
    if (items != null) {
      for (Object hit : (List<?>) items) {
        out.add(((Number) ((Map<?, ?>) hit).get(field)).longValue());
      }
    }
    return out;
  }

  /** The best {@code k} by score, ties by lower id, of every item that passes the filter. */
  private static <T> List<Long> top(
      List<T> all, Predicate<T> allows, ToDoubleFunction<T> points, ToLongFunction<T> id, int k) {
    record Scored(long id, double score) {}
    return all.stream()
        .filter(allows)
        .map(t -> new Scored(id.applyAsLong(t), points.applyAsDouble(t)))
        .sorted(Comparator.comparingDouble((Scored x) -> -x.score()).thenComparingLong(Scored::id))
        .limit(k)
        .map(Scored::id)
        .toList();
  }

  /** Brute force: every open posting in the database, for the resident. */
  private List<Long> bruteForResident(long residentId, int k) {
    Scorer scorer = settings.scorer();
    LocalDate today = LocalDate.now(clock);
    Jobseeker s = records.jobseeker(residentId).orElseThrow();
    List<Posting> all = new ArrayList<>();
    records.eachOpenPosting(all::add);
    return top(
        all,
        o -> HardRules.allows(s, o, today),
        o -> scorer.points(s, o, Perspective.FOR_RESIDENT, today),
        Posting::id,
        k);
  }

  /**
   * Brute force: every resident in the database (of one community, when given), for the posting.
   */
  private List<Long> bruteForPosting(long postingId, Long community, int k) {
    Scorer scorer = settings.scorer();
    LocalDate today = LocalDate.now(clock);
    Posting o = records.posting(postingId).orElseThrow();
    List<Jobseeker> all = new ArrayList<>();
    records.eachJobseeker(all::add);
    return top(
        all,
        s ->
            HardRules.allows(s, o, today)
                && (community == null || s.communityId() == community.longValue()),
        s -> scorer.points(s, o, Perspective.FOR_POSTING, today),
        Jobseeker::id,
        k);
  }

  /**
   * The resident's list equals brute force once the index has caught up with the database, and so
   * does the index's own top.
   */
  private List<Long> residentListIsExact(long residentId, int k) {
    List<Long> expected = new ArrayList<>();
    Reply reply =
        eventually(
            () -> api().get("/api/v1/jobseekers/" + residentId + "/matches?size=" + k, admin()),
            r -> {
              expected.clear();
              expected.addAll(bruteForResident(residentId, k));
              // and the index's own top, before PostgreSQL checks and scores it again
              Jobseeker s = records.jobseeker(residentId).orElseThrow();
              List<Long> fromIndex =
                  candidates.bestPostingIds(s, settings.scorer(), k, LocalDate.now(clock));
              return r.status() == 200
                  && ids(r, "postingId").equals(expected)
                  && fromIndex.equals(expected);
            });
    return ids(reply, "postingId");
  }

  /** The posting's list, for an admin or a community's matchmaker, equals brute force. */
  private List<Long> postingListIsExact(long postingId, Long community, int k) {
    String token = community == null ? admin() : userToken(Role.MATCHMAKER, community);
    List<Long> expected = new ArrayList<>();
    Reply reply =
        eventually(
            () -> api().get("/api/v1/postings/" + postingId + "/matches?size=" + k, token),
            r -> {
              expected.clear();
              expected.addAll(bruteForPosting(postingId, community, k));
              Posting o = records.posting(postingId).orElseThrow();
              List<Long> fromIndex =
                  candidates.bestJobseekerIds(
                      o, settings.scorer(), k, community, LocalDate.now(clock));
              return r.status() == 200
                  && ids(r, "jobseekerId").equals(expected)
                  && fromIndex.equals(expected);
            });
    return ids(reply, "jobseekerId");
  }

  /**
   * Runs the statement on these ids with the search triggers off (replica role), so no outbox row
   * is written: the index keeps the rows as they were, as when it lags PostgreSQL.
   */
  private void behindTheIndex(String sql, List<Long> ids) {
    try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
      c.setAutoCommit(false);
      try (Statement role = c.createStatement();
          PreparedStatement update = c.prepareStatement(sql)) {
        role.execute("SET LOCAL session_replication_role = replica");
        update.setArray(1, c.createArrayOf("bigint", ids.toArray()));
        assertEquals(ids.size(), update.executeUpdate(), sql);
        c.commit();
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Postings the index still ranks first but PostgreSQL has closed (the index lagging) are passed
   * over: the next ones are read, then, once the spare ones run out too, a larger top is asked for.
   * The list stays full and equal to brute force over the database.
   */
  @Test
  void postingsClosedBeforeTheIndexKnowsAreReplacedFromFurtherDown() {
    long unit = aPartner();
    for (int i = 0; i < 12; i++) {
      int n = i;
      posting(unit, b -> b.title("保洁员" + n).wageMax(2600 + 50 * n));
    }
    long resident = resident(aJobseeker(COMMUNITY));
    List<Long> before = residentListIsExact(resident, 12);
    assertEquals(12, before.size(), "twelve postings pass for the resident");
    // more than the index's spare for a list of 2 (the two asked for and five more)
    List<Long> closed = before.subList(0, 9);
    behindTheIndex("UPDATE posting SET status = 'CLOSED' WHERE id = ANY (?)", closed);
    try {
      Jobseeker s = records.jobseeker(resident).orElseThrow();
      assertEquals(
          closed,
          candidates.bestPostingIds(s, settings.scorer(), 9, LocalDate.now(clock)),
          "the index still ranks the closed postings first");
      for (int size : new int[] {1, 2, 3}) {
        Reply r = api().get("/api/v1/jobseekers/" + resident + "/matches?size=" + size, admin());
        assertEquals(200, r.status(), r.toString());
        assertEquals(before.subList(9, 9 + size), ids(r, "postingId"), "size " + size);
        assertEquals(bruteForResident(resident, size), ids(r, "postingId"), "size " + size);
      }
    } finally {
      behindTheIndex("UPDATE posting SET status = 'OPEN' WHERE id = ANY (?)", closed);
    }
  }

  @Test
  void bothListsAreTheBruteForceTopAndFollowChanges() {
    long unit = aPartner();
    long cleaning = posting(unit, b -> b.title("小区保洁员").wageMax(2800));
    List<Long> postings = new ArrayList<>(List.of(cleaning));
    postings.add(
        posting(
            unit,
            b ->
                b.title("写字楼保洁")
                    .occupation("清洁工")
                    .workCommunityId(3L)
                    .wageMax(3200)
                    .schedule(Schedule.PART_TIME)
                    .skills(List.of("清洁卫生"))));
    postings.add(
        posting(
            unit,
            b ->
                b.title("住家保姆")
                    .occupation("住家保姆")
                    .skills(List.of("做饭", "家庭保洁"))
                    .wageMax(4500)
                    .schedule(Schedule.FLEXIBLE)
                    .requiredLicences(List.of("健康证"))));
    UnaryOperator<PostingRequestBuilder> outside =
        b ->
            b.title("维修电工")
                .occupation("电工")
                .skills(List.of("电工"))
                .wageMin(4000)
                .wageMax(5200)
                .schedule(Schedule.SHIFT)
                .workCommunityId(null)
                .outsideDistrict(true)
                .city("三明市");
    postings.add(posting(unit, outside));
    UnaryOperator<PostingRequestBuilder> factory =
        b ->
            outside.apply(b).title("厦门电子厂普工").occupation("普工").skills(List.of("流水线操作")).city("厦门市");
    long factoryJob = posting(unit, factory);
    postings.add(factoryJob);
    postings.add(
        posting(
            unit,
            b ->
                b.title("社区公益性岗位")
                    .occupation("社区协管员")
                    .skills(List.of("信息登记"))
                    .publicWelfare(true)
                    .wageMax(2200)));
    long unknown = posting(unit, b -> b.title("星际领航员").occupation("星际领航员").skills(List.of()));
    postings.add(unknown);
    postings.add(
        posting(
            unit,
            b ->
                b.title("小区保安")
                    .occupation("保安员")
                    .skills(List.of("巡逻"))
                    .requiredLicences(List.of("保安员证"))
                    .minAge(18)
                    .maxAge(45)
                    .schedule(Schedule.SHIFT)
                    .wageMax(3500)));
    postings.add(
        posting(
            unit,
            b ->
                b.title("仓库管理员")
                    .occupation("仓管员")
                    .skills(List.of("电脑操作"))
                    .minEducation(Education.SENIOR_HIGH)
                    .wageMax(4000)));
    postings.add(
        posting(
            unit,
            b ->
                b.title("养老护理员")
                    .occupation("养老护理员")
                    .skills(List.of("生活照料", "做饭"))
                    .workCommunityId(3L)
                    .schedule(Schedule.SHIFT)
                    .wageMax(3800)));
    Work unlisted = records.posting(unknown).orElseThrow().work();
    assertEquals("~星际领航员", unlisted.code(), "an occupation the list lacks has a code of its own");
    long readAs = posting(unit, b -> b.title("快递分拣打包员").occupation("快递分拣打包员"));
    postings.add(readAs);
    assertNotNull(records.posting(readAs).orElseThrow().work().readAs(), "read as a listed name");

    List<Long> residents = new ArrayList<>();
    residents.add(resident(aJobseeker(COMMUNITY)));
    residents.add(resident(aJobseeker(COMMUNITY))); // the same profile: ties go to the lower id
    JobseekerRequest electrician =
        edit(aged(34, true))
            .desiredOccupations(List.of("电工"))
            .skills(List.of("电工"))
            .experience("在机械厂做过维修电工五年")
            .acceptableSchedules(List.of())
            .willingOutside(true)
            .licences(List.of("电工证"))
            .minWage(null)
            .build();
    residents.add(resident(electrician));
    // the only holder of a licence one posting requires
    JobseekerRequest noWishes =
        edit(aLowIncomeJobseeker(COMMUNITY))
            .desiredOccupations(List.of())
            .experience("做过保安员，也在医院做过保洁员")
            .minWage(0)
            .licences(List.of("无人机驾驶证" + System.nanoTime()))
            .unemployedSince(LocalDate.now().minusYears(2))
            .build();
    long employedLater = resident(noWishes);
    residents.add(employedLater);
    residents.add(resident(aLowIncomeJobseeker(COMMUNITY)));
    residents.add(
        resident(
            edit(aJobseeker(3))
                .desiredOccupations(List.of("养老护理员"))
                .skills(List.of("生活照料", "做饭"))
                .licences(List.of("健康证"))
                .acceptableSchedules(List.of(Schedule.SHIFT, Schedule.FULL_TIME))
                .minWage(3500)
                .build()));
    residents.add(
        resident(
            edit(aged(30, true))
                .desiredOccupations(List.of("保安员"))
                .skills(List.of("巡逻"))
                .licences(List.of("保安员证"))
                .acceptableSchedules(List.of(Schedule.SHIFT))
                .build()));
    residents.add(
        resident(
            edit(aged(26, false))
                .desiredOccupations(List.of("普工", "仓管员"))
                .education(Education.SENIOR_HIGH)
                .willingOutside(true)
                .minWage(4800)
                .acceptableSchedules(List.of(Schedule.SHIFT, Schedule.FULL_TIME))
                .build()));
    residents.add(resident(edit(aJobseeker(COMMUNITY)).status(JobseekerStatus.EMPLOYED).build()));
    // names the list lacks: the same name on both sides, and one read as a listed name's group
    residents.add(
        resident(edit(aJobseeker(COMMUNITY)).desiredOccupations(List.of("星际领航员", "包装工")).build()));
    long licensed =
        posting(
            unit, b -> b.title("无人机巡查员").occupation("保安员").requiredLicences(noWishes.licences()));
    postings.add(licensed);

    // every resident's list, short and long, and every posting's, for an admin and a matchmaker
    for (long r : residents) {
      residentListIsExact(r, 3);
      residentListIsExact(r, 100);
    }
    for (long p : postings) {
      postingListIsExact(p, null, 10);
      postingListIsExact(p, COMMUNITY, 100);
    }
    List<Long> tied = residentListIsExact(residents.get(0), 100);
    assertTrue(tied.contains(cleaning), tied.toString());
    assertEquals(
        residentListIsExact(residents.get(1), 100), tied, "two equal profiles get the same list");
    assertTrue(postingListIsExact(cleaning, null, 10).size() >= 5, "a list worth comparing");
    List<Long> community = postingListIsExact(cleaning, COMMUNITY, 100);
    int first = community.indexOf(residents.get(0));
    assertTrue(first >= 0, community.toString());
    assertEquals(residents.get(1), community.get(first + 1), "equal scores: the lower id first");

    // a posting closed leaves every list
    assertEquals(
        200, api().post("/api/v1/postings/" + cleaning + "/close", Map.of(), admin()).status());
    List<Long> afterClose = residentListIsExact(residents.get(0), 100);
    assertFalse(afterClose.contains(cleaning), afterClose.toString());
    postingListIsExact(cleaning, null, 10);

    // a wage raised raises the posting's score on a resident's list
    long wantsFactoryWork = residents.get(7);
    residentListIsExact(wantsFactoryWork, 100);
    double before = score(matchesOf(wantsFactoryWork), factoryJob);
    assertTrue(before >= 0, "the factory posting is on the list");
    Reply raised =
        api()
            .put(
                "/api/v1/postings/" + factoryJob,
                postingBody(unit, b -> factory.apply(b).wageMin(9000).wageMax(12000)),
                admin());
    assertEquals(200, raised.status(), raised.toString());
    eventually(() -> matchesOf(wantsFactoryWork), r -> score(r, factoryJob) > before);
    residentListIsExact(wantsFactoryWork, 100);

    // a resident employed leaves every posting's list
    assertEquals(List.of(employedLater), postingListIsExact(licensed, null, 10));
    Reply employed =
        api()
            .put(
                "/api/v1/jobseekers/" + employedLater,
                edit(noWishes).status(JobseekerStatus.EMPLOYED).build(),
                admin());
    assertEquals(200, employed.status(), employed.toString());
    assertEquals(List.of(), postingListIsExact(licensed, null, 10));
    assertTrue(residentListIsExact(employedLater, 10).isEmpty(), "employed: no postings");
  }

  private Reply matchesOf(long residentId) {
    return api().get("/api/v1/jobseekers/" + residentId + "/matches?size=100", admin());
  }

  /** The posting's score on a resident's list, as the API shows it; -1 when it is not there. */
  private static double score(Reply r, long postingId) {
    for (Object hit : (List<?>) r.at("matches")) {
      Map<?, ?> m = (Map<?, ?>) hit;
      if (((Number) m.get("postingId")).longValue() == postingId) {
        return ((Number) m.get("score")).doubleValue();
      }
    }
    return -1;
  }
}
