package hongniang.referrals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.postings.PostingRequest;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Fixtures;
import hongniang.support.Reply;
import hongniang.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Referrals through the API: made, asked for, moved through every state, consented to and
 * withdrawn, seen by the unit only with consent, expired by the job, accepted from the board.
 */
@MicronautTest(transactional = false)
class ReferralsIT extends ApiTest {

  @Inject TestClock clock;
  @Inject ReferralJobs jobs;

  /** Community 1 is the matchmaker's; the partner's postings are in community 1. */
  private long unit;

  private String matchmaker;

  @BeforeEach
  void partnerAndMatchmaker() {
    unit = aPartner();
    matchmaker = userToken(Role.MATCHMAKER, 1L);
  }

  /** A seeking 52-year-old cleaner of the community (no ID number: the test makes many). */
  private long aResident(long community) {
    return aResidentOf(Fixtures.anOlderJobseeker(community));
  }

  /** The postings a test opened: closed after it, so other tests' matches never meet them. */
  private final List<Long> opened = new ArrayList<>();

  private long aPosting(PostingRequest request) {
    Reply created = api().post("/api/v1/postings", request, admin());
    assertEquals(201, created.status(), created::toString);
    opened.add(created.num("id"));
    return created.num("id");
  }

  @AfterEach
  void closeWhatWasOpened() {
    for (long id : opened) {
      api().post("/api/v1/postings/" + id + "/close", Map.of(), admin());
    }
  }

  private Reply refer(long resident, long posting, String token) {
    return api()
        .post(
            "/api/v1/referrals",
            Map.of("jobseekerId", resident, "postingId", posting, "note", "她做事细心"),
            token);
  }

  private Reply move(long referral, Map<String, Object> body, String token) {
    return api().post("/api/v1/referrals/" + referral + "/transitions", body, token);
  }

  private Reply consentAsStaff(long referral) {
    return api()
        .post(
            "/api/v1/referrals/" + referral + "/consent",
            Map.of("method", "PAPER_FORM", "reference", "表 2026-118"),
            matchmaker);
  }

  /** Whether the caller's inbox holds a message of the kind about the referral. */
  private boolean told(String token, String kind, long referral) {
    Reply inbox = api().get("/api/v1/inbox?size=200", token);
    assertEquals(200, inbox.status(), inbox::toString);
    return inbox.list("items").stream()
        .map(m -> (Map<?, ?>) m)
        .anyMatch(
            m ->
                kind.equals(m.get("kind"))
                    && m.get("subjectId") instanceof Number n
                    && n.longValue() == referral);
  }

  private static Map<String, Object> interview() {
    return Map.of(
        "date", LocalDate.now().plusDays(3).toString(),
        "time", "09:30",
        "place", "单位人事部 2 楼",
        "contact", "王经理 0598-1234567");
  }

  @Test
  void aMatchmakerRefersTheirResidentAndTheHistoryKeepsEachMove() {
    long resident = aResident(1);
    long posting = aPosting(Fixtures.aPosting(unit));
    Reply made = refer(resident, posting, matchmaker);
    assertEquals(201, made.status(), made::toString);
    assertEquals("PROPOSED", made.str("state"));
    assertEquals("MATCHMAKER", made.str("origin"));
    assertEquals("小区保洁员", made.str("postingTitle"));
    assertEquals(resident, made.num("resident.id"));
    assertEquals("她做事细心", made.str("note"));
    assertEquals(1, made.list("history").size());
    assertEquals("PROPOSED", made.str("history[0].to"));
    assertEquals("MATCHMAKER", made.str("history[0].role"));

    Reply again = refer(resident, posting, matchmaker);
    assertEquals(409, again.status(), again::toString);
    assertEquals(List.of("postingId:AlreadyReferred"), again.fieldRules());
  }

  @Test
  void hardRulesRefuseAReferralWith422NamingEachRule() {
    long resident = aResident(1);
    long licenced =
        aPosting(Fixtures.edit(Fixtures.aPosting(unit)).requiredLicences(List.of("电工证")).build());
    Reply refused = refer(resident, licenced, matchmaker);
    assertEquals(422, refused.status(), refused::toString);
    assertEquals(List.of("postingId:LicenceMissing"), refused.fieldRules());
    assertTrue(refused.str("errors[0].message").contains("电工证"), refused::toString);

    long draft = aDraft(unit);
    Reply notOpen = refer(resident, draft, matchmaker);
    assertEquals(422, notOpen.status(), notOpen::toString);
    assertTrue(notOpen.fieldRules().contains("postingId:PostingNotOpen"), notOpen::toString);
    assertEquals(
        0L,
        api().get("/api/v1/referrals?jobseekerId=" + resident, admin()).num("totalItems"),
        "nothing stored");
  }

  @Test
  void aMatchmakerCannotReferAnotherCommunitysResident() {
    long elsewhere = aResident(2);
    long posting = aPosting(Fixtures.aPosting(unit));
    assertEquals(404, refer(elsewhere, posting, matchmaker).status());
    assertEquals(404, refer(aResident(1), posting + 1_000_000, matchmaker).status());
    assertEquals(403, refer(elsewhere, posting, userToken(Role.EMPLOYER, unit)).status());
  }

  /** The graph, written out here apart from the code's table. */
  private static final Map<String, List<String>> STAFF_MAY =
      Map.of(
          "REQUESTED", List.of("PROPOSED", "WITHDRAWN"),
          "PROPOSED", List.of("DECLINED_BY_RESIDENT", "WITHDRAWN"),
          "CONSENTED", List.of("SENT", "WITHDRAWN"),
          "SENT", List.of("INTERVIEW", "NOT_HIRED", "WITHDRAWN"),
          "INTERVIEW", List.of("INTERVIEW", "HIRED", "NOT_HIRED", "WITHDRAWN"));

  private static final List<String> STATES =
      List.of(
          "REQUESTED",
          "PROPOSED",
          "CONSENTED",
          "DECLINED_BY_RESIDENT",
          "SENT",
          "INTERVIEW",
          "HIRED",
          "NOT_HIRED",
          "WITHDRAWN",
          "EXPIRED",
          "OBSOLETE");

  /** What a move to the state carries, so that a legal move is accepted. */
  private static Map<String, Object> body(String to) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("to", to);
    switch (to) {
      case "DECLINED_BY_RESIDENT" -> body.put("reason", "DISTANCE");
      case "NOT_HIRED" -> body.put("reason", "SKILLS");
      case "WITHDRAWN" -> body.put("reason", "NOT_SUITABLE");
      case "INTERVIEW" -> body.put("interview", interview());
      case "HIRED" ->
          body.put(
              "placement",
              Map.of("startDate", LocalDate.now().plusDays(7).toString(), "monthlyWage", 2600));
      default -> {}
    }
    return body;
  }

  /** A new referral of a new resident, brought to the state along the main road. */
  private long referralIn(String state) {
    long resident = aResident(1);
    long posting = aPosting(Fixtures.aPosting(unit));
    long id;
    if (state.equals("REQUESTED")) {
      Reply asked =
          api()
              .post(
                  "/api/v1/postings/" + posting + "/interest",
                  Map.of(),
                  userToken(Role.RESIDENT, resident));
      assertEquals(201, asked.status(), asked::toString);
      return asked.num("id");
    }
    id = refer(resident, posting, matchmaker).num("id");
    List<String> road =
        switch (state) {
          case "PROPOSED" -> List.of();
          case "CONSENTED" -> List.of("CONSENT");
          case "DECLINED_BY_RESIDENT" -> List.of("DECLINED_BY_RESIDENT");
          case "SENT" -> List.of("CONSENT", "SENT");
          case "INTERVIEW" -> List.of("CONSENT", "SENT", "INTERVIEW");
          case "HIRED" -> List.of("CONSENT", "SENT", "INTERVIEW", "HIRED");
          case "NOT_HIRED" -> List.of("CONSENT", "SENT", "NOT_HIRED");
          case "WITHDRAWN" -> List.of("WITHDRAWN");
          default -> throw new IllegalArgumentException(state);
        };
    for (String step : road) {
      Reply r = step.equals("CONSENT") ? consentAsStaff(id) : move(id, body(step), matchmaker);
      assertEquals(200, r.status(), () -> step + ": " + r);
    }
    return id;
  }

  @Test
  void everyMoveFromEveryStateIsAllowedOrRefusedAsTheGraphSays() {
    List<String> reached = new ArrayList<>(STATES);
    // EXPIRED and OBSOLETE are reached by the service alone (their own tests below)
    reached.removeAll(List.of("EXPIRED", "OBSOLETE"));
    for (String from : reached) {
      for (String to : STATES) {
        long id = referralIn(from);
        Reply r = move(id, body(to), matchmaker);
        boolean legal = STAFF_MAY.getOrDefault(from, List.of()).contains(to);
        if (legal) {
          assertEquals(200, r.status(), () -> from + " -> " + to + ": " + r);
          assertEquals(to, r.str("state"));
          List<?> history = r.list("history");
          Map<?, ?> last = (Map<?, ?>) history.get(history.size() - 1);
          assertEquals(from, last.get("from"));
          assertEquals(to, last.get("to"));
          assertEquals("MATCHMAKER", last.get("role"));
        } else if (from.equals("PROPOSED") && to.equals("CONSENTED")) {
          // the move exists, through the consent endpoint only
          assertEquals(400, r.status(), r::toString);
          assertEquals(List.of("to:ConsentRequired"), r.fieldRules());
        } else if (to.equals("EXPIRED") || to.equals("OBSOLETE") || !isOpen(from)) {
          assertEquals(409, r.status(), () -> from + " -> " + to + ": " + r);
          assertEquals(List.of("to:Transition"), r.fieldRules());
        } else {
          assertEquals(409, r.status(), () -> from + " -> " + to + ": " + r);
          assertEquals(List.of("to:Transition"), r.fieldRules());
          for (String allowed : STAFF_MAY.get(from)) {
            assertTrue(
                r.str("errors[0].message").contains(allowed)
                    || api()
                        .send(
                            HttpRequest.POST("/api/v1/referrals/" + id + "/transitions", body(to)),
                            matchmaker,
                            "en")
                        .str("errors[0].message")
                        .contains(allowed.toLowerCase().replace('_', ' ')),
                () -> from + " -> " + to + " does not name " + allowed + ": " + r);
          }
        }
      }
    }
  }

  private static boolean isOpen(String state) {
    return STAFF_MAY.containsKey(state);
  }

  @Test
  void movesCarryWhatTheyNeedAndNothingElse() {
    long sent = referralIn("SENT");
    Reply noReason = move(sent, Map.of("to", "NOT_HIRED"), matchmaker);
    assertEquals(400, noReason.status());
    assertEquals(List.of("reason:NotNull"), noReason.fieldRules());
    Reply residentReason = move(sent, Map.of("to", "NOT_HIRED", "reason", "FAMILY"), matchmaker);
    assertEquals(List.of("reason:OneOf"), residentReason.fieldRules());
    Reply otherWithoutNote = move(sent, Map.of("to", "NOT_HIRED", "reason", "OTHER"), matchmaker);
    assertEquals(List.of("note:NotBlank"), otherWithoutNote.fieldRules());
    Reply noInterview = move(sent, Map.of("to", "INTERVIEW"), matchmaker);
    assertEquals(List.of("interview:NotNull"), noInterview.fieldRules());
    Reply badInterview =
        move(
            sent,
            Map.of("to", "INTERVIEW", "interview", Map.of("date", "2026-13-01", "time", "9")),
            matchmaker);
    assertEquals(400, badInterview.status(), badInterview::toString);
    Reply strayReason =
        move(
            sent,
            Map.of("to", "INTERVIEW", "reason", "WAGE", "interview", interview()),
            matchmaker);
    assertEquals(List.of("reason:NotExpected"), strayReason.fieldRules());
    Reply unknownState = move(sent, Map.of("to", "MARRIED"), matchmaker);
    assertEquals(400, unknownState.status());
    assertEquals(List.of("to:OneOf"), unknownState.fieldRules());
    Reply unknownField = move(sent, Map.of("to", "INTERVIEW", "salary", 1), matchmaker);
    assertEquals(400, unknownField.status());
    Reply still = api().get("/api/v1/referrals/" + sent, admin());
    assertEquals("SENT", still.str("state"), "nothing moved");
    assertEquals(3, still.list("history").size());
  }

  @Test
  void theUnitSeesACandidateOnlyWithConsentAndOnlyTheConsentedFields() {
    String employer = userToken(Role.EMPLOYER, unit);
    long resident = aResident(1);
    long posting = aPosting(Fixtures.aPosting(unit));
    long id = refer(resident, posting, matchmaker).num("id");
    assertEquals(404, api().get("/api/v1/referrals/" + id, employer).status());
    assertEquals(
        0L, api().get("/api/v1/postings/" + posting + "/referrals", employer).num("totalItems"));

    String residentToken = userToken(Role.RESIDENT, resident);
    assertTrue(told(residentToken, "referral.consentRequested", id));
    Reply preview = api().get("/api/v1/referrals/" + id + "/consent", residentToken);
    assertEquals(200, preview.status(), preview::toString);
    assertEquals(7, preview.list("fields").size());
    assertEquals("NAME", preview.str("fields[0].field"));
    assertEquals("13805981234", preview.str("fields[1].value"));
    assertEquals(true, preview.at("fields[5].optional"));
    // the consent is no business of the unit's: the route does not admit employers
    assertEquals(403, api().get("/api/v1/referrals/" + id + "/consent", employer).status());

    assertEquals(200, api().get("/api/v1/referrals/" + id + "/consent", matchmaker).status());
    assertTrue(
        api()
            .get("/api/v1/jobseekers/" + resident + "/audit", admin())
            .text()
            .contains("read-consent-preview"),
        "a staff preview shows the phone: it is audited");
    Reply staffWithoutMethod =
        api().post("/api/v1/referrals/" + id + "/consent", Map.of(), matchmaker);
    assertEquals(400, staffWithoutMethod.status());
    assertEquals(List.of("method:NotNull", "reference:NotBlank"), staffWithoutMethod.fieldRules());
    Reply residentByPhone =
        api()
            .post(
                "/api/v1/referrals/" + id + "/consent",
                Map.of("method", "PHONE_CALL", "reference", "x"),
                residentToken);
    assertEquals(List.of("method:OneOf"), residentByPhone.fieldRules());

    Reply consented =
        api()
            .post(
                "/api/v1/referrals/" + id + "/consent",
                Map.of("shareDisability", true),
                residentToken);
    assertEquals(200, consented.status(), consented::toString);
    assertEquals("CONSENTED", consented.str("state"));
    assertEquals("ONLINE", consented.str("consent.method"));
    assertEquals(
        List.of("NAME", "PHONE", "AGE", "SKILLS", "WORK_HISTORY", "DISABILITY"),
        consented.list("consent.fields"));
    // consented but not yet sent: still nothing for the unit
    assertEquals(404, api().get("/api/v1/referrals/" + id, employer).status());

    assertTrue(told(matchmaker, "referral.consented", id));
    assertFalse(told(employer, "referral.candidate", id));
    assertEquals(200, move(id, body("SENT"), matchmaker).status());
    assertTrue(told(employer, "referral.candidate", id));
    Reply seen = api().get("/api/v1/referrals/" + id, employer);
    assertEquals(200, seen.status(), seen::toString);
    assertEquals("李秀英", seen.str("resident.name"));
    assertEquals("13805981234", seen.str("resident.phone"));
    assertEquals(52L, seen.num("resident.age"));
    assertEquals("左腿轻度残疾", seen.str("resident.disability"));
    assertNull(seen.at("resident.id"), "no internal id");
    assertNull(seen.at("resident.hardship"), "not ticked");
    assertNull(seen.at("resident.communityName"));
    assertNull(seen.at("note"), "staff notes stay with staff");
    assertNull(seen.at("consent.method"));
    assertEquals(
        1L, api().get("/api/v1/postings/" + posting + "/referrals", employer).num("totalItems"));
    assertEquals(1L, api().get("/api/v1/referrals", employer).num("totalItems"));
    Reply otherUnit = api().get("/api/v1/referrals/" + id, userToken(Role.EMPLOYER, aPartner()));
    assertEquals(404, otherUnit.status());

    Reply withdrawn =
        api().post("/api/v1/referrals/" + id + "/consent/withdraw", Map.of(), residentToken);
    assertEquals(200, withdrawn.status(), withdrawn::toString);
    assertEquals("WITHDRAWN", withdrawn.str("state"));
    assertEquals("CONSENT_WITHDRAWN", withdrawn.str("endedReason"));
    assertEquals(404, api().get("/api/v1/referrals/" + id, employer).status());
    assertEquals(
        0L, api().get("/api/v1/postings/" + posting + "/referrals", employer).num("totalItems"));
    assertTrue(told(employer, "referral.consentWithdrawn", id));
    Reply twice =
        api().post("/api/v1/referrals/" + id + "/consent/withdraw", Map.of(), residentToken);
    assertEquals(409, twice.status());
    assertEquals(List.of("consent:NoConsent"), twice.fieldRules());
  }

  @Test
  void theEmployerAnswersWithAnInterviewAndAnOutcomeAndCannotSendOrSeeNotes() {
    String employer = userToken(Role.EMPLOYER, unit);
    long id = referralIn("CONSENTED");
    // before it is sent the referral does not exist for the unit
    assertEquals(404, move(id, body("SENT"), employer).status());
    assertEquals(200, move(id, body("SENT"), matchmaker).status());
    Reply invited = move(id, body("INTERVIEW"), employer);
    assertEquals(200, invited.status(), invited::toString);
    assertEquals("09:30:00", invited.str("interview.time"));
    assertEquals("单位人事部 2 楼", invited.str("interview.place"));
    // the move exists, but it is not the unit's to make
    Reply withdraw = move(id, body("WITHDRAWN"), employer);
    assertEquals(403, withdraw.status(), withdraw::toString);
    Reply no = move(id, Map.of("to", "NOT_HIRED", "reason", "NO_SHOW"), employer);
    assertEquals(200, no.status(), no::toString);
    assertEquals("NO_SHOW", no.str("endedReason"));
    assertEquals("EMPLOYER", ((Map<?, ?>) no.list("history").get(4)).get("role"));
  }

  @Test
  void aResidentAsksToBeReferredAndTheirMatchmakerTakesItUpOrDeclines() {
    long resident = aResident(1);
    String residentToken = userToken(Role.RESIDENT, resident);
    long posting = aPosting(Fixtures.aPosting(unit));
    Reply asked = api().post("/api/v1/postings/" + posting + "/interest", Map.of(), residentToken);
    assertEquals(201, asked.status(), asked::toString);
    assertEquals("REQUESTED", asked.str("state"));
    assertEquals("RESIDENT", asked.str("origin"));
    assertEquals(
        409,
        api().post("/api/v1/postings/" + posting + "/interest", Map.of(), residentToken).status());
    assertEquals(
        404,
        api()
            .post("/api/v1/postings/" + aDraft(unit) + "/interest", Map.of(), residentToken)
            .status(),
        "a draft is not there for a resident");
    long id = asked.num("id");
    assertEquals(
        404, api().get("/api/v1/referrals/" + id, userToken(Role.RESIDENT, aResident(1))).status());
    assertEquals(
        404, api().get("/api/v1/referrals/" + id, userToken(Role.MATCHMAKER, 2L)).status());
    // the resident cannot take it up themself
    assertEquals(403, move(id, Map.of("to", "PROPOSED"), residentToken).status());
    Reply taken = move(id, Map.of("to", "PROPOSED"), matchmaker);
    assertEquals(200, taken.status(), taken::toString);
    Reply declined =
        move(id, Map.of("to", "DECLINED_BY_RESIDENT", "reason", "HOURS"), residentToken);
    assertEquals(200, declined.status(), declined::toString);
    assertEquals("HOURS", declined.str("endedReason"));
    assertEquals(
        1L,
        api().get("/api/v1/referrals", residentToken).num("totalItems"),
        "a resident lists their own");
  }

  @Test
  void untouchedReferralsExpireByTheJobAndTheWorkOfToday() {
    long stale = referralIn("PROPOSED");
    long interview = referralIn("INTERVIEW");
    try {
      clock.setDaysAhead(15);
      long fresh = referralIn("PROPOSED");
      jobs.run();
      Reply expired = api().get("/api/v1/referrals/" + stale, admin());
      assertEquals("EXPIRED", expired.str("state"));
      assertEquals("UNTOUCHED", expired.str("endedReason"));
      Map<?, ?> last = (Map<?, ?>) expired.list("history").get(1);
      assertEquals("SYSTEM", last.get("role"));
      assertEquals("PROPOSED", last.get("from"));
      assertEquals("PROPOSED", api().get("/api/v1/referrals/" + fresh, admin()).str("state"));
      // the interview three days after it was arranged keeps that one until 14 days after it
      assertEquals("INTERVIEW", api().get("/api/v1/referrals/" + interview, admin()).str("state"));
      clock.setDaysAhead(18);
      jobs.run();
      assertEquals("EXPIRED", api().get("/api/v1/referrals/" + interview, admin()).str("state"));
    } finally {
      clock.setDaysAhead(0);
    }
  }

  @Test
  void anUnansweredReferralIsOverdueAfterTheReplyDaysAndCountsAgainstTheUnit() {
    long partner = aPartner();
    long resident = aResident(1);
    long posting = aPosting(Fixtures.aPosting(partner));
    long id = refer(resident, posting, matchmaker).num("id");
    consentAsStaff(id);
    move(id, body("SENT"), matchmaker);
    long answered = referralFor(partner);
    move(answered, body("INTERVIEW"), userToken(Role.EMPLOYER, partner));
    Reply rates = api().get("/api/v1/referrals/reply-rates?partnerUnitId=" + partner, admin());
    assertEquals(1, rates.list("").size(), rates::toString);
    assertEquals(2L, rates.num("[0].sent"));
    assertEquals(1L, rates.num("[0].answered"));
    assertEquals(1L, rates.num("[0].due"));
    assertEquals(0L, rates.num("[0].overdue"));
    try {
      clock.setDaysAhead(8);
      Reply late = api().get("/api/v1/referrals/" + id, admin());
      assertEquals(true, late.at("replyOverdue"));
      Reply after = api().get("/api/v1/referrals/reply-rates?partnerUnitId=" + partner, admin());
      assertEquals(2L, after.num("[0].due"));
      assertEquals(1L, after.num("[0].overdue"));
      assertEquals(0.5, ((Number) after.at("[0].replyRate")).doubleValue());
      assertEquals(
          404,
          api()
              .get(
                  "/api/v1/referrals/reply-rates?partnerUnitId=" + partner,
                  userToken(Role.EMPLOYER, unit))
              .status());
    } finally {
      clock.setDaysAhead(0);
    }
  }

  private long referralFor(long partner) {
    long id = refer(aResident(1), aPosting(Fixtures.aPosting(partner)), matchmaker).num("id");
    consentAsStaff(id);
    assertEquals(200, move(id, body("SENT"), matchmaker).status());
    return id;
  }

  @Test
  void aStaleIfMatchIsRefusedAndConcurrentMovesDoNotBothWin() throws Exception {
    long id = referralIn("CONSENTED");
    long version = api().get("/api/v1/referrals/" + id, admin()).num("version");
    Reply stale =
        api()
            .send(
                HttpRequest.POST("/api/v1/referrals/" + id + "/transitions", body("SENT"))
                    .header("If-Match", "\"" + (version - 1) + "\""),
                matchmaker);
    assertEquals(412, stale.status(), stale::toString);
    Reply fresh =
        api()
            .send(
                HttpRequest.POST("/api/v1/referrals/" + id + "/transitions", body("SENT"))
                    .header("If-Match", "\"" + version + "\""),
                matchmaker);
    assertEquals(200, fresh.status(), fresh::toString);

    long racing = referralIn("SENT");
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> replies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String to = i % 2 == 0 ? "NOT_HIRED" : "INTERVIEW";
      Callable<Integer> call =
          () -> {
            start.await();
            return move(racing, body(to), matchmaker).status();
          };
      replies.add(pool.submit(call));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : replies) {
      statuses.add(f.get());
    }
    pool.shutdown();
    Reply end = api().get("/api/v1/referrals/" + racing, admin());
    // INTERVIEW may follow INTERVIEW (a rescheduling), so several may succeed; but never a move
    // from a state the referral had already left: the history is one chain
    List<?> history = end.list("history");
    for (int i = 1; i < history.size(); i++) {
      assertEquals(
          ((Map<?, ?>) history.get(i - 1)).get("to"),
          ((Map<?, ?>) history.get(i)).get("from"),
          end::toString);
    }
    assertEquals(history.size() - 3, statuses.stream().filter(s -> s == 200).count());
    assertFalse(statuses.contains(500), statuses::toString);
  }

  @Test
  void acceptingBoardProposalsMakesOneReferralEachAllOrNothing() {
    long a = aResident(1);
    long b = aResident(1);
    long posting = aPosting(Fixtures.edit(Fixtures.aPosting(unit)).headcount(2).build());
    Reply board =
        api()
            .post(
                "/api/v1/match-board",
                Map.of("postingIds", List.of(posting), "jobseekerIds", List.of(a, b)),
                matchmaker);
    assertEquals(200, board.status(), board::toString);
    long run = board.num("runId");
    assertEquals(2, board.list("proposals").size());

    Reply notInRun =
        api()
            .post(
                "/api/v1/match-board/" + run + "/accept",
                Map.of(
                    "proposals", List.of(Map.of("postingId", posting, "jobseekerId", a + 999_999))),
                matchmaker);
    assertEquals(422, notInRun.status(), notInRun::toString);
    assertEquals(List.of("proposals[0]:InRun"), notInRun.fieldRules());

    // b is referred to the posting meanwhile: accepting both must store neither
    refer(b, posting, matchmaker);
    Reply clash = api().post("/api/v1/match-board/" + run + "/accept", Map.of(), matchmaker);
    assertEquals(409, clash.status(), clash::toString);
    assertEquals(1, clash.list("errors").size());
    assertEquals(
        0L,
        api().get("/api/v1/referrals?jobseekerId=" + a, admin()).num("totalItems"),
        "all or nothing");

    Reply one =
        api()
            .post(
                "/api/v1/match-board/" + run + "/accept",
                Map.of(
                    "proposals",
                    List.of(Map.of("postingId", posting, "jobseekerId", a)),
                    "note",
                    "看板推荐"),
                matchmaker);
    assertEquals(201, one.status(), one::toString);
    assertEquals("BOARD", one.str("[0].origin"));
    assertEquals("PROPOSED", one.str("[0].state"));
    assertTrue(((Number) one.at("[0].boardScore")).doubleValue() > 0);
    assertFalse(one.list("[0].boardReasons").isEmpty(), "the board's reasons are kept");
    assertEquals(
        404,
        api()
            .post(
                "/api/v1/match-board/" + run + "/accept", Map.of(), userToken(Role.MATCHMAKER, 2L))
            .status());
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResult() {
    long resident = aResident(1);
    long posting = aPosting(Fixtures.aPosting(unit));
    Map<String, Object> body = Map.of("jobseekerId", resident, "postingId", posting);
    Reply first =
        api()
            .send(
                HttpRequest.POST("/api/v1/referrals", body).header("Idempotency-Key", "ref-1"),
                matchmaker);
    Reply retry =
        api()
            .send(
                HttpRequest.POST("/api/v1/referrals", body).header("Idempotency-Key", "ref-1"),
                matchmaker);
    assertEquals(201, first.status(), first::toString);
    assertEquals(201, retry.status(), retry::toString);
    assertEquals(first.num("id"), retry.num("id"));
    Reply other =
        api()
            .send(
                HttpRequest.POST(
                        "/api/v1/referrals",
                        Map.of("jobseekerId", resident, "postingId", posting, "note", "x"))
                    .header("Idempotency-Key", "ref-1"),
                matchmaker);
    assertEquals(422, other.status(), other::toString);
    assertEquals(List.of("Idempotency-Key:IdempotencyKey"), other.fieldRules());

    long id = first.num("id");
    Map<String, Object> decline = Map.of("to", "DECLINED_BY_RESIDENT", "reason", "WAGE");
    for (int i = 0; i < 2; i++) {
      Reply moved =
          api()
              .send(
                  HttpRequest.POST("/api/v1/referrals/" + id + "/transitions", decline)
                      .header("Idempotency-Key", "decline-1"),
                  matchmaker);
      assertEquals(200, moved.status(), moved::toString);
    }
    assertEquals(2, api().get("/api/v1/referrals/" + id, admin()).list("history").size());
  }

  @Test
  void aHireRecordsThePlacementEndsTheOtherReferralsAndTakesTheResidentOutOfMatching() {
    long resident = aResident(1);
    long posting = aPosting(Fixtures.edit(Fixtures.aPosting(unit)).headcount(1).build());
    long other = aPosting(Fixtures.aPosting(unit));
    long hired = refer(resident, posting, matchmaker).num("id");
    long elsewhere = refer(resident, other, matchmaker).num("id");
    for (long id : List.of(hired, elsewhere)) {
      consentAsStaff(id);
      move(id, body("SENT"), matchmaker);
    }
    String employer = userToken(Role.EMPLOYER, unit);
    assertEquals(200, move(hired, body("INTERVIEW"), employer).status());
    Reply done =
        move(
            hired,
            Map.of(
                "to",
                "HIRED",
                "placement",
                Map.of(
                    "type",
                    "FORMAL",
                    "startDate",
                    LocalDate.now().plusDays(3).toString(),
                    "monthlyWage",
                    2600,
                    "contractMonths",
                    12)),
            employer);
    assertEquals(200, done.status(), done::toString);
    assertEquals("HIRED", done.str("state"));
    Reply placements = api().get("/api/v1/jobseekers/" + resident + "/placements", admin());
    assertEquals(1L, placements.num("totalItems"), placements::toString);
    assertEquals(posting, placements.num("items[0].postingId"));
    assertEquals(1L, api().get("/api/v1/postings/" + posting, admin()).num("filledCount"));
    assertEquals("FILLED", api().get("/api/v1/postings/" + posting, admin()).str("status"));
    Reply obsolete = api().get("/api/v1/referrals/" + elsewhere, admin());
    assertEquals("OBSOLETE", obsolete.str("state"));
    assertEquals("HIRED_ELSEWHERE", obsolete.str("endedReason"));
    assertEquals(404, api().get("/api/v1/referrals/" + elsewhere, employer).status());
    assertEquals("EMPLOYED", api().get("/api/v1/jobseekers/" + resident, admin()).str("status"));
    Reply matches = api().get("/api/v1/jobseekers/" + resident + "/matches", admin());
    assertTrue(matches.list("matches").isEmpty(), matches::toString);
    assertTrue(told(userToken(Role.RESIDENT, resident), "referral.outcome", hired));
    assertTrue(told(matchmaker, "referral.outcomeRecorded", hired));
  }

  @Test
  void aHireWithNoPlaceLeftIsRefusedAndTheReferralStaysWhereItWas() {
    long posting = aPosting(Fixtures.edit(Fixtures.aPosting(unit)).headcount(1).build());
    long first = refer(aResident(1), posting, matchmaker).num("id");
    long second = refer(aResident(1), posting, matchmaker).num("id");
    for (long id : List.of(first, second)) {
      consentAsStaff(id);
      move(id, body("SENT"), matchmaker);
      move(id, body("INTERVIEW"), matchmaker);
    }
    assertEquals(200, move(first, body("HIRED"), matchmaker).status());
    Reply full = move(second, body("HIRED"), matchmaker);
    assertEquals(409, full.status(), full::toString);
    assertEquals("INTERVIEW", api().get("/api/v1/referrals/" + second, admin()).str("state"));
    assertEquals(1L, api().get("/api/v1/postings/" + posting, admin()).num("filledCount"));
  }

  @Test
  void tenConcurrentReferralsOfOnePairMakeOne() throws Exception {
    long resident = aResident(1);
    long posting = aPosting(Fixtures.aPosting(unit));
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> replies = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      replies.add(
          pool.submit(
              () -> {
                start.await();
                return refer(resident, posting, matchmaker).status();
              }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : replies) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
    assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
    assertEquals(
        1L, api().get("/api/v1/referrals?jobseekerId=" + resident, admin()).num("totalItems"));
  }
}
