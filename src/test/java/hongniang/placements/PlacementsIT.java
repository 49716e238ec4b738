package hongniang.placements;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.ApiProblem;
import hongniang.common.DifficultyCategory;
import hongniang.common.Gender;
import hongniang.communities.CommunityRequest;
import hongniang.jobseekers.JobseekerRequest;
import hongniang.security.Caller;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.JobseekerRequestBuilder;
import hongniang.support.PostingRequestBuilder;
import hongniang.support.Reply;
import hongniang.support.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Placements and follow-ups over real HTTP and PostgreSQL, with the matching they change. */
@MicronautTest(transactional = false)
class PlacementsIT extends ApiTest {

  @Inject TestClock clock;
  @Inject PlacementService service;
  @Inject FollowUpJobs followUpJobs;
  @Inject TransactionOperations<Connection> tx;

  @AfterEach
  void resetClock() {
    clock.setDaysAhead(0);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /** A community of its own, so that lists and counts hold only what the test made. */
  private long aCommunity() {
    Reply created =
        api()
            .post(
                "/api/v1/communities",
                new CommunityRequest("安置" + System.nanoTime() % 100_000_000, null),
                admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  /** A seeking resident of the community, 52, no ID number (fixtures' numbers are few per day). */
  private long aResident(long community, UnaryOperator<JobseekerRequestBuilder> changes) {
    JobseekerRequest body =
        changes
            .apply(
                edit(aJobseeker(community))
                    .idNumber(null)
                    .gender(Gender.FEMALE)
                    .birthYear(today().getYear() - 52))
            .build();
    Reply created = api().post("/api/v1/jobseekers", body, admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  private long aResident(long community) {
    return aResident(community, b -> b);
  }

  private long aPostingOf(long unit, UnaryOperator<PostingRequestBuilder> changes) {
    Reply created =
        api().post("/api/v1/postings", changes.apply(edit(aPosting(unit))).build(), admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  /** A placement through a posting, starting today at 2,500 a month. */
  private static PlacementRequest atPosting(long resident, long posting, LocalDate start) {
    return new PlacementRequest(resident, null, start, 2500, 12, posting, null, null, null);
  }

  /** Work found outside the partners, with an employer named in words. */
  private static PlacementRequest elsewhere(long resident, PlacementType type, LocalDate start) {
    return new PlacementRequest(resident, type, start, 3000, null, null, null, "三明快递站", "自己找的");
  }

  private Reply place(PlacementRequest body, String token) {
    return api().post("/api/v1/placements", body, token);
  }

  private Reply placed(PlacementRequest body, String token) {
    Reply reply = place(body, token);
    assertEquals(201, reply.status(), reply.toString());
    return reply;
  }

  private String status(long resident) {
    return api().get("/api/v1/jobseekers/" + resident, admin()).str("status");
  }

  private Reply posting(long id) {
    return api().get("/api/v1/postings/" + id, admin());
  }

  /**
   * Nothing was stored for the resident: still seeking, no placement, the posting's count as it
   * was.
   */
  private void assertUnplaced(long resident, long job, long filled) {
    assertEquals("SEEKING", status(resident));
    assertEquals(filled, posting(job).num("filledCount"));
    assertEquals(
        0, api().get("/api/v1/placements?jobseekerId=" + resident, admin()).num("totalItems"));
  }

  private Reply cancel(Reply placement, String reason) {
    return api()
        .post(
            "/api/v1/placements/" + placement.num("id") + "/cancel",
            Map.of("reason", reason),
            admin());
  }

  private long followUp(Reply placement, int index) {
    return placement.num("followUps[" + index + "].id");
  }

  private Reply record(long followUp, Map<String, ?> body, String token) {
    return api().post("/api/v1/follow-ups/" + followUp, body, token);
  }

  @Test
  void aHireTakesAPlaceSchedulesThreeFollowUpsAndEmploysTheResident() {
    long community = aCommunity();
    long unit = aPartner();
    long job = aPostingOf(unit, b -> b.title("物业保洁员").headcount(3));
    long resident = aResident(community);
    String matchmaker = userToken(Role.MATCHMAKER, community);
    LocalDate start = today();

    Reply created = placed(atPosting(resident, job, start), matchmaker);

    assertEquals(resident, created.num("jobseekerId"));
    assertEquals("李秀英", created.str("jobseekerName"));
    assertEquals(community, created.num("communityId"));
    assertTrue(created.str("communityName").startsWith("安置"), created.toString());
    assertEquals(job, created.num("postingId"));
    assertEquals("物业保洁员", created.str("postingTitle"));
    assertEquals(unit, created.num("partnerUnitId"));
    assertTrue(created.str("unitName").startsWith("测试单位"), created.toString());
    assertNull(created.at("employerName"));
    assertEquals("FORMAL", created.str("type"));
    assertEquals("OPEN", created.str("status"));
    assertEquals(start.toString(), created.str("startDate"));
    assertEquals(2500, created.num("monthlyWage"));
    assertEquals(12, created.num("contractMonths"));
    assertTrue(created.str("recordedBy").startsWith("matchmaker-"), created.toString());
    assertEquals(3, created.list("followUps").size());
    for (int i = 0; i < 3; i++) {
      int months = List.of(1, 3, 6).get(i);
      assertEquals(months, created.num("followUps[" + i + "].months"));
      assertEquals(start.plusMonths(months).toString(), created.str("followUps[" + i + "].dueOn"));
      assertEquals("UPCOMING", created.str("followUps[" + i + "].state"));
      assertNull(created.at("followUps[" + i + "].outcome"));
    }

    Reply after = posting(job);
    assertEquals(1, after.num("filledCount"));
    assertEquals(2, after.num("remaining"));
    assertEquals("OPEN", after.str("status"));
    assertEquals("EMPLOYED", status(resident));
    List<?> trail = api().get("/api/v1/jobseekers/" + resident + "/audit", admin()).list("");
    assertTrue(
        trail.stream()
            .map(e -> (Map<?, ?>) e)
            .anyMatch(
                e ->
                    "status".equals(e.get("action"))
                        && ("EMPLOYED: placement " + created.num("id")).equals(e.get("detail"))),
        trail.toString());

    Reply read = api().get("/api/v1/placements/" + created.num("id"), matchmaker);
    assertEquals(200, read.status());
    assertEquals(created.json(), read.json());

    // a partner unit's work outside any posting: the unit's name, no posting, open-ended
    Reply withUnit =
        placed(
            new PlacementRequest(
                aResident(community), null, start, 2300, null, null, unit, null, " 熟人介绍 "),
            matchmaker);
    assertNull(withUnit.at("postingId"));
    assertNull(withUnit.at("contractMonths"));
    assertEquals("熟人介绍", withUnit.str("note"));
    assertEquals(created.str("unitName"), withUnit.str("followUps[0].employer"));
    assertEquals(
        withUnit.json(), api().get("/api/v1/placements/" + withUnit.num("id"), matchmaker).json());
    assertEquals(1, posting(job).num("filledCount"));
  }

  /** The due dates of the follow-ups of a placement starting on the day. */
  private List<String> dueDates(long community, LocalDate start) {
    Reply placed = placed(elsewhere(aResident(community), PlacementType.FLEXIBLE, start), admin());
    return placed.list("followUps").stream()
        .map(f -> (String) ((Map<?, ?>) f).get("dueOn"))
        .toList();
  }

  @Test
  void followUpsFallOnTheSameDayLaterOrOnTheLastDayOfAShorterMonth() {
    long community = aCommunity();
    int year = today().getYear();
    assertEquals(
        List.of(
            Year.isLeap(year) ? year + "-02-29" : year + "-02-28",
            year + "-04-30",
            year + "-07-31"),
        dueDates(community, LocalDate.of(year, 1, 31)));
    int leap = year;
    while (!Year.isLeap(leap)) {
      leap--;
    }
    assertEquals(
        List.of(leap + "-02-29", leap + "-04-30", leap + "-07-31"),
        dueDates(community, LocalDate.of(leap, 1, 31)));
    assertEquals(
        List.of(year + "-04-15", year + "-06-15", year + "-09-15"),
        dueDates(community, LocalDate.of(year, 3, 15)));
    int next = year + 1;
    assertEquals(
        List.of(year + "-09-30", year + "-11-30", next + (Year.isLeap(next) ? "-02-29" : "-02-28")),
        dueDates(community, LocalDate.of(year, 8, 30)));
  }

  /** A placement starting today at a wage, with a posting, a unit or an employer's name. */
  private PlacementRequest paid(
      long resident, int wage, Long posting, Long unit, String employerName) {
    return new PlacementRequest(
        resident, null, today(), wage, null, posting, unit, employerName, null);
  }

  /** The field errors of a 400 refusal, sorted. */
  private List<String> refusal(PlacementRequest body) {
    Reply reply = place(body, admin());
    assertEquals(400, reply.status(), reply.toString());
    return reply.fieldRules().stream().sorted().toList();
  }

  @Test
  void badRequestsNameEveryBrokenRuleAndStoreNothing() {
    long community = aCommunity();
    long resident = aResident(community);
    long unit = aPartner();
    long job = aPostingOf(unit, b -> b);
    LocalDate today = today();

    assertEquals(
        List.of(
            "employerName:OneEmployer",
            "jobseekerId:NotNull",
            "monthlyWage:NotNull",
            "startDate:NotNull"),
        refusal(new PlacementRequest(null, null, null, null, null, null, null, null, null)));
    assertEquals(
        List.of("contractMonths:Max", "monthlyWage:Min", "note:Size", "startDate:DateWindow"),
        refusal(
            new PlacementRequest(
                resident,
                PlacementType.FORMAL,
                today.plusYears(1).plusDays(1),
                -1,
                121,
                null,
                unit,
                null,
                "x".repeat(1001))));
    assertEquals(
        List.of("startDate:DateWindow"),
        refusal(elsewhere(resident, null, today.minusYears(5).minusDays(1))));
    assertEquals(List.of("monthlyWage:Max"), refusal(paid(resident, 100_001, null, unit, null)));
    assertEquals(
        List.of("employerName:OneEmployer"), refusal(paid(resident, 2000, null, unit, "别家")));
    assertEquals(
        List.of("employerName:OneEmployer"), refusal(paid(resident, 2000, job, null, "别家")));
    assertEquals(List.of("employerName:NotBlank"), refusal(paid(resident, 2000, null, null, "  ")));
    assertEquals(
        List.of("partnerUnitId:Exists"), refusal(paid(resident, 2000, null, 987_654_321L, null)));
    assertEquals(
        List.of("partnerUnitId:PostingUnit"), refusal(paid(resident, 2000, job, aUnit(), null)));
    Reply english =
        api()
            .send(
                io.micronaut.http.HttpRequest.POST(
                    "/api/v1/placements", paid(resident, 2000, null, unit, "别家")),
                admin(),
                "en");
    assertEquals(
        "name the employer: partnerUnitId or employerName, exactly one",
        english.str("errors[0].message"));

    assertUnplaced(resident, job, 0);
  }

  @Test
  void publicWelfareWorkIsOnlyForResidentsWithADifficultyCategory() {
    long community = aCommunity();
    long unit = aPartner();
    long welfare = aPostingOf(unit, b -> b.title("社区保洁（公益性岗位）").publicWelfare(true).headcount(5));
    long plain = aResident(community);
    long lowIncome =
        aResident(community, b -> b.difficultyCategories(List.of(DifficultyCategory.LOW_INCOME)));

    Reply refused = place(atPosting(plain, welfare, today()), admin());
    assertEquals(422, refused.status(), refused.toString());
    assertEquals(List.of("jobseekerId:PublicWelfareNotEligible"), refused.fieldRules());
    Reply alsoRefused = place(elsewhere(plain, PlacementType.PUBLIC_WELFARE, today()), admin());
    assertEquals(List.of("jobseekerId:PublicWelfareNotEligible"), alsoRefused.fieldRules());
    Reply wrongType =
        place(
            new PlacementRequest(
                lowIncome, PlacementType.FORMAL, today(), 1800, null, welfare, null, null, null),
            admin());
    assertEquals(List.of("type:PostingType"), wrongType.fieldRules());
    assertUnplaced(plain, welfare, 0);

    Reply accepted = placed(atPosting(lowIncome, welfare, today()), admin());
    assertEquals("PUBLIC_WELFARE", accepted.str("type"));
    assertEquals(1, posting(welfare).num("filledCount"));
  }

  @Test
  void aResidentInAnOpenPlacementIsNotPlacedAgainAndThePostingKeepsItsPlace() {
    long community = aCommunity();
    long resident = aResident(community);
    placed(elsewhere(resident, PlacementType.SELF_EMPLOYED, today()), admin());
    long job = aPostingOf(aPartner(), b -> b);

    Reply again = place(atPosting(resident, job, today()), admin());
    assertEquals(409, again.status(), again.toString());
    assertEquals(List.of("jobseekerId:AlreadyPlaced"), again.fieldRules());
    assertEquals(0, posting(job).num("filledCount"));
    assertEquals(
        1, api().get("/api/v1/placements?jobseekerId=" + resident, admin()).num("totalItems"));
  }

  @Test
  void aPostingThatTakesNoHireRefusesWithTheReasonAndNothingIsStored() {
    long community = aCommunity();
    long unit = aPartner();
    long resident = aResident(community);
    long draft = aDraft(unit);
    long closed = aPostingOf(unit, b -> b);
    assertEquals(
        200, api().post("/api/v1/postings/" + closed + "/close", Map.of(), admin()).status());
    long full = aPostingOf(unit, b -> b.headcount(1));
    placed(atPosting(aResident(community), full, today()), admin());
    assertEquals("FILLED", posting(full).str("status"));

    Reply fromDraft = place(atPosting(resident, draft, today()), admin());
    assertEquals(409, fromDraft.status());
    assertEquals(List.of("postingId:PostingNotOpen"), fromDraft.fieldRules());
    assertEquals(
        List.of("postingId:PostingNotOpen"),
        place(atPosting(resident, closed, today()), admin()).fieldRules());
    Reply fromFull = place(atPosting(resident, full, today()), admin());
    assertEquals(409, fromFull.status());
    assertEquals(List.of("postingId:NoPlaceLeft"), fromFull.fieldRules());
    assertTrue(fromFull.str("errors[0].message").contains("1"), fromFull.toString());
    assertEquals(404, place(atPosting(resident, 987_654_321L, today()), admin()).status());

    assertUnplaced(resident, full, 1);
  }

  @Test
  void eachRoleReachesOnlyWhatIsItsOwn() {
    long community = aCommunity();
    long other = aCommunity();
    long unit = aPartner();
    long resident = aResident(community);
    long neighbour = aResident(community);
    String own = userToken(Role.MATCHMAKER, community);
    String elsewhere = userToken(Role.MATCHMAKER, other);
    String employer = userToken(Role.EMPLOYER, unit);
    String self = userToken(Role.RESIDENT, resident);
    PlacementRequest body = elsewhere(resident, PlacementType.FLEXIBLE, today());

    assertEquals(404, place(body, elsewhere).status());
    assertEquals(403, place(body, employer).status());
    assertEquals(403, place(body, self).status());
    assertEquals(401, place(body, null).status());
    assertEquals("SEEKING", status(resident));

    Reply created = placed(body, own);
    long id = created.num("id");
    String path = "/api/v1/placements/" + id;
    assertEquals(created.json(), api().get(path, own).json());
    assertEquals(404, api().get(path, elsewhere).status());
    assertEquals(403, api().get(path, employer).status());
    assertEquals(403, api().get(path, self).status());
    String mine = "/api/v1/jobseekers/" + resident + "/placements";
    assertEquals(id, api().get(mine, self).num("items[0].id"));
    assertEquals(200, api().get(mine, own).status());
    assertEquals(404, api().get(mine, elsewhere).status());
    assertEquals(403, api().get(mine, employer).status());
    assertEquals(404, api().get("/api/v1/jobseekers/" + neighbour + "/placements", self).status());

    assertEquals(404, api().get("/api/v1/placements?communityId=" + community, elsewhere).status());
    assertEquals(0, api().get("/api/v1/placements", elsewhere).num("totalItems"));
    assertEquals(1, api().get("/api/v1/placements", own).num("totalItems"));
    assertEquals(403, api().get("/api/v1/placements", employer).status());
    assertEquals(403, api().get("/api/v1/follow-ups", self).status());
    assertEquals(404, api().get("/api/v1/follow-ups?communityId=" + community, elsewhere).status());
    assertEquals(
        404,
        record(followUp(created, 0), Map.of("outcome", "LEFT", "reason", "WAGE"), elsewhere)
            .status());
    assertEquals(
        403,
        record(followUp(created, 0), Map.of("outcome", "LEFT", "reason", "WAGE"), employer)
            .status());
    assertEquals(404, api().post(path + "/cancel", Map.of("reason", "录错了"), elsewhere).status());
    assertEquals(
        404, api().get("/api/v1/placements/summary?communityId=" + community, elsewhere).status());
    assertEquals("OPEN", api().get(path, admin()).str("status"));
    assertEquals("EMPLOYED", status(resident));
  }

  @Test
  void aResidentWhoIsPlacedLeavesMatchingAndOneWhoLeftComesBack() {
    long community = aCommunity();
    long unit = aPartner();
    long job = aPostingOf(unit, b -> b.title("小区保洁员").workCommunityId(community));
    long resident = aResident(community);
    String matchmaker = userToken(Role.MATCHMAKER, community);
    String matches = "/api/v1/jobseekers/" + resident + "/matches?size=100";
    eventually(() -> api().get(matches, matchmaker), r -> ids(r).contains(job));

    Reply placement = placed(atPosting(resident, job, today()), matchmaker);
    Reply none = api().get(matches + "&explain=excluded", matchmaker);
    assertEquals(200, none.status());
    assertEquals(List.of(), none.list("matches"), none.toString());
    assertTrue(none.text().contains("NotSeeking"), none.toString());

    Reply left =
        record(
            followUp(placement, 0),
            Map.of("outcome", "LEFT", "reason", "HOURS", "note", "夜班太多"),
            matchmaker);
    assertEquals(200, left.status(), left.toString());
    assertEquals("DONE", left.str("state"));
    assertEquals("LEFT", left.str("outcome"));
    assertEquals("HOURS", left.str("reason"));
    assertEquals("SEEKING", status(resident));
    Reply ended = api().get("/api/v1/placements/" + placement.num("id"), matchmaker);
    assertEquals("ENDED", ended.str("status"));
    assertEquals(today().toString(), ended.str("endedOn"));
    assertEquals("HOURS", ended.str("endReason"));
    assertEquals("SKIPPED", ended.str("followUps[1].state"));
    assertEquals("SKIPPED", ended.str("followUps[2].state"));
    // the place stays taken: the placement happened; only a cancelled one gives it back
    assertEquals(1, posting(job).num("filledCount"));
    Reply back = eventually(() -> api().get(matches, matchmaker), r -> !ids(r).isEmpty());
    assertTrue(ids(back).contains(job), back.toString());
  }

  private static List<Long> ids(Reply r) {
    Object matches = r.at("matches");
    if (!(matches instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().map(m -> ((Number) ((Map<?, ?>) m).get("postingId")).longValue()).toList();
  }

  @Test
  void aFollowUpIsRecordedOnceWithTheRulesOfItsOutcome() {
    long community = aCommunity();
    String matchmaker = userToken(Role.MATCHMAKER, community);
    long resident = aResident(community);
    Reply placement =
        placed(
            elsewhere(resident, PlacementType.HOUSEHOLD_SERVICE, today().minusDays(45)),
            matchmaker);
    long first = followUp(placement, 0);
    long third = followUp(placement, 1);

    assertEquals(
        List.of("reason:NotNull"),
        record(first, Map.of("outcome", "LEFT"), matchmaker).fieldRules());
    assertEquals(
        List.of("reason:OnlyWhenLeft"),
        record(first, Map.of("outcome", "STILL_EMPLOYED", "reason", "WAGE"), matchmaker)
            .fieldRules());
    assertEquals(
        List.of("note:NotBlank"),
        record(first, Map.of("outcome", "LEFT", "reason", "OTHER", "note", " "), matchmaker)
            .fieldRules());
    assertEquals(
        List.of("outcome:NotNull"), record(first, Map.of("note", "打了电话"), matchmaker).fieldRules());
    assertEquals(400, record(first, Map.of("outcome", "GONE"), matchmaker).status());
    assertEquals(404, record(987_654_321L, Map.of("outcome", "UNREACHABLE"), matchmaker).status());

    Reply early = record(third, Map.of("outcome", "STILL_EMPLOYED"), matchmaker);
    assertEquals(409, early.status());
    assertEquals(List.of("outcome:NotYetDue"), early.fieldRules());

    Reply done = record(first, Map.of("outcome", "STILL_EMPLOYED", "note", "雇主满意"), matchmaker);
    assertEquals(200, done.status(), done.toString());
    assertEquals("DONE", done.str("state"));
    assertEquals("雇主满意", done.str("note"));
    assertTrue(done.str("recordedBy").startsWith("matchmaker-"), done.toString());
    Reply twice = record(first, Map.of("outcome", "LEFT", "reason", "WAGE"), matchmaker);
    assertEquals(409, twice.status());
    assertEquals(List.of("outcome:AlreadyRecorded"), twice.fieldRules());
    assertEquals("EMPLOYED", status(resident));

    // a resident who left may be recorded so at the next follow-up, before it is due
    Reply left =
        record(third, Map.of("outcome", "LEFT", "reason", "OTHER", "note", "回老家照顾老人"), matchmaker);
    assertEquals(200, left.status(), left.toString());
    assertEquals("SEEKING", status(resident));
    Reply sixth = record(followUp(placement, 2), Map.of("outcome", "UNREACHABLE"), matchmaker);
    assertEquals(409, sixth.status());
    assertEquals(List.of("outcome:PlacementEnded"), sixth.fieldRules());

    // ended, the resident may be placed again
    placed(elsewhere(resident, PlacementType.FLEXIBLE, today()), matchmaker);
    assertEquals("EMPLOYED", status(resident));
  }

  @Test
  void followUpsListByStateAndTheWorklistGetsTheDueAndOverdueOnes() {
    long community = aCommunity();
    String matchmaker = userToken(Role.MATCHMAKER, community);
    LocalDate today = today();
    Reply overdue =
        placed(
            elsewhere(aResident(community), PlacementType.FLEXIBLE, today.minusDays(45)),
            matchmaker);
    Reply due =
        placed(
            elsewhere(aResident(community), PlacementType.FLEXIBLE, today.minusDays(28)),
            matchmaker);
    Reply ended =
        placed(
            elsewhere(aResident(community), PlacementType.FLEXIBLE, today.minusDays(100)),
            matchmaker);
    LocalDate dueOn = LocalDate.parse(due.str("followUps[0].dueOn"));
    assertFalse(dueOn.isBefore(today) || dueOn.isAfter(today.plusDays(7)), dueOn.toString());
    // the 100-day one: its first follow-up is recorded, the second found the resident gone
    assertEquals(
        200, record(followUp(ended, 0), Map.of("outcome", "CHANGED_JOB"), matchmaker).status());
    assertEquals(
        200,
        record(followUp(ended, 1), Map.of("outcome", "LEFT", "reason", "HEALTH"), matchmaker)
            .status());

    assertEquals(List.of(followUp(overdue, 0)), followUpIds("OVERDUE", community, matchmaker));
    assertEquals(List.of(followUp(due, 0)), followUpIds("DUE", community, matchmaker));
    assertEquals(
        List.of(followUp(ended, 0), followUp(ended, 1)),
        followUpIds("DONE", community, matchmaker));
    assertEquals(List.of(followUp(ended, 2)), followUpIds("SKIPPED", community, matchmaker));
    assertEquals(
        List.of(followUp(overdue, 1), followUp(due, 1), followUp(overdue, 2), followUp(due, 2)),
        followUpIds("UPCOMING", community, matchmaker));
    Reply all = api().get("/api/v1/follow-ups?size=50", matchmaker);
    assertEquals(9, all.num("totalItems"));
    Reply first = api().get("/api/v1/follow-ups?state=OVERDUE", matchmaker);
    assertEquals("OVERDUE", first.str("items[0].state"));
    assertEquals(overdue.num("jobseekerId"), first.num("items[0].jobseekerId"));
    assertEquals("李秀英", first.str("items[0].jobseekerName"));
    assertEquals("三明快递站", first.str("items[0].employer"));
    assertEquals("FLEXIBLE", first.str("items[0].placementType"));
    assertEquals(400, api().get("/api/v1/follow-ups?state=LATE", matchmaker).status());
    assertEquals(400, api().get("/api/v1/follow-ups?size=201", matchmaker).status());

    List<FollowUpView> worklist = service.dueFollowUps(community, today, 10);
    assertEquals(
        List.of(followUp(overdue, 0), followUp(due, 0)),
        worklist.stream().map(FollowUpView::id).toList());
    assertEquals(
        List.of(FollowUpState.OVERDUE, FollowUpState.DUE),
        worklist.stream().map(FollowUpView::state).toList());
    assertEquals(1, service.dueFollowUps(community, today, 1).size());
    // a month on, the first is still overdue and the due one has become overdue too
    assertEquals(
        List.of(FollowUpState.OVERDUE, FollowUpState.OVERDUE),
        service.dueFollowUps(community, today.plusDays(30), 10).stream()
            .map(FollowUpView::state)
            .toList());
  }

  private List<Long> followUpIds(String state, long community, String token) {
    Reply r =
        api().get("/api/v1/follow-ups?size=50&state=" + state + "&communityId=" + community, token);
    assertEquals(200, r.status(), r.toString());
    return r.list("items").stream()
        .map(i -> ((Number) ((Map<?, ?>) i).get("id")).longValue())
        .toList();
  }

  @Test
  void theMatchmakersHearOnceThatAFollowUpHasComeDue() {
    long community = aCommunity();
    String matchmaker = userToken(Role.MATCHMAKER, community);
    String otherMatchmaker = userToken(Role.MATCHMAKER, aCommunity());
    LocalDate today = today();
    Reply due =
        placed(
            elsewhere(aResident(community), PlacementType.FLEXIBLE, today.minusDays(28)),
            matchmaker);
    // every follow-up of this one was due long ago: the worklist has them, the inbox does not
    Reply stale =
        placed(
            elsewhere(aResident(community), PlacementType.FLEXIBLE, today.minusDays(400)),
            matchmaker);
    followUpJobs.tellDue();
    followUpJobs.tellDue();

    List<Map<?, ?>> told =
        api().get("/api/v1/inbox?size=200", matchmaker).list("items").stream()
            .<Map<?, ?>>map(m -> (Map<?, ?>) m)
            .filter(m -> "followUp.due".equals(m.get("kind")))
            .toList();
    assertEquals(1, told.size(), told::toString);
    assertEquals("placement", told.get(0).get("subjectType"));
    assertEquals(due.num("id"), ((Number) told.get(0).get("subjectId")).longValue());
    assertEquals(
        "居民李秀英就业 1 个月的回访日期为 " + due.str("followUps[0].dueOn") + "，请及时回访。", told.get(0).get("text"));
    assertFalse(
        api().get("/api/v1/inbox?size=200", otherMatchmaker).list("items").stream()
            .anyMatch(m -> "followUp.due".equals(((Map<?, ?>) m).get("kind"))),
        "another community hears nothing");
    assertTrue(
        told.stream().noneMatch(m -> ((Number) m.get("subjectId")).longValue() == stale.num("id")));
  }

  @Test
  void theSummaryCountsPlacementsByTypeBetweenTwoDays() {
    long community = aCommunity();
    String matchmaker = userToken(Role.MATCHMAKER, community);
    LocalDate today = today();
    long twice = aResident(community);
    Reply gone = placed(elsewhere(twice, PlacementType.OUTSIDE_WORK, today.minusDays(60)), admin());
    assertEquals(
        200,
        record(followUp(gone, 0), Map.of("outcome", "LEFT", "reason", "FAMILY"), admin()).status());
    placed(elsewhere(twice, PlacementType.FLEXIBLE, today.minusDays(3)), admin());
    placed(elsewhere(aResident(community), PlacementType.FLEXIBLE, today), admin());
    placed(
        elsewhere(aResident(community), PlacementType.HOUSEHOLD_SERVICE, today.minusYears(2)),
        admin());
    Reply error = placed(elsewhere(aResident(community), PlacementType.FORMAL, today), admin());
    assertEquals(200, cancel(error, "录错了人").status());

    Reply all = api().get("/api/v1/placements/summary", matchmaker);
    assertEquals(200, all.status(), all.toString());
    assertEquals(4, all.num("total"));
    assertEquals(3, all.num("residents"));
    assertEquals(3, all.num("open"));
    assertEquals(1, all.num("ended"));
    assertEquals(
        Map.of(
            "FORMAL", 0L,
            "FLEXIBLE", 2L,
            "PUBLIC_WELFARE", 0L,
            "HOUSEHOLD_SERVICE", 1L,
            "OUTSIDE_WORK", 1L,
            "SELF_EMPLOYED", 0L),
        byType(all));

    Reply lastYear =
        api()
            .get(
                "/api/v1/placements/summary?communityId="
                    + community
                    + "&from="
                    + today.minusYears(1)
                    + "&to="
                    + today.minusDays(1),
                admin());
    assertEquals(2, lastYear.num("total"));
    assertEquals(1L, byType(lastYear).get("OUTSIDE_WORK"));
    assertEquals(1L, byType(lastYear).get("FLEXIBLE"));
    Reply backwards =
        api()
            .get("/api/v1/placements/summary?from=" + today + "&to=" + today.minusDays(1), admin());
    assertEquals(400, backwards.status());
    assertEquals(List.of("to:DateOrder"), backwards.fieldRules());

    Reply listed =
        api()
            .get(
                "/api/v1/placements?communityId="
                    + community
                    + "&type=FLEXIBLE&from="
                    + today.minusDays(7),
                admin());
    assertEquals(2, listed.num("totalItems"));
    assertEquals(today.toString(), listed.str("items[0].startDate"));
    assertEquals(
        5, api().get("/api/v1/placements?communityId=" + community, admin()).num("totalItems"));
  }

  private static Map<String, Long> byType(Reply summary) {
    Map<String, Long> out = new java.util.HashMap<>();
    for (Object o : summary.list("byType")) {
      Map<?, ?> m = (Map<?, ?>) o;
      out.put((String) m.get("type"), ((Number) m.get("count")).longValue());
    }
    return out;
  }

  @Test
  void aCancelledPlacementGivesItsPlaceBackAndTheResidentReturnsToSeeking() {
    long community = aCommunity();
    long unit = aPartner();
    long job = aPostingOf(unit, b -> b.headcount(1));
    long resident = aResident(community);
    Reply placement = placed(atPosting(resident, job, today()), admin());
    assertEquals("FILLED", posting(job).str("status"));
    String path = "/api/v1/placements/" + placement.num("id") + "/cancel";

    assertEquals(
        List.of("reason:NotBlank"), api().post(path, Map.of("reason", " "), admin()).fieldRules());
    Reply cancelled = api().post(path, Map.of("reason", "录错了人"), admin());
    assertEquals(200, cancelled.status(), cancelled.toString());
    assertEquals("CANCELLED", cancelled.str("status"));
    assertEquals("录错了人", cancelled.str("cancelReason"));
    assertEquals("admin", cancelled.str("cancelledBy"));
    assertEquals("SKIPPED", cancelled.str("followUps[0].state"));
    assertEquals("SEEKING", status(resident));
    // filled by its count, the posting opens again with its place free
    Reply reopened = posting(job);
    assertEquals(0, reopened.num("filledCount"));
    assertEquals("OPEN", reopened.str("status"));
    Reply again = api().post(path, Map.of("reason", "再撤一次"), admin());
    assertEquals(409, again.status());
    assertEquals(List.of("status:Transition"), again.fieldRules());
    assertEquals(
        List.of("outcome:PlacementEnded"),
        record(followUp(placement, 0), Map.of("outcome", "UNREACHABLE"), admin()).fieldRules());

    // one marked filled with places left ("no more wanted") stays filled
    long wanted = aPostingOf(unit, b -> b.headcount(3));
    Reply second = placed(atPosting(aResident(community), wanted, today()), admin());
    assertEquals(
        "FILLED",
        api().post("/api/v1/postings/" + wanted + "/fill", Map.of(), admin()).str("status"));
    assertEquals(200, cancel(second, "重复登记").status());
    Reply stillFilled = posting(wanted);
    assertEquals(0, stillFilled.num("filledCount"));
    assertEquals("FILLED", stillFilled.str("status"));
  }

  @Test
  void aHireThroughAReferralJoinsTheCallersTransaction() {
    long community = aCommunity();
    long unit = aPartner();
    long job = aPostingOf(unit, b -> b.headcount(2));
    long first = aResident(community);
    long second = aResident(community);
    long third = aResident(community);
    Caller employer = new Caller("referral-employer", Role.EMPLOYER, null, unit, null);
    HireDetails details = new HireDetails(null, today(), 2600, 24, "面试通过");
    long referral = System.nanoTime();

    // the caller's transaction fails after the hire: everything rolls back
    assertThrows(
        IllegalStateException.class,
        () ->
            tx.executeWrite(
                status -> {
                  PlacementView hired = service.hire(employer, referral, first, job, details);
                  assertEquals(Long.valueOf(referral), hired.referralId());
                  throw new IllegalStateException("the referral's own change failed");
                }));
    assertEquals("SEEKING", status(first));
    assertEquals(0, posting(job).num("filledCount"));
    assertEquals(
        0, api().get("/api/v1/placements?jobseekerId=" + first, admin()).num("totalItems"));

    PlacementView hired =
        tx.executeWrite(status -> service.hire(employer, referral, first, job, details));
    assertEquals(PlacementType.FORMAL, hired.type());
    assertEquals("referral-employer", hired.recordedBy());
    assertEquals(Long.valueOf(job), hired.postingId());
    assertEquals("EMPLOYED", status(first));
    assertEquals(1, posting(job).num("filledCount"));

    ApiProblem twice =
        assertThrows(
            ApiProblem.class,
            () ->
                tx.executeWrite(status -> service.hire(employer, referral, second, job, details)));
    assertEquals(409, twice.status());
    assertEquals("AlreadyHired", twice.errors().get(0).rule());
    assertEquals("SEEKING", status(second));

    tx.executeWrite(status -> service.hire(employer, referral + 1, second, job, details));
    assertEquals("FILLED", posting(job).str("status"));
    ApiProblem full =
        assertThrows(
            ApiProblem.class,
            () ->
                tx.executeWrite(
                    status -> service.hire(employer, referral + 2, third, job, details)));
    assertEquals(409, full.status());
    assertEquals("NoPlaceLeft", full.errors().get(0).rule());
    ApiProblem noDate =
        assertThrows(
            ApiProblem.class,
            () ->
                tx.executeWrite(
                    status ->
                        service.hire(
                            employer,
                            referral + 3,
                            third,
                            job,
                            new HireDetails(null, null, 1, null, null))));
    assertEquals(400, noDate.status());
    assertEquals("startDate", noDate.errors().get(0).field());
    assertEquals("SEEKING", status(third));
    assertEquals(2, posting(job).num("filledCount"));
  }

  @Test
  void aRetriedPlacementWithItsIdempotencyKeyIsTheFirstOne() {
    long resident = aResident(aCommunity());
    PlacementRequest body = elsewhere(resident, PlacementType.FLEXIBLE, today());
    List<Reply> replies = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      replies.add(
          api()
              .send(
                  io.micronaut.http.HttpRequest.POST("/api/v1/placements", body)
                      .header("Idempotency-Key", "placement-" + resident),
                  admin()));
    }
    assertEquals(201, replies.get(0).status(), replies.get(0).toString());
    assertEquals(201, replies.get(1).status(), "the retry is the first answer, not AlreadyPlaced");
    assertEquals(replies.get(0).num("id"), replies.get(1).num("id"));
    assertEquals(
        1L, api().get("/api/v1/jobseekers/" + resident + "/placements", admin()).num("totalItems"));
  }
}
