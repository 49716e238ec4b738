package hongniang.jobseekers;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import hongniang.support.TestClock;
import hongniang.support.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A clean register: "still looking?" asked after 90 days without contact, asked again after 14,
 * INACTIVE (NO_ANSWER) after 14 more and out of matching; answers, NOT_LOOKING, reactivation; the
 * worklist's lines. The job asks every resident of the database, so this class has a database of
 * its own: nothing another test writes is asked, and nothing it asks is another test's.
 */
@MicronautTest(transactional = false)
class RegisterIT extends ApiTest {

  private static final Map<String, String> OWN_DATABASE =
      TestDatabase.freshDatabase("hongniang_register");

  @Inject TestClock clock;
  @Inject RegisterJobs jobs;
  @Inject RegisterWorklist worklist;

  @Override
  public Map<String, String> getProperties() {
    return OWN_DATABASE;
  }

  @AfterEach
  void backToToday() {
    clock.setDaysAhead(0);
  }

  private long resident(long community) {
    Reply created = api().post("/api/v1/jobseekers", aJobseeker(community), admin());
    assertEquals(201, created.status(), created::toString);
    return created.num("id");
  }

  private Reply profile(long id) {
    return api().get("/api/v1/jobseekers/" + id, admin());
  }

  /** Moves the clock and runs the job once, as the hourly schedule would on that day. */
  private RegisterJobs.Run runOn(long day) {
    clock.setDaysAhead(day);
    return jobs.runOnce();
  }

  private static long stillLookingMessages(Reply inbox) {
    return inbox.list("items").stream()
        .filter(i -> "register.stillLooking".equals(((Map<?, ?>) i).get("kind")))
        .count();
  }

  private Reply answer(long id, String answer, String token) {
    return api()
        .post("/api/v1/jobseekers/" + id + "/still-looking", Map.of("answer", answer), token);
  }

  private Reply matchesOf(long posting) {
    return api().get("/api/v1/postings/" + posting + "/matches?size=100", admin());
  }

  private static boolean lists(Reply matches, long resident) {
    return matches.list("matches").stream()
        .anyMatch(m -> ((Number) ((Map<?, ?>) m).get("jobseekerId")).longValue() == resident);
  }

  @Test
  void anUnheardResidentIsAskedTwiceThenSetInactiveAndLeavesMatchingUntilReactivated() {
    long posting = anOpenPosting(aPartner());
    long id = resident(1);
    String residentToken = userToken(Role.RESIDENT, id);
    eventually(() -> matchesOf(posting), r -> lists(r, id));

    runOn(89);
    assertNull(profile(id).at("pendingAsk"), "89 days: not asked yet");
    assertEquals(0, stillLookingMessages(api().get("/api/v1/inbox", residentToken)));

    assertTrue(runOn(90).asked() >= 1);
    Reply asked = profile(id);
    assertEquals(1L, asked.num("pendingAsk.round"));
    assertEquals(asked.str("pendingAsk.firstAskedAt"), asked.str("pendingAsk.askedAt"));
    Instant firstAsked = Instant.parse(asked.str("pendingAsk.firstAskedAt"));
    assertEquals(
        firstAsked.plus(Duration.ofDays(14)), Instant.parse(asked.str("pendingAsk.answerBy")));
    Reply inbox = api().get("/api/v1/inbox", residentToken);
    assertEquals(1, stillLookingMessages(inbox), inbox::toString);
    // the resident sees their own pending ask
    assertEquals(1L, api().get("/api/v1/jobseekers/" + id, residentToken).num("pendingAsk.round"));
    assertTrue(worklist.unansweredAsks(1L, 1000).stream().noneMatch(a -> a.jobseekerId() == id));

    runOn(103);
    assertEquals(1L, profile(id).num("pendingAsk.round"), "13 days: still the first ask");
    runOn(104);
    Reply again = profile(id);
    assertEquals(2L, again.num("pendingAsk.round"));
    assertEquals(firstAsked.toString(), Instant.parse(again.str("pendingAsk.firstAskedAt")) + "");
    assertEquals(2, stillLookingMessages(api().get("/api/v1/inbox", residentToken)));
    RegisterWorklist.UnansweredAsk line =
        worklist.unansweredAsks(1L, 1000).stream()
            .filter(a -> a.jobseekerId() == id)
            .findFirst()
            .orElseThrow(() -> new AssertionError("not on the worklist after 14 days"));
    assertEquals(2, line.round());
    assertEquals("李秀英", line.name());
    assertEquals(firstAsked, line.firstAskedAt());
    assertEquals(line.askedAt().plus(Duration.ofDays(14)), line.inactiveFrom());
    assertTrue(worklist.unansweredAskCounts(1L).getOrDefault(1L, 0L) >= 1);
    assertTrue(
        worklist.unansweredAsks(2L, 1000).stream().noneMatch(a -> a.jobseekerId() == id),
        "another community's worklist");

    runOn(117);
    assertEquals("SEEKING", profile(id).str("status"));
    assertTrue(runOn(118).deactivated() >= 1);
    Reply inactive = profile(id);
    assertEquals("INACTIVE", inactive.str("status"));
    assertEquals("NO_ANSWER", inactive.str("inactiveReason"));
    assertNull(inactive.at("pendingAsk"));
    assertTrue(worklist.unansweredAsks(1L, 1000).stream().noneMatch(a -> a.jobseekerId() == id));
    runOn(200);
    assertEquals(
        2, stillLookingMessages(api().get("/api/v1/inbox", residentToken)), "inactive: not asked");

    clock.setDaysAhead(0);
    eventually(() -> matchesOf(posting), r -> !lists(r, id));
    Reply back = api().post("/api/v1/jobseekers/" + id + "/reactivate", Map.of(), residentToken);
    assertEquals(200, back.status(), back::toString);
    assertEquals("SEEKING", back.str("status"));
    assertNull(back.at("inactiveReason"));
    assertNull(back.at("inactiveSince"));
    eventually(() -> matchesOf(posting), r -> lists(r, id));
    Reply twice = api().post("/api/v1/jobseekers/" + id + "/reactivate", Map.of(), residentToken);
    assertEquals(409, twice.status());
    assertEquals(List.of("status:Transition"), twice.fieldRules());
  }

  @Test
  void anAnswerEndsTheAskAndStartsAFullPeriod() {
    long id = resident(3);
    String residentToken = userToken(Role.RESIDENT, id);
    runOn(90);
    assertEquals(1L, profile(id).num("pendingAsk.round"));

    clock.setDaysAhead(95);
    Reply answered = answer(id, "STILL_LOOKING", residentToken);
    assertEquals(200, answered.status(), answered::toString);
    assertEquals("SEEKING", answered.str("status"));
    assertNull(answered.at("pendingAsk"));
    Instant contact = Instant.parse(answered.str("lastContactAt"));
    assertTrue(
        Duration.between(Instant.now().plus(Duration.ofDays(95)), contact).abs().toMinutes() < 5,
        contact::toString);
    List<String> actions =
        api().get("/api/v1/jobseekers/" + id + "/audit", admin()).list("").stream()
            .map(e -> ((Map<?, ?>) e).get("action") + ":" + ((Map<?, ?>) e).get("detail"))
            .toList();
    assertTrue(actions.contains("stillLooking:STILL_LOOKING"), actions::toString);

    runOn(104);
    assertNull(profile(id).at("pendingAsk"), "answered: no second ask");
    runOn(184);
    assertNull(profile(id).at("pendingAsk"), "not yet 90 days since the answer");
    assertEquals("SEEKING", profile(id).str("status"));
    runOn(186);
    assertEquals(1L, profile(id).num("pendingAsk.round"), "90 days after the answer: asked anew");
    assertEquals(2, stillLookingMessages(api().get("/api/v1/inbox", residentToken)));
  }

  @Test
  void notLookingSetsInactiveAndTheMatchmakerReactivates() {
    long id = resident(5);
    String matchmaker = userToken(Role.MATCHMAKER, 5L);
    // on the resident's behalf after a phone call; no ask needs to be open
    Reply gone = answer(id, "NOT_LOOKING", matchmaker);
    assertEquals(200, gone.status(), gone::toString);
    assertEquals("INACTIVE", gone.str("status"));
    assertEquals("NOT_LOOKING", gone.str("inactiveReason"));
    assertTrue(gone.str("inactiveSince") != null);

    Reply again = answer(id, "STILL_LOOKING", matchmaker);
    assertEquals(409, again.status());
    assertEquals(List.of("status:Transition"), again.fieldRules());
    assertEquals("状态为“暂停求职”时不能回答“还在找工作吗”", again.str("errors[0].message"));

    assertEquals(
        404,
        api()
            .post(
                "/api/v1/jobseekers/" + id + "/reactivate",
                Map.of(),
                userToken(Role.MATCHMAKER, 6L))
            .status(),
        "another community's resident");
    Reply back = api().post("/api/v1/jobseekers/" + id + "/reactivate", Map.of(), matchmaker);
    assertEquals(200, back.status(), back::toString);
    assertEquals("SEEKING", back.str("status"));
    assertNull(back.at("inactiveReason"));
  }

  @Test
  void onlyTheResidentThemselfAndTheirStaffAnswer() {
    long id = resident(7);
    long other = resident(7);
    String employer = userToken(Role.EMPLOYER, aPartner());
    assertEquals(403, answer(id, "STILL_LOOKING", employer).status());
    assertEquals(
        403, api().post("/api/v1/jobseekers/" + id + "/reactivate", Map.of(), employer).status());
    assertEquals(404, answer(id, "STILL_LOOKING", userToken(Role.RESIDENT, other)).status());
    assertEquals(404, answer(id, "STILL_LOOKING", userToken(Role.MATCHMAKER, 8L)).status());
    assertEquals(404, answer(999_999_999L, "STILL_LOOKING", admin()).status());
    assertEquals(401, answer(id, "STILL_LOOKING", null).status());

    Reply wrong = answer(id, "MAYBE", admin());
    assertEquals(400, wrong.status());
    assertEquals(List.of("answer:OneOf"), wrong.fieldRules());
    Reply none = api().post("/api/v1/jobseekers/" + id + "/still-looking", Map.of(), admin());
    assertEquals(400, none.status(), none::toString);
    assertEquals(List.of("answer:NotNull"), none.fieldRules());
    Reply unknown =
        api()
            .post(
                "/api/v1/jobseekers/" + id + "/still-looking",
                Map.of("answer", "STILL_LOOKING", "mood", "good"),
                admin());
    assertEquals(400, unknown.status());
    assertEquals("SEEKING", profile(id).str("status"), "nothing changed by refused answers");
  }

  @Test
  void aStatusSetByAnEditCarriesItsReasonAndListsShowIt() {
    JobseekerRequest body = aJobseeker(2);
    long id = resident(2);
    Reply off =
        api()
            .put(
                "/api/v1/jobseekers/" + id,
                edit(body).status(JobseekerStatus.INACTIVE).build(),
                admin());
    assertEquals(200, off.status(), off::toString);
    assertEquals("SET_BY_STAFF", off.str("inactiveReason"));
    Map<?, ?> row =
        api()
            .get("/api/v1/jobseekers?communityId=2&status=INACTIVE&size=200", admin())
            .list("items")
            .stream()
            .map(i -> (Map<?, ?>) i)
            .filter(i -> ((Number) i.get("id")).longValue() == id)
            .findFirst()
            .orElseThrow();
    assertEquals("SET_BY_STAFF", row.get("inactiveReason"));
    Reply on =
        api()
            .put(
                "/api/v1/jobseekers/" + id,
                edit(body).status(JobseekerStatus.SEEKING).build(),
                admin());
    assertEquals("SEEKING", on.str("status"));
    assertNull(on.at("inactiveReason"));
    assertNull(on.at("inactiveSince"));
  }

  @Test
  void theWorklistNamesResidentsNotHeardOfFor30Days() {
    long id = resident(9);
    clock.setDaysAhead(29);
    assertTrue(
        worklist.noContactSince(9L, 30, 1000).stream().noneMatch(c -> c.jobseekerId() == id));
    clock.setDaysAhead(31);
    RegisterWorklist.NoContact line =
        worklist.noContactSince(9L, 30, 1000).stream()
            .filter(c -> c.jobseekerId() == id)
            .findFirst()
            .orElseThrow(() -> new AssertionError("not listed after 31 days"));
    assertEquals("李秀英", line.name());
    assertEquals(JobseekerStatus.SEEKING, line.status());
    assertTrue(worklist.noContactCounts(30).getOrDefault(9L, 0L) >= 1);
    assertTrue(
        worklist.noContactSince(8L, 30, 1000).stream().noneMatch(c -> c.jobseekerId() == id));

    assertEquals(200, answer(id, "STILL_LOOKING", admin()).status());
    assertTrue(
        worklist.noContactSince(9L, 30, 1000).stream().noneMatch(c -> c.jobseekerId() == id),
        "an answer is contact");
  }
}
