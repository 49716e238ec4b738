package hongniang.matches;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aLowIncomeJobseeker;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.support.ApiTest;
import hongniang.support.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The match endpoints over real HTTP, PostgreSQL and Lucene. */
@MicronautTest(transactional = false)
class MatchesIT extends ApiTest {

  private static final long COMMUNITY = 8;

  private long posting(long unit, Map<String, Object> changes) {
    Map<String, Object> body = aPosting(unit);
    body.put("workCommunityId", COMMUNITY);
    body.putAll(changes);
    Reply created = api().post("/api/v1/postings", body, admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  private long resident(Map<String, Object> body) {
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
  private static Map<String, Object> electrician(String field, Object value) {
    Map<String, Object> body = with(aJobseeker(COMMUNITY), "desiredOccupations", List.of("电工"));
    body.put("skills", List.of("电工"));
    body.put(field, value);
    return body;
  }

  private Reply residentMatches(long id, String token, String query) {
    return api().get("/api/v1/jobseekers/" + id + "/matches?size=100" + query, token);
  }

  @Test
  void ranksPostingsForAResidentAndExplainsEachScoreAndEachExclusion() {
    long unit = aPartner();
    long cleaning = posting(unit, Map.of("title", "小区保洁员", "occupation", "保洁员"));
    long nearby =
        posting(unit, Map.of("title", "写字楼保洁", "occupation", "清洁工", "workCommunityId", 3));
    long welfare = posting(unit, Map.of("title", "社区环境保洁员（公益性岗位）", "publicWelfare", true));
    long licensed =
        posting(
            unit,
            Map.of("title", "医院保洁员", "occupation", "保洁员", "requiredLicences", List.of("健康证")));
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

    // with a difficulty category the public-welfare post opens
    long entitled = resident(aLowIncomeJobseeker(COMMUNITY));
    eventually(
        () -> residentMatches(entitled, admin(), ""),
        r -> ids(r, "matches", "postingId").contains(welfare));
  }

  @Test
  void residentsSeeTheirOwnMatchesAndStaffOnlyTheirCommunity() {
    long unit = aPartner();
    posting(unit, Map.of());
    long resident = resident(aJobseeker(COMMUNITY));
    long other = resident(aJobseeker(COMMUNITY));
    String self = userToken("RESIDENT", "jobseekerId", resident);
    assertEquals(200, residentMatches(resident, self, "").status());
    assertEquals(404, residentMatches(other, self, "").status());
    String ownMatchmaker = userToken("MATCHMAKER", "communityId", COMMUNITY);
    String otherMatchmaker = userToken("MATCHMAKER", "communityId", 2L);
    assertEquals(200, residentMatches(resident, ownMatchmaker, "").status());
    assertEquals(404, residentMatches(resident, otherMatchmaker, "").status());
    String employer = userToken("EMPLOYER", "partnerUnitId", unit);
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
            Map.of(
                "title",
                "电工",
                "occupation",
                "电工",
                "skills",
                List.of("电工"),
                "requiredLicences",
                List.of("电工证")));
    long qualified = resident(electrician("licences", List.of("电工证")));
    long unlicensed = resident(electrician("licences", List.of()));
    long employed = resident(with(electrician("licences", List.of("电工证")), "status", "EMPLOYED"));
    long elsewhere = resident(with(electrician("licences", List.of("电工证")), "communityId", 2));

    Reply reply =
        eventually(
            () -> api().get("/api/v1/postings/" + job + "/matches?explain=excluded", admin()),
            r -> ids(r, "matches", "jobseekerId").containsAll(List.of(qualified, elsewhere)));
    List<Long> ranked = ids(reply, "matches", "jobseekerId");
    assertFalse(ranked.contains(unlicensed), ranked.toString());
    assertFalse(ranked.contains(employed), ranked.toString());
    assertTrue(ids(reply, "excluded", "jobseekerId").contains(unlicensed), reply.toString());
    assertTrue(reply.text().contains("电工证"), reply.text());

    String matchmaker = userToken("MATCHMAKER", "communityId", COMMUNITY);
    List<Long> own =
        ids(
            api().get("/api/v1/postings/" + job + "/matches", matchmaker),
            "matches",
            "jobseekerId");
    assertTrue(own.contains(qualified), own.toString());
    assertFalse(own.contains(elsewhere), "another community's resident leaked: " + own);
    String employer = userToken("EMPLOYER", "partnerUnitId", unit);
    assertEquals(403, api().get("/api/v1/postings/" + job + "/matches", employer).status());
    assertEquals(
        403,
        api()
            .get(
                "/api/v1/postings/" + job + "/matches",
                userToken("RESIDENT", "jobseekerId", qualified))
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
            unit,
            Map.of(
                "title",
                "小区保洁员",
                "occupation",
                "保洁员",
                "headcount",
                1,
                "skills",
                List.of("保洁", "做饭")));
    long electrical =
        posting(
            unit,
            Map.of(
                "title",
                "维修电工",
                "occupation",
                "电工",
                "headcount",
                1,
                "skills",
                List.of("电工"),
                "requiredLicences",
                List.of("电工证")));
    long x = resident(with(aJobseeker(COMMUNITY), "licences", List.of("电工证")));
    long y = resident(with(aJobseeker(COMMUNITY), "skills", List.of("保洁")));
    Map<String, Object> request =
        Map.of("postingIds", List.of(cleaning, electrical), "jobseekerIds", List.of(x, y));
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
    long job = posting(unit, Map.of());
    long resident = resident(aJobseeker(COMMUNITY));
    Reply bad =
        api()
            .post(
                "/api/v1/match-board", Map.of("perResident", 9, "postingIds", List.of()), admin());
    assertEquals(400, bad.status());
    assertEquals(List.of("perResident:Range", "postingIds:Size"), bad.fieldRules());
    Reply unknown =
        api()
            .post(
                "/api/v1/match-board",
                Map.of("postingIds", List.of(job, 999_999_999L), "jobseekerIds", List.of(resident)),
                admin());
    assertEquals(400, unknown.status());
    assertEquals(List.of("postingIds:Exists"), unknown.fieldRules());
    String stranger = userToken("MATCHMAKER", "communityId", 2L);
    assertEquals(
        403,
        api()
            .post(
                "/api/v1/match-board",
                Map.of("postingIds", List.of(job), "jobseekerIds", List.of(resident)),
                stranger)
            .status());
    assertEquals(
        403,
        api().post("/api/v1/match-board", Map.of("communityId", COMMUNITY), stranger).status());
    String own = userToken("MATCHMAKER", "communityId", COMMUNITY);
    Reply mine = api().post("/api/v1/match-board", Map.of("postingIds", List.of(job)), own);
    assertEquals(200, mine.status(), mine.toString());
    String employer = userToken("EMPLOYER", "partnerUnitId", unit);
    assertEquals(403, api().post("/api/v1/match-board", Map.of(), employer).status());
  }
}
