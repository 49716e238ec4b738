package hongniang.matches;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aLowIncomeJobseeker;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.jobseekers.JobseekerRequest;
import hongniang.jobseekers.JobseekerStatus;
import hongniang.postings.PostingRequest;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.JobseekerRequestBuilder;
import hongniang.support.PostingRequestBuilder;
import hongniang.support.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The match endpoints over real HTTP, PostgreSQL and Lucene. */
@MicronautTest(transactional = false)
class MatchesIT extends ApiTest {

  private static final long COMMUNITY = 8;

  private long posting(long unit, UnaryOperator<PostingRequestBuilder> changes) {
    PostingRequest body = changes.apply(edit(aPosting(unit)).workCommunityId(COMMUNITY)).build();
    Reply created = api().post("/api/v1/postings", body, admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  private long resident(JobseekerRequest body) {
    Reply created = api().post("/api/v1/jobseekers", body, admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  private static List<Long> ids(Reply r, String list, String field) {
    List<Long> out = new ArrayList<>();
    Object items = r.at(list);
    if (items == null) {
      return out;
    }
    for (Object hit : (List<?>) items) {
      out.add(((Number) ((Map<?, ?>) hit).get(field)).longValue());
    }
    return out;
  }

  /** A resident who wants electrician's work and has the skill; each with an ID of their own. */
  private static JobseekerRequest electrician(UnaryOperator<JobseekerRequestBuilder> changes) {
    return changes
        .apply(edit(aJobseeker(COMMUNITY)).desiredOccupations(List.of("电工")).skills(List.of("电工")))
        .build();
  }

  private Reply residentMatches(long id, String token, String query) {
    return api().get("/api/v1/jobseekers/" + id + "/matches?size=100" + query, token);
  }

  @Test
  void ranksPostingsForAResidentAndExplainsEachScoreAndEachExclusion() {
    long unit = aPartner();
    long cleaning = posting(unit, b -> b.title("小区保洁员").occupation("保洁员"));
    long nearby = posting(unit, b -> b.title("写字楼保洁").occupation("清洁工").workCommunityId(3L));
    long welfare = posting(unit, b -> b.title("社区环境保洁员（公益性岗位）").publicWelfare(true));
    long licensed =
        posting(unit, b -> b.title("医院保洁员").occupation("保洁员").requiredLicences(List.of("健康证")));
    long resident = resident(aJobseeker(COMMUNITY));

    Reply reply =
        eventually(
            () -> residentMatches(resident, admin(), "&explain=excluded"),
            r ->
                ids(r, "matches", "postingId").containsAll(List.of(cleaning, nearby))
                    && ids(r, "excluded", "postingId").containsAll(List.of(welfare, licensed)));
    List<Long> ranked = ids(reply, "matches", "postingId");
    // the same community ranks above elsewhere in the district, all else equal
    assertTrue(ranked.indexOf(cleaning) < ranked.indexOf(nearby), ranked.toString());
    // hard rules filter, never rank low: no category for the public-welfare post, no licence
    assertFalse(ranked.contains(welfare), ranked.toString());
    assertFalse(ranked.contains(licensed), ranked.toString());
    List<Long> excluded = ids(reply, "excluded", "postingId");
    assertTrue(excluded.containsAll(List.of(welfare, licensed)), reply.toString());
    String text = reply.text();
    assertTrue(text.contains("PublicWelfareNotEligible") && text.contains("LicenceMissing"), text);
    assertTrue(text.contains("缺少所需的健康证") && text.contains("lacks the required 健康证"), text);

    Map<?, ?> first = (Map<?, ?>) ((List<?>) reply.at("matches")).get(ranked.indexOf(cleaning));
    List<?> parts = (List<?>) first.get("parts");
    double sum = 0;
    for (Object p : parts) {
      Map<?, ?> part = (Map<?, ?>) p;
      double points = ((Number) part.get("points")).doubleValue();
      assertTrue(
          points >= 0 && points <= ((Number) part.get("max")).doubleValue(), part.toString());
      assertFalse(((String) part.get("zh")).isBlank());
      assertFalse(((String) part.get("en")).isBlank());
      sum += points;
    }
    assertEquals(((Number) first.get("score")).doubleValue(), sum, 0.5);
    assertTrue(text.contains("期望月薪2000，本岗位最高2800"), text);
    // names beside ids
    assertEquals("东安", first.get("workCommunityName"), first.toString());
    assertEquals(api().get("/api/v1/partners/" + unit, admin()).str("name"), first.get("unitName"));

    // with a difficulty category the public-welfare post opens
    long entitled = resident(aLowIncomeJobseeker(COMMUNITY));
    eventually(
        () -> residentMatches(entitled, admin(), ""),
        r -> ids(r, "matches", "postingId").contains(welfare));
  }

  @Test
  void residentsSeeTheirOwnMatchesAndStaffOnlyTheirCommunity() {
    long unit = aPartner();
    posting(unit, b -> b);
    long resident = resident(aJobseeker(COMMUNITY));
    long other = resident(aJobseeker(COMMUNITY));
    String self = userToken(Role.RESIDENT, resident);
    assertEquals(200, residentMatches(resident, self, "").status());
    assertEquals(404, residentMatches(other, self, "").status());
    String ownMatchmaker = userToken(Role.MATCHMAKER, COMMUNITY);
    String otherMatchmaker = userToken(Role.MATCHMAKER, 2L);
    assertEquals(200, residentMatches(resident, ownMatchmaker, "").status());
    assertEquals(404, residentMatches(resident, otherMatchmaker, "").status());
    String employer = userToken(Role.EMPLOYER, unit);
    assertEquals(403, residentMatches(resident, employer, "").status());
    assertEquals(401, api().get("/api/v1/jobseekers/" + resident + "/matches", null).status());
    assertEquals(404, residentMatches(999_999_999L, admin(), "").status());
  }

  @Test
  void badParametersAreNamed() {
    long resident = resident(aJobseeker(COMMUNITY));
    Reply size = api().get("/api/v1/jobseekers/" + resident + "/matches?size=0", admin());
    assertEquals(400, size.status());
    assertEquals(List.of("size:Range"), size.fieldRules());
    Reply explain =
        api().get("/api/v1/jobseekers/" + resident + "/matches?explain=everything", admin());
    assertEquals(400, explain.status());
    assertEquals(List.of("explain:OneOf"), explain.fieldRules());
    Reply tooMany = api().get("/api/v1/postings/1/matches?size=101", admin());
    assertEquals(400, tooMany.status());
  }

  @Test
  void ranksResidentsForAPostingForStaffOnly() {
    long unit = aPartner();
    long job =
        posting(
            unit,
            b ->
                b.title("电工")
                    .occupation("电工")
                    .skills(List.of("电工"))
                    .requiredLicences(List.of("电工证")));
    long qualified = resident(electrician(b -> b.licences(List.of("电工证"))));
    long unlicensed = resident(electrician(b -> b.licences(List.of())));
    long employed =
        resident(
            edit(electrician(b -> b.licences(List.of("电工证"))))
                .status(JobseekerStatus.EMPLOYED)
                .build());
    long elsewhere =
        resident(edit(electrician(b -> b.licences(List.of("电工证")))).communityId(2L).build());

    Reply reply =
        eventually(
            () -> api().get("/api/v1/postings/" + job + "/matches?explain=excluded", admin()),
            r -> ids(r, "matches", "jobseekerId").containsAll(List.of(qualified, elsewhere)));
    List<Long> ranked = ids(reply, "matches", "jobseekerId");
    assertFalse(ranked.contains(unlicensed), ranked.toString());
    assertFalse(ranked.contains(employed), ranked.toString());
    assertTrue(ids(reply, "excluded", "jobseekerId").contains(unlicensed), reply.toString());
    assertTrue(reply.text().contains("电工证"), reply.text());

    String matchmaker = userToken(Role.MATCHMAKER, COMMUNITY);
    List<Long> own =
        ids(
            api().get("/api/v1/postings/" + job + "/matches", matchmaker),
            "matches",
            "jobseekerId");
    assertTrue(own.contains(qualified), own.toString());
    assertFalse(own.contains(elsewhere), "another community's resident leaked: " + own);
    String employer = userToken(Role.EMPLOYER, unit);
    assertEquals(403, api().get("/api/v1/postings/" + job + "/matches", employer).status());
    assertEquals(
        403,
        api()
            .get("/api/v1/postings/" + job + "/matches", userToken(Role.RESIDENT, qualified))
            .status());
    assertNull(
        api().get("/api/v1/postings/" + job + "/matches", admin()).at("excluded"),
        "no why-not list unless asked");
  }

  @Test
  void theBoardBeatsGreedyAndWritesNothing() {
    long unit = aPartner();
    // resident X fits the cleaning post best, but only X holds the electrician's licence: the
    // greedy way gives X the cleaning post and leaves the electrician's place empty
    long cleaning =
        posting(
            unit, b -> b.title("小区保洁员").occupation("保洁员").headcount(1).skills(List.of("保洁", "做饭")));
    long electrical =
        posting(
            unit,
            b ->
                b.title("维修电工")
                    .occupation("电工")
                    .headcount(1)
                    .skills(List.of("电工"))
                    .requiredLicences(List.of("电工证")));
    long x = resident(edit(aJobseeker(COMMUNITY)).licences(List.of("电工证")).build());
    long y = resident(edit(aJobseeker(COMMUNITY)).skills(List.of("保洁")).build());
    BoardRequest request =
        new BoardRequest(null, List.of(cleaning, electrical), List.of(x, y), null);
    Reply board = api().post("/api/v1/match-board", request, admin());
    assertEquals(200, board.status(), board.toString());
    assertTrue(board.num("places") == 2, board.toString());
    double total = ((Number) board.at("total")).doubleValue();
    double greedy = ((Number) board.at("greedyTotal")).doubleValue();
    assertTrue(total > greedy, board.toString());
    assertEquals(Boolean.TRUE, board.at("certified"));
    List<String> pairs = new ArrayList<>();
    for (Object p : board.list("proposals")) {
      Map<?, ?> m = (Map<?, ?>) p;
      pairs.add(m.get("postingId") + "-" + m.get("jobseekerId"));
      assertFalse(((List<?>) m.get("parts")).isEmpty());
    }
    assertEquals(List.of(cleaning + "-" + y, electrical + "-" + x), pairs);
    // proposals only: the residents are still seeking, the posting's places untouched
    assertEquals("SEEKING", api().get("/api/v1/jobseekers/" + x, admin()).str("status"));
    assertEquals(0, api().get("/api/v1/postings/" + cleaning, admin()).num("filledCount"));
  }

  @Test
  void theBoardChecksItsRequestAndWhoAsks() {
    long unit = aPartner();
    long job = posting(unit, b -> b);
    long resident = resident(aJobseeker(COMMUNITY));
    Reply bad =
        api().post("/api/v1/match-board", new BoardRequest(null, List.of(), null, 9), admin());
    assertEquals(400, bad.status());
    assertEquals(List.of("perResident:Range", "postingIds:Size"), bad.fieldRules());
    Reply unknown =
        api()
            .post(
                "/api/v1/match-board",
                new BoardRequest(null, List.of(job, 999_999_999L), List.of(resident), null),
                admin());
    assertEquals(400, unknown.status());
    assertEquals(List.of("postingIds:Exists"), unknown.fieldRules());
    String stranger = userToken(Role.MATCHMAKER, 2L);
    assertEquals(
        403,
        api()
            .post(
                "/api/v1/match-board",
                new BoardRequest(null, List.of(job), List.of(resident), null),
                stranger)
            .status());
    assertEquals(
        403,
        api()
            .post("/api/v1/match-board", new BoardRequest(COMMUNITY, null, null, null), stranger)
            .status());
    String own = userToken(Role.MATCHMAKER, COMMUNITY);
    Reply mine =
        api().post("/api/v1/match-board", new BoardRequest(null, List.of(job), null, null), own);
    assertEquals(200, mine.status(), mine.toString());
    String employer = userToken(Role.EMPLOYER, unit);
    assertEquals(
        403,
        api()
            .post("/api/v1/match-board", new BoardRequest(null, null, null, null), employer)
            .status());
  }
}
