package hongniang.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.DifficultyCategory;
import hongniang.common.Gender;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Fixtures;
import hongniang.support.Reply;
import hongniang.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worklist of a community of its own, built through the API and read back section by section.
 */
@MicronautTest(transactional = false)
class WorklistIT extends ApiTest {

  @Inject TestClock clock;

  private long community;
  private String matchmaker;
  private long unit;

  @BeforeEach
  void aCommunityOfItsOwn() {
    Reply created =
        api().post("/api/v1/communities", Map.of("name", "工作清单社区" + System.nanoTime()), admin());
    assertEquals(201, created.status(), created::toString);
    community = created.num("id");
    matchmaker = userToken(Role.MATCHMAKER, community);
    unit = aPartner();
  }

  private long aResident(String name, List<DifficultyCategory> categories, LocalDate since) {
    Reply r =
        api()
            .post(
                "/api/v1/jobseekers",
                Fixtures.edit(Fixtures.aJobseeker(community))
                    .idNumber(null)
                    .name(name)
                    .gender(Gender.FEMALE)
                    .birthYear(LocalDate.now().getYear() - 48)
                    .difficultyCategories(categories)
                    .unemployedSince(since)
                    .build(),
                admin());
    assertEquals(201, r.status(), r::toString);
    return r.num("id");
  }

  private Reply worklist(String token, String language) {
    return api().send(HttpRequest.GET("/api/v1/worklist?size=20"), token, language);
  }

  private static Map<?, ?> section(Reply w, String key) {
    return w.list("sections").stream()
        .map(s -> (Map<?, ?>) s)
        .filter(s -> key.equals(s.get("key")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no section " + key + " in " + w));
  }

  private static List<?> items(Reply w, String key) {
    return (List<?>) section(w, key).get("items");
  }

  private static List<String> codes(Object item) {
    return ((List<?>) ((Map<?, ?>) item).get("why"))
        .stream().map(x -> (String) ((Map<?, ?>) x).get("code")).toList();
  }

  private static boolean holds(Reply w, String key, String idField, long id) {
    return items(w, key).stream()
        .anyMatch(i -> ((Map<?, ?>) i).get(idField) instanceof Number n && n.longValue() == id);
  }

  /** The postings a test opened: closed after it, so other tests' matches never meet them. */
  private final List<Long> opened = new java.util.ArrayList<>();

  @AfterEach
  void closeWhatWasOpened() {
    for (long id : opened) {
      api().post("/api/v1/postings/" + id + "/close", Map.of(), admin());
    }
  }

  private long referral(long resident) {
    long posting = anOpenPosting(unit);
    opened.add(posting);
    Reply r =
        api()
            .post(
                "/api/v1/referrals",
                Map.of("jobseekerId", resident, "postingId", posting),
                matchmaker);
    assertEquals(201, r.status(), r::toString);
    return r.num("id");
  }

  private void move(long referral, Map<String, Object> body) {
    Reply r = api().post("/api/v1/referrals/" + referral + "/transitions", body, matchmaker);
    assertEquals(200, r.status(), r::toString);
  }

  private void consentAndSend(long referral) {
    Reply c =
        api()
            .post(
                "/api/v1/referrals/" + referral + "/consent",
                Map.of("method", "PHONE_CALL", "reference", "12-01 10:00"),
                matchmaker);
    assertEquals(200, c.status(), c::toString);
    move(referral, Map.of("to", "SENT"));
  }

  @Test
  void theResidentWhoNeedsHelpMostComesFirstAndSaysWhy() {
    long plain = aResident("张平", List.of(), null);
    long hard =
        aResident(
            "王困难",
            List.of(DifficultyCategory.LOW_INCOME, DifficultyCategory.AGE_4050),
            LocalDate.now().minusMonths(26));
    Reply w = worklist(matchmaker, "zh");
    assertEquals(200, w.status(), w::toString);
    assertEquals(community, w.num("communityId"));
    List<?> residents = items(w, "residents");
    assertEquals(hard, ((Number) ((Map<?, ?>) residents.get(0)).get("jobseekerId")).longValue());
    assertEquals(List.of("CATEGORY", "OUT_OF_WORK", "NO_OPEN_REFERRAL"), codes(residents.get(0)));
    assertEquals(plain, ((Number) ((Map<?, ?>) residents.get(1)).get("jobseekerId")).longValue());
    assertEquals(
        1L, ((Number) section(w, "residents").get("count")).longValue(), "only one needs it");
    String text = (String) ((Map<?, ?>) codesOf(residents.get(0)).get(1)).get("text");
    assertEquals("已失业 26 个月", text);
    String categories = (String) ((Map<?, ?>) codesOf(residents.get(0)).get(0)).get("text");
    assertTrue(
        categories.startsWith("就业困难人员：")
            && categories.contains("低保")
            && categories.contains("4050人员")
            && !categories.contains("AGE_4050"),
        categories);
  }

  /**
   * The statement scores only the residents who can be among the first {@code size}: whatever the
   * size, the first items are the first of the whole list, ties broken the same way, with the same
   * total.
   */
  @Test
  void theFirstFewAreTheFirstOfAllWhateverTheSize() {
    LocalDate today = LocalDate.now();
    List<DifficultyCategory> three =
        List.of(
            DifficultyCategory.LOW_INCOME,
            DifficultyCategory.AGE_4050,
            DifficultyCategory.DISABLED);
    long a = aResident("甲", three, today.minusMonths(30)); // 9 + 4 + 2 = 15
    long b = aResident("乙", three.subList(0, 2), today.minusMonths(30)); // 6 + 4 + 2 = 12
    long c = aResident("丙", three, today.minusMonths(2)); // 9 + 0, an open referral: 9
    referral(c);
    long d = aResident("丁", three.subList(0, 1), today.minusMonths(13)); // 3 + 2 + 2 = 7
    long e = aResident("戊", List.of(), today.minusMonths(20)); // 0 + 3 + 2 = 5
    long g = aResident("庚", List.of(DifficultyCategory.AGE_4050), null); // 3 + 0 + 2 = 5
    long f = aResident("己", List.of(), null); // 2, and needs no attention
    List<Long> expected = List.of(a, b, c, d, e, g, f);
    for (int size = 1; size <= expected.size(); size++) {
      Reply w = api().get("/api/v1/worklist?size=" + size, matchmaker);
      assertEquals(200, w.status(), w::toString);
      List<Long> ids =
          items(w, "residents").stream()
              .map(i -> ((Number) ((Map<?, ?>) i).get("jobseekerId")).longValue())
              .toList();
      assertEquals(expected.subList(0, size), ids, "size " + size);
      assertEquals(6L, ((Number) section(w, "residents").get("count")).longValue());
    }
  }

  private static List<?> codesOf(Object item) {
    return (List<?>) ((Map<?, ?>) item).get("why");
  }

  @Test
  void referralsShowWhomTheyWaitOnAndWhatIsOverdueOrAboutToExpire() {
    long proposed = referral(aResident("赵一", List.of(), null));
    long sent = referral(aResident("钱二", List.of(), null));
    consentAndSend(sent);
    long interview = referral(aResident("孙三", List.of(), null));
    consentAndSend(interview);
    move(
        interview,
        Map.of(
            "to",
            "INTERVIEW",
            "interview",
            Map.of(
                "date", LocalDate.now().plusDays(2).toString(),
                "time", "14:00",
                "place", "人事部",
                "contact", "李经理")));
    Reply w = worklist(matchmaker, "zh");
    assertTrue(holds(w, "consents", "referralId", proposed));
    assertFalse(holds(w, "consents", "referralId", sent));
    assertTrue(holds(w, "interviews", "referralId", interview));
    assertFalse(holds(w, "replyOverdue", "referralId", sent));
    Map<?, ?> waiting =
        (Map<?, ?>)
            items(w, "waiting").stream()
                .filter(i -> ((Number) ((Map<?, ?>) i).get("referralId")).longValue() == sent)
                .findFirst()
                .orElseThrow();
    assertEquals("EMPLOYER", waiting.get("waitingOn"));
    assertEquals(3L, ((Number) section(w, "waiting").get("count")).longValue());
    try {
      clock.setDaysAhead(8);
      Reply late = worklist(matchmaker, "en");
      assertTrue(holds(late, "replyOverdue", "referralId", sent), late::toString);
      assertFalse(holds(late, "expiring", "referralId", proposed));
      clock.setDaysAhead(12);
      Reply soon = worklist(matchmaker, "en");
      assertTrue(holds(soon, "expiring", "referralId", proposed), soon::toString);
      // the interview two days after it was arranged keeps that referral from expiring yet
      assertFalse(holds(soon, "expiring", "referralId", interview));
      assertFalse(soon.text().contains("worklist."), "every text is in the bundles");
      Map<?, ?> expiring =
          (Map<?, ?>)
              items(soon, "expiring").stream()
                  .filter(i -> ((Number) ((Map<?, ?>) i).get("referralId")).longValue() == proposed)
                  .findFirst()
                  .orElseThrow();
      // the service keeps the street office's dates (Asia/Shanghai)
      assertEquals(
          LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(14).toString(),
          expiring.get("due"));
    } finally {
      clock.setDaysAhead(0);
    }
  }

  @Test
  void followUpsDueOrOverdueShowUntilTheyAreRecorded() {
    long resident = aResident("吴五", List.of(), null);
    Reply placed =
        api()
            .post(
                "/api/v1/placements",
                Map.of(
                    "jobseekerId",
                    resident,
                    "type",
                    "FLEXIBLE",
                    "startDate",
                    LocalDate.now().minusMonths(1).minusDays(2).toString(),
                    "monthlyWage",
                    1800,
                    "employerName",
                    "个体早餐店"),
                matchmaker);
    assertEquals(201, placed.status(), placed::toString);
    Reply w = worklist(matchmaker, "zh");
    List<?> due = items(w, "followUps");
    assertEquals(1, due.size(), w::toString);
    assertEquals(List.of("FOLLOW_UP_OVERDUE"), codes(due.get(0)));
    long followUp = ((Number) ((Map<?, ?>) due.get(0)).get("followUpId")).longValue();
    Reply recorded =
        api()
            .post(
                "/api/v1/follow-ups/" + followUp, Map.of("outcome", "STILL_EMPLOYED"), matchmaker);
    assertEquals(200, recorded.status(), recorded::toString);
    assertTrue(items(worklist(matchmaker, "zh"), "followUps").isEmpty());
  }

  @Inject hongniang.jobseekers.RegisterJobs register;

  @Test
  void residentsWhoDoNotAnswerStillLookingShowAfterTheAnswerDays() {
    long silent = aResident("郑六", List.of(), null);
    try {
      clock.setDaysAhead(91);
      register.runOnce();
      assertFalse(holds(worklist(matchmaker, "zh"), "stillLooking", "jobseekerId", silent));
      clock.setDaysAhead(106);
      Reply w = worklist(matchmaker, "zh");
      assertTrue(holds(w, "stillLooking", "jobseekerId", silent), w::toString);
      assertEquals(1L, ((Number) section(w, "stillLooking").get("count")).longValue());
    } finally {
      clock.setDaysAhead(0);
    }
  }

  @Test
  void agreementsTheCommunitySignedShowBeforeTheyEnd() {
    long partner = aUnit();
    Reply signed =
        sign(partner, community, LocalDate.now().minusYears(1), LocalDate.now().plusDays(10));
    assertEquals(201, signed.status(), signed::toString);
    long later = aUnit();
    sign(later, community, LocalDate.now().minusYears(1), LocalDate.now().plusDays(60));
    Reply w = worklist(matchmaker, "zh");
    assertTrue(holds(w, "agreements", "partnerUnitId", partner));
    assertFalse(holds(w, "agreements", "partnerUnitId", later));
  }

  @Test
  void aMatchmakerSeesOnlyTheirCommunityAndAnAdminSeesCountsPerCommunity() {
    aResident("周四", List.of(DifficultyCategory.DISABLED), null);
    Reply other =
        api().get("/api/v1/worklist?communityId=" + community, userToken(Role.MATCHMAKER, 1L));
    assertEquals(404, other.status());
    assertEquals(403, api().get("/api/v1/worklist", userToken(Role.EMPLOYER, unit)).status());
    assertEquals(400, api().get("/api/v1/worklist?size=0", matchmaker).status());
    Reply all = api().get("/api/v1/worklist?size=1", admin());
    assertEquals(200, all.status(), all::toString);
    Map<?, ?> mine =
        (Map<?, ?>)
            all.list("byCommunity").stream()
                .filter(c -> ((Number) ((Map<?, ?>) c).get("communityId")).longValue() == community)
                .findFirst()
                .orElseThrow();
    assertEquals(1L, ((Number) ((Map<?, ?>) mine.get("counts")).get("residents")).longValue());
    assertNotNull(all.at("sections[0].items"));
    Reply one = api().get("/api/v1/worklist?communityId=" + community, admin());
    assertEquals(community, one.num("communityId"));
  }
}
