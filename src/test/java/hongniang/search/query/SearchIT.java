package hongniang.search.query;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.Schedule;
import hongniang.jobseekers.JobseekerRequest;
import hongniang.jobseekers.JobseekerStatus;
import hongniang.postings.PostingRequest;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import hongniang.support.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SearchIT extends ApiTest {

  @Inject TestClock clock;

  @AfterEach
  void realTime() {
    clock.setDaysAhead(0);
  }

  private Reply search(String query) {
    return api().get("/api/v1/postings/search?" + query, null);
  }

  private static String q(String text) {
    return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Waits until the search satisfies the check: the indexer works in the background. */
  private Reply eventually(String query, Predicate<Reply> check) {
    return eventually(() -> search(query), check);
  }

  private static Predicate<Reply> has(long id) {
    return r -> ids(r).contains(id);
  }

  private static Predicate<Reply> lacks(long id) {
    return r -> r.status() == 200 && !ids(r).contains(id);
  }

  private static List<Long> ids(Reply r) {
    List<Long> out = new ArrayList<>();
    for (Object hit : r.list("hits")) {
      out.add(((Number) ((Map<?, ?>) hit).get("id")).longValue());
    }
    return out;
  }

  private long aCleaningPosting(long unit) {
    PostingRequest body =
        edit(aPosting(unit)).title("小区保洁员").occupation("保洁员").description("负责楼道和公共区域的清洁").build();
    return api().post("/api/v1/postings", body, admin()).num("id");
  }

  @Test
  void anonymousResidentsFindAPostingByWordSynonymPinyinAndInitials() {
    long unit = aPartner();
    long id = aCleaningPosting(unit);
    String mine = "&partnerUnitId=" + unit;
    Reply byWord = eventually(q("保洁") + mine, has(id));
    assertTrue(
        ((Map<?, ?>) ((Map<?, ?>) byWord.list("hits").get(0)).get("highlights"))
            .toString()
            .contains("<b>"),
        byWord.toString());
    eventually(q("清洁工") + mine, has(id));
    eventually(q("环卫") + mine, has(id));
    eventually(q("baojie") + mine, has(id));
    eventually(q("bj") + mine, has(id));
    eventually(q("bao jie") + mine, has(id));
    Reply unrelated = eventually(q("月嫂") + mine, lacks(id));
    assertEquals(0, unrelated.num("total"));
  }

  /**
   * smartcn reads 三明月嫂 as 三 明月 嫂, so the words miss it; with few word hits the search runs again
   * with the character-pair backstop and finds it. With many word hits it does not.
   */
  @Test
  void characterPairsBackUpTheWordsWhenTheyFindLittle() {
    long unit = aPartner();
    String mine = "&partnerUnitId=" + unit;
    PostingRequest body =
        edit(aPosting(unit))
            .title("三明月嫂服务中心招聘")
            .occupation("家政服务员")
            .description("照顾产妇和新生儿")
            .skills(List.of("做饭"))
            .build();
    long id = api().post("/api/v1/postings", body, admin()).num("id");
    Reply found = eventually(q("月嫂") + mine, has(id));
    assertEquals(1, found.num("total"));
  }

  /**
   * A hit shows its posting's own values (read from the index's copy of them, not the stored
   * documents), in a search with text and in one without.
   */
  @Test
  void aHitShowsItsPostingsValues() {
    long unit = aPartner();
    String unitName = api().get("/api/v1/partners/" + unit, admin()).str("name");
    PostingRequest body =
        edit(aPosting(unit))
            .title("超市理货员早班")
            .occupation("理货员")
            .skills(List.of("搬运", "收银"))
            .schedule(Schedule.PART_TIME)
            .wageMin(2600)
            .wageMax(3400)
            .wageNote("另有餐补")
            .headcount(4)
            .workCommunityId(7L)
            .accommodation(true)
            .disabilityFriendly(true)
            .requiredLicences(List.of("健康证", "叉车证"))
            .validThrough(LocalDate.now().plusDays(40))
            .build();
    String validThrough = body.validThrough().toString();
    long id = api().post("/api/v1/postings", body, admin()).num("id");
    String mine = "partnerUnitId=" + unit;
    for (String query : List.of(mine, q("理货员") + "&" + mine)) {
      Reply found = eventually(query, has(id));
      Map<?, ?> hit = (Map<?, ?>) found.list("hits").get(0);
      assertEquals(id, ((Number) hit.get("id")).longValue(), query);
      assertEquals("超市理货员早班", hit.get("title"));
      assertEquals(unit, ((Number) hit.get("partnerUnitId")).longValue());
      assertEquals(unitName, hit.get("partnerUnitName"));
      assertEquals("理货员", hit.get("occupation"));
      assertEquals(7, ((Number) hit.get("communityId")).intValue());
      assertEquals("PART_TIME", hit.get("schedule"));
      assertEquals(2600, ((Number) hit.get("wageMin")).intValue());
      assertEquals(3400, ((Number) hit.get("wageMax")).intValue());
      assertEquals("另有餐补", hit.get("wageNote"));
      assertEquals(4, ((Number) hit.get("remaining")).intValue());
      assertEquals(false, hit.get("publicWelfare"));
      assertEquals(true, hit.get("accommodation"));
      assertEquals(true, hit.get("disabilityFriendly"));
      assertEquals(List.of("健康证", "叉车证"), hit.get("requiredLicences"));
      assertEquals(validThrough, hit.get("validThrough"));
      assertFalse(((String) hit.get("city")).isBlank());
    }
  }

  @Test
  void filtersNarrowAndFacetsCount() {
    long unit = aPartner();
    long cleaning = aCleaningPosting(unit);
    PostingRequest guard =
        edit(aPosting(unit))
            .title("夜班门卫")
            .occupation("保安员")
            .schedule(Schedule.SHIFT)
            .wageMin(3000)
            .wageMax(3600)
            .workCommunityId(4L)
            .requiredLicences(List.of("保安员证"))
            .build();
    long security = api().post("/api/v1/postings", guard, admin()).num("id");
    String mine = "partnerUnitId=" + unit;
    Reply all = eventually(mine, r -> r.num("total") == 2);
    assertEquals(
        "[{value=FULL_TIME, count=1, label=全职}, {value=SHIFT, count=1, label=倒班}]",
        all.at("facets.schedule").toString());
    assertEquals(
        "[{value=1, count=1, label=红印山}, {value=4, count=1, label=下洋}]",
        all.at("facets.community").toString());
    assertEquals(
        "[{value=cleaning, count=1, label=保洁环卫}, {value=security, count=1, label=安保}]",
        all.at("facets.group").toString());
    // counts follow the filters: one posting left, and only its values
    Reply shift = eventually(mine + "&schedule=SHIFT", r -> r.num("total") == 1);
    assertEquals("[{value=SHIFT, count=1, label=倒班}]", shift.at("facets.schedule").toString());
    assertEquals(
        "[{value=3000-4000, count=1, label=3000-4000}]", shift.at("facets.wage_band").toString());
    // labels in the caller's language
    Reply english =
        api()
            .send(
                io.micronaut.http.HttpRequest.GET("/api/v1/postings/search?" + mine)
                    .header("Accept-Language", "en"),
                null);
    assertEquals(
        "[{value=cleaning, count=1, label=Cleaning and sanitation}, {value=security, count=1,"
            + " label=Security}]",
        english.at("facets.group").toString());
    eventually(mine + "&schedule=SHIFT", r -> ids(r).equals(List.of(security)));
    eventually(mine + "&communityId=4", r -> ids(r).equals(List.of(security)));
    eventually(mine + "&wageFrom=3200", r -> ids(r).equals(List.of(security)));
    eventually(mine + "&wageTo=2900", r -> ids(r).equals(List.of(cleaning)));
    eventually(
        mine + "&heldLicences=" + URLEncoder.encode("健康证", StandardCharsets.UTF_8),
        r -> ids(r).equals(List.of(cleaning)));
    eventually(mine + "&" + q("防损员"), r -> ids(r).equals(List.of(security)));
    Reply wage = eventually(mine + "&sort=wage", r -> r.num("total") == 2);
    assertEquals(List.of(security, cleaning), ids(wage));
  }

  @Test
  void closingAPostingOrEndingTheAgreementRemovesItWithoutAReindex() {
    long unit = aPartner();
    long id = aCleaningPosting(unit);
    String mine = "partnerUnitId=" + unit;
    eventually(mine, has(id));
    api().post("/api/v1/postings/" + id + "/pause", Map.of(), admin());
    eventually(mine, lacks(id));
    api().post("/api/v1/postings/" + id + "/open", Map.of(), admin());
    eventually(mine, has(id));

    // the agreement signed by aPartner() runs one year: the day after, the posting is gone
    clock.setDaysAhead(366);
    assertFalse(ids(search(mine)).contains(id), "expired agreement still searchable");
    clock.setDaysAhead(0);
    assertTrue(ids(search(mine)).contains(id));

    long agreement = api().get("/api/v1/partners/" + unit + "/agreements", admin()).num("[0].id");
    api().post("/api/v1/agreements/" + agreement + "/suspend", Map.of(), admin());
    eventually(mine, lacks(id));
  }

  @Test
  void staffFindResidentsBySkillAndOthersCannot() {
    JobseekerRequest body =
        edit(aJobseeker(6)).skills(List.of("电焊", "气割")).desiredOccupations(List.of("电焊工")).build();
    long id = api().post("/api/v1/jobseekers", body, admin()).num("id");
    String matchmaker = userToken(Role.MATCHMAKER, 6L);
    String path = "/api/v1/jobseekers/search?" + q("焊工") + "&communityId=6";
    long deadline = System.currentTimeMillis() + 5000;
    Reply reply = api().get(path, matchmaker);
    while (!reply.text().contains("\"id\":" + id + ",") && System.currentTimeMillis() < deadline) {
      sleep(50);
      reply = api().get(path, matchmaker);
    }
    assertTrue(reply.text().contains("\"id\":" + id + ","), reply.toString());
    assertFalse(reply.text().contains("13805981234"), "no phone in search results");
    // snippets only on request
    assertFalse(reply.text().contains("<b>"), reply.toString());
    Reply marked = api().get(path + "&highlight=true", matchmaker);
    assertTrue(
        marked.text().contains("<b>焊工</b>") || marked.text().contains("<b>电焊工</b>"),
        marked.toString());
    assertFalse(reply.text().contains(body.idNumber()), "no ID number in results");
    Reply faceted = api().get("/api/v1/jobseekers/search?facets=true", matchmaker);
    assertTrue(
        faceted.text().contains("\"community\":[{\"value\":\"6\",\"count\""), faceted.toString());
    assertTrue(faceted.text().contains("\"label\":\"芙蓉\""), faceted.toString());
    assertTrue(faceted.text().contains("\"label\":\"求职中\""), faceted.toString());
    assertEquals(true, faceted.at("totalExact"));
    assertEquals(404, api().get("/api/v1/jobseekers/search?communityId=5", matchmaker).status());
    assertEquals(401, api().get("/api/v1/jobseekers/search", null).status());
    String employer = userToken(Role.EMPLOYER, aPartner());
    assertEquals(403, api().get("/api/v1/jobseekers/search", employer).status());

    // residents who found work are left out unless asked for
    long employed =
        api()
            .post(
                "/api/v1/jobseekers",
                edit(aJobseeker(6))
                    .skills(body.skills())
                    .desiredOccupations(body.desiredOccupations())
                    .status(JobseekerStatus.EMPLOYED)
                    .build(),
                admin())
            .num("id");
    Reply withEmployed =
        eventually(
            () -> api().get(path + "&status=ANY", matchmaker),
            r -> r.text().contains("\"id\":" + employed + ","));
    assertTrue(withEmployed.text().contains("\"id\":" + id + ","), withEmployed.toString());
    assertFalse(api().get(path, matchmaker).text().contains("\"id\":" + employed + ","));
    assertTrue(
        api()
            .get(path + "&status=employed", matchmaker)
            .text()
            .contains("\"id\":" + employed + ","));
    assertEquals(
        List.of("status:OneOf"), api().get(path + "&status=HIRED", matchmaker).fieldRules());
    assertEquals(204, api().delete("/api/v1/jobseekers/" + employed, admin()).status());

    assertEquals(204, api().delete("/api/v1/jobseekers/" + id, admin()).status());
    deadline = System.currentTimeMillis() + 5000;
    while (api().get(path, matchmaker).text().contains("\"id\":" + id + ",")
        && System.currentTimeMillis() < deadline) {
      sleep(50);
    }
    assertFalse(api().get(path, matchmaker).text().contains("\"id\":" + id + ","));
  }

  @Test
  void anyQueryTextIsSafe() {
    String[] nasty = {
      "\"unbalanced",
      "*",
      "title:保洁",
      "status:DRAFT",
      "保洁\u0000\u0007",
      "((((",
      "a AND OR NOT",
      "x".repeat(10_000),
      "\\",
      "~1^2",
      "[1 TO 5]",
      "😀😀",
      "%00",
      ""
    };
    for (String text : nasty) {
      Reply reply = search(q(text));
      assertEquals(200, reply.status(), text.length() > 50 ? "long string" : text);
    }
    assertEquals(List.of("size:Range"), search("size=51").fieldRules());
    assertEquals(List.of("page:Depth"), search("size=50&page=20").fieldRules());
    // the largest int: page + 1 must not wrap round to a negative depth
    assertEquals(List.of("page:Depth"), search("page=2147483647").fieldRules());
    assertEquals(List.of("sort:OneOf"), search("sort=price").fieldRules());
    assertEquals(400, search("wageFrom=abc").status());
  }

  @Test
  void draftsOfAnyUnitNeverShowInSearch() {
    long unit = aPartner();
    long draft = aDraft(unit);
    long open = aCleaningPosting(unit);
    eventually("partnerUnitId=" + unit, r -> ids(r).equals(List.of(open)));
    assertFalse(ids(search(q("保洁") + "&size=50")).contains(draft));
  }

  @Test
  void suggestionsComeByCharactersPinyinAndInitials() {
    aCleaningPosting(aPartner());
    for (String typed : new String[] {"保", "bao", "bj"}) {
      long deadline = System.currentTimeMillis() + 8000;
      Reply reply = api().get("/api/v1/suggest?" + q(typed), null);
      while (!reply.text().contains("保洁员") && System.currentTimeMillis() < deadline) {
        sleep(100);
        reply = api().get("/api/v1/suggest?" + q(typed), null);
      }
      assertTrue(reply.text().contains("保洁员"), typed + " -> " + reply);
      // one occupation, one suggestion: 保洁, 保洁工 and 清洁工 fold into 保洁员
      List<?> texts = reply.list("").stream().map(x -> ((Map<?, ?>) x).get("text")).toList();
      assertFalse(texts.contains("保洁") || texts.contains("保洁工"), typed + " -> " + texts);
    }
    assertEquals(200, api().get("/api/v1/suggest?" + q("\"*\u0000"), null).status());
    assertEquals(
        List.of("limit:Range"), api().get("/api/v1/suggest?q=b&limit=99", null).fieldRules());
  }

  @Test
  void aRebuildGivesTheSameResultsAsIncrementalUpdates() {
    long unit = aPartner();
    aCleaningPosting(unit);
    api().post("/api/v1/postings", edit(aPosting(unit)).title("超市防损员").build(), admin());
    eventually("partnerUnitId=" + unit, r -> r.num("total") == 2);
    String[] queries = {
      "q=%E4%BF%9D%E6%B4%81",
      "q=baojie",
      "q=%E4%BF%9D%E5%AE%89",
      "sort=newest",
      "schedule=FULL_TIME"
    };
    List<String> before = new ArrayList<>();
    for (String query : queries) {
      before.add(snapshot(query));
    }
    Reply status = api().get("/api/v1/search/status", admin());
    Reply rebuilt = api().post("/api/v1/search/rebuild", Map.of(), admin());
    assertEquals(200, rebuilt.status(), rebuilt.toString());
    assertEquals(status.num("postings"), rebuilt.num("postings"));
    assertEquals(status.num("jobseekers"), rebuilt.num("jobseekers"));
    List<String> after = new ArrayList<>();
    for (String query : queries) {
      after.add(snapshot(query));
    }
    assertEquals(before, after);
    String matchmaker = userToken(Role.MATCHMAKER, 1L);
    assertEquals(403, api().post("/api/v1/search/rebuild", Map.of(), matchmaker).status());
  }

  /**
   * The hits of a query: in order for sorted queries; as a set for relevance, since deleted
   * documents still weigh in an incrementally updated index's term statistics until merged.
   */
  private String snapshot(String query) {
    Reply reply = search(query + "&size=50");
    List<Long> ids = ids(reply);
    if (query.startsWith("q=")) {
      ids = ids.stream().sorted().toList();
    }
    return query + " " + reply.num("total") + " " + ids;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
