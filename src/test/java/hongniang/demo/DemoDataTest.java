package hongniang.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.CheckDigits;
import hongniang.common.DifficultyCategory;
import hongniang.common.Gender;
import hongniang.inbox.Notice;
import hongniang.placements.FollowUpOutcome;
import hongniang.placements.PlacementType;
import hongniang.postings.PostingStatus;
import hongniang.referrals.ConsentMethod;
import hongniang.referrals.ReferralOrigin;
import hongniang.referrals.ReferralState;
import hongniang.referrals.RefusalReason;
import hongniang.referrals.SharedField;
import hongniang.training.CourseKind;
import hongniang.training.EnrolmentStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generator alone: no database, no Micronaut. */
class DemoDataTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final List<String> COMMUNITIES =
      List.of("红印山", "凤岗", "新龙", "下洋", "崇宁", "芙蓉", "建新", "东安", "碧湖");
  static final DemoPlan PLAN = DemoPlan.defaults(DemoPlan.DEFAULT_SEED);

  /** The default set with its history, made once: three years take a second. */
  static final DemoData DATA = generate(PLAN, TODAY);

  final DemoData data = DATA;

  static DemoData generate(DemoPlan plan, LocalDate today) {
    return new DemoGenerator(plan, today, COMMUNITIES).generate();
  }

  /** Only the residents of a plan, as drawn: many of them, without the history's cost. */
  static List<DemoJobseeker> residents(DemoPlan plan) {
    return new DemoGenerator(plan, TODAY, COMMUNITIES).jobseekers(0, new IdNumberPool()).toList();
  }

  @Test
  void sameSeedAndDayGiveTheSameData() {
    assertEquals(data, generate(PLAN, TODAY));
    assertNotEquals(data, generate(new DemoPlan(7, 15, 80, 1_000), TODAY));
  }

  @Test
  void moreJobseekersLeaveUnitsAndPostingsAsTheyWere() {
    DemoData bigger = generate(new DemoPlan(PLAN.seed(), 15, 80, 1_100), TODAY);
    assertEquals(data.units(), bigger.units());
    assertEquals(data.postings(), bigger.postings());
    assertEquals(data.jobseekers(), bigger.jobseekers().subList(0, 1_000));
  }

  @Test
  void makesTheRequestedCounts() {
    assertEquals(15, data.units().size());
    assertEquals(80, data.postings().size());
    assertEquals(1_000, data.jobseekers().size());
    assertEquals(1_000, data.history().residents().size());
    assertEquals(80, data.postings().size());
    assertTrue(data.history().postings().size() > 150, "past postings are added");
    DemoData more = generate(new DemoPlan(1, 40, 500, 2_000), TODAY);
    assertEquals(40, more.units().size());
    assertEquals(500, more.postings().size());
    assertEquals(2_000, more.jobseekers().size());
    assertEquals(40, more.units().stream().map(DemoUnit::name).distinct().count(), "unique names");
  }

  @Test
  void includesTheThreeUnitsTheReportNamesWithValidCreditCodes() {
    Map<String, DemoUnit> byName =
        data.units().stream().collect(Collectors.toMap(DemoUnit::name, u -> u));
    for (String name : List.of("三明市民政福利厂", "万紫千红", "东力机械设备有限公司")) {
      assertTrue(byName.containsKey(name), name);
    }
    DemoData more = generate(new DemoPlan(3, 300, 0, 0), TODAY);
    Set<String> codes = new HashSet<>();
    for (DemoUnit unit : more.units()) {
      assertTrue(CheckDigits.isValidCreditCode(unit.creditCode()), unit.creditCode());
      assertTrue(codes.add(unit.creditCode()), "unique " + unit.creditCode());
    }
  }

  @Test
  void issuesValidUniqueSanmingIdNumbersThatMatchBirthAndGender() {
    Set<String> seen = new HashSet<>();
    for (DemoJobseeker j : residents(new DemoPlan(5, 1, 0, 50_000))) {
      String id = j.idNumber();
      assertTrue(CheckDigits.isValidIdNumber(id), id);
      assertTrue(id.startsWith("350402") || id.startsWith("350403"), id);
      assertTrue(seen.add(id), "unique " + id);
      assertEquals(j.birthDate(), CheckDigits.birthDate(id).orElseThrow(), id);
      boolean odd = (id.charAt(16) - '0') % 2 == 1;
      assertEquals(j.gender() == Gender.MALE, odd, id);
    }
  }

  @Test
  void opensPostingsOnlyAtUnitsThatArePartnersTodayAndWhileValid() {
    DemoData many = generate(new DemoPlan(11, 200, 3_000, 0), TODAY);
    for (DemoData d : List.of(data, many)) {
      long open = 0;
      for (DemoPosting p : d.postings()) {
        DemoUnit unit = d.units().get(p.unitIndex());
        if (p.status() == PostingStatus.OPEN) {
          open++;
          LocalDate until = unit.partnerUntil(TODAY).orElseThrow(() -> new AssertionError(p));
          assertFalse(p.validThrough().isBefore(TODAY), p.toString());
          assertFalse(p.validThrough().isAfter(until), p.toString());
        }
        if (unit.partnerUntil(TODAY).isEmpty()) {
          assertTrue(
              p.status() == PostingStatus.CLOSED || p.status() == PostingStatus.PAUSED,
              p.toString());
        }
      }
      assertTrue(open > d.postings().size() / 2, "mostly open: " + open);
    }
    Set<PostingStatus> statuses = EnumSet.noneOf(PostingStatus.class);
    many.postings().forEach(p -> statuses.add(p.status()));
    // every stored status but REVIEW, which only screening gives (the demo's texts are fair);
    // EXPIRED is never stored, only shown
    assertEquals(
        EnumSet.complementOf(EnumSet.of(PostingStatus.REVIEW, PostingStatus.EXPIRED)), statuses);
  }

  @Test
  void hasAnExpiredAgreementAndOneExpiringWithin30Days() {
    List<DemoAgreement> agreements =
        data.units().stream().flatMap(u -> u.agreements().stream()).toList();
    assertTrue(agreements.stream().anyMatch(a -> a.validUntil().isBefore(TODAY)));
    assertTrue(
        agreements.stream()
            .anyMatch(a -> a.isValidOn(TODAY) && !a.validUntil().isAfter(TODAY.plusDays(30))));
    DemoUnit expired =
        data.units().stream()
            .filter(u -> u.partnerUntil(TODAY).isEmpty())
            .findFirst()
            .orElseThrow(() -> new AssertionError("a unit whose agreement expired"));
    assertTrue(expired.agreements().stream().allMatch(a -> a.validUntil().isBefore(TODAY)));
    assertEquals(
        agreements.size(), agreements.stream().map(DemoAgreement::number).distinct().count());
  }

  @Test
  void mixesEveryDifficultyCategory() {
    Set<DifficultyCategory> seen = EnumSet.noneOf(DifficultyCategory.class);
    data.jobseekers().forEach(j -> seen.addAll(j.difficultyCategories()));
    assertEquals(EnumSet.allOf(DifficultyCategory.class), seen);
    long without =
        data.jobseekers().stream().filter(j -> j.difficultyCategories().isEmpty()).count();
    assertTrue(without > 0 && without < 800, "some but not all without a category: " + without);
  }

  @Test
  void gives4050ExactlyToWomenOf40AndMenOf50() {
    int women = 0;
    int men = 0;
    for (DemoJobseeker j : residents(new DemoPlan(9, 1, 0, 5_000))) {
      int threshold = j.gender() == Gender.FEMALE ? 40 : 50;
      boolean old = !j.birthDate().plusYears(threshold).isAfter(TODAY);
      assertEquals(
          old, j.difficultyCategories().contains(DifficultyCategory.AGE_4050), j.toString());
      if (old && j.gender() == Gender.FEMALE) {
        women++;
      } else if (old) {
        men++;
      }
    }
    assertTrue(women > 100 && men > 100, women + " women, " + men + " men");
  }

  @Test
  void longTermUnemployedHaveBeenOutOfWorkForAYear() {
    List<DemoJobseeker> all = new java.util.ArrayList<>(data.jobseekers());
    all.addAll(data.history().residents());
    for (DemoJobseeker j : all) {
      boolean year =
          j.unemployedSince() != null && !j.unemployedSince().plusYears(1).isAfter(TODAY);
      assertEquals(
          year,
          j.difficultyCategories().contains(DifficultyCategory.LONG_TERM_UNEMPLOYED),
          j.toString());
      if (j.status() == DemoJobseeker.Status.EMPLOYED) {
        assertEquals(null, j.unemployedSince(), j.toString());
      }
    }
  }

  @Test
  void disabledResidentsHaveADisabilityNoteAndOthersNone() {
    for (DemoJobseeker j : data.jobseekers()) {
      boolean disabled = j.difficultyCategories().contains(DifficultyCategory.DISABLED);
      assertEquals(disabled, j.disabilityNote() != null, j.toString());
    }
  }

  @Test
  void residentsHaveHistoriesAndWishes() {
    DemoJobseeker persona = data.jobseekers().get(0);
    assertEquals(DemoGenerator.PERSONA_NAME, persona.name());
    assertEquals("下洋", persona.community());
    assertTrue(persona.experience().startsWith("曾在三明纺织厂做挡车工12年，2009年下岗"));
    for (DemoJobseeker j : data.jobseekers()) {
      assertNotNull(j.experience(), j.toString());
      assertFalse(j.desiredOccupations().isEmpty(), j.toString());
      assertFalse(j.acceptableSchedules().isEmpty(), j.toString());
      assertTrue(j.name().length() >= 2 && j.name().length() <= 4, j.name());
      assertTrue(j.phone().matches("1\\d{10}"), j.phone());
    }
    assertTrue(data.jobseekers().stream().map(DemoJobseeker::name).distinct().count() > 600);
  }

  @Test
  void publicWelfarePostsAreOnlyCleaningPatrolGreeningOrPublicService() {
    Set<PostingKind> allowed =
        EnumSet.of(
            PostingKind.CLEANING,
            PostingKind.SECURITY,
            PostingKind.GREENING,
            PostingKind.PUBLIC_SERVICE);
    DemoData many = generate(new DemoPlan(13, 100, 2_000, 0), TODAY);
    for (DemoData d : List.of(data, many)) {
      List<DemoPosting> welfare = d.postings().stream().filter(DemoPosting::publicWelfare).toList();
      assertFalse(welfare.isEmpty());
      for (DemoPosting p : welfare) {
        assertTrue(allowed.contains(p.kind()), p.toString());
        assertTrue(Set.of("保洁员", "治安巡防员", "绿化工", "社区协管员").contains(p.occupation()), p.toString());
      }
    }
  }

  @Test
  void wagesAreThoseOfSanmingInThe2020s() {
    DemoData many = generate(new DemoPlan(17, 100, 2_000, 0), TODAY);
    for (DemoPosting p : many.postings()) {
      assertTrue(p.wageMax() >= p.wageMin(), p.toString());
      int[] range =
          switch (p.kind()) {
            case CLEANING -> new int[] {2000, 3000};
            case SECURITY -> new int[] {2000, 3500};
            case FACTORY, MACHINERY -> new int[] {3500, 6000};
            case OUTSIDE -> new int[] {5000, 8000};
            default -> new int[] {1900, 6500};
          };
      assertTrue(p.wageMin() >= range[0] && p.wageMax() <= range[1], p.toString());
    }
  }

  @Test
  void requirementsFollowTheJob() {
    DemoData many = generate(new DemoPlan(19, 100, 2_000, 0), TODAY);
    for (DemoPosting p : many.postings()) {
      if (p.title().contains("保安")) {
        assertEquals(List.of("保安员证"), p.requiredLicences(), p.toString());
      }
      if (p.title().equals("维修电工")) {
        assertEquals(List.of("电工特种作业操作证"), p.requiredLicences(), p.toString());
      }
      if (p.title().contains("司机") && p.kind() == PostingKind.DELIVERY) {
        assertEquals(List.of("C1驾驶证"), p.requiredLicences(), p.toString());
      }
      if (p.kind() == PostingKind.HOUSEHOLD
          || p.kind() == PostingKind.ELDERLY_CARE
          || p.kind() == PostingKind.CATERING) {
        assertTrue(p.requiredLicences().contains("健康证"), p.toString());
      }
      if (p.minAge() != null) {
        assertTrue(p.maxAge() >= p.minAge(), p.toString());
      }
      // as drawn; the history counts the places its placements took
      assertEquals(0, p.filledCount(), p.toString());
    }
    assertTrue(many.postings().stream().anyMatch(DemoPosting::disabilityFriendly));
    assertTrue(many.postings().stream().anyMatch(p -> p.minAge() != null));
  }

  @Test
  void outsideWorkHasNoCommunityAnotherCityAndLodging() {
    List<DemoPosting> outside =
        data.postings().stream().filter(p -> p.workCommunity() == null).toList();
    assertFalse(outside.isEmpty());
    for (DemoPosting p : outside) {
      assertTrue(Set.of("福州市", "厦门市", "泉州市").contains(p.city()), p.toString());
      assertTrue(p.wageMin() >= 5000, p.toString());
    }
    assertTrue(outside.stream().filter(DemoPosting::accommodation).count() > outside.size() / 2);
    data.postings().stream()
        .filter(p -> p.workCommunity() != null)
        .forEach(p -> assertEquals("三明市", p.city(), p.toString()));
  }

  @Test
  void anOffsetContinuesWithOtherResidentsAndFreshIdNumbers() {
    DemoGenerator generator = new DemoGenerator(PLAN, TODAY, COMMUNITIES);
    IdNumberPool pool = new IdNumberPool();
    List<DemoJobseeker> first = generator.jobseekers(0, pool).toList();
    List<DemoJobseeker> next = generator.jobseekers(1_000, pool).toList();
    Set<String> ids = new HashSet<>();
    first.forEach(j -> ids.add(j.idNumber()));
    next.forEach(j -> assertTrue(ids.add(j.idNumber()), j.idNumber()));
    assertNotEquals(
        first.stream().map(DemoJobseeker::name).toList(),
        next.stream().map(DemoJobseeker::name).toList());
    assertFalse(
        next.stream()
            .anyMatch(
                j ->
                    j.name().equals(DemoGenerator.PERSONA_NAME)
                        && j.experience().equals(first.get(0).experience())));
  }

  // ---- the history

  final DemoHistory history = DATA.history();

  private static void between(long low, long high, long value, String what) {
    assertTrue(value >= low && value <= high, what + ": " + value + " not in " + low + ".." + high);
  }

  private Map<PlacementType, Long> placementsByType() {
    Map<PlacementType, Long> byType = new EnumMap<>(PlacementType.class);
    for (PlacementType t : PlacementType.values()) {
      byType.put(t, 0L);
    }
    history.placements().forEach(p -> byType.merge(p.type(), 1L, Long::sum));
    return byType;
  }

  @Test
  void aboutEightHundredPlacementsShapedLikeTheReport() {
    Map<PlacementType, Long> byType = placementsByType();
    long total = history.placements().size();
    between(700, 1_000, total, "placements in three years");
    between(130, 220, byType.get(PlacementType.FLEXIBLE), "flexible work");
    between(12, 40, byType.get(PlacementType.PUBLIC_WELFARE), "public-welfare posts");
    between(8, 60, byType.get(PlacementType.SELF_EMPLOYED), "businesses of their own");
    long outsideAndHousehold =
        byType.get(PlacementType.OUTSIDE_WORK) + byType.get(PlacementType.HOUSEHOLD_SERVICE);
    assertTrue(outsideAndHousehold * 100 >= total * 45, "most outside and household: " + byType);
    assertTrue(byType.get(PlacementType.OUTSIDE_WORK) >= 150, byType.toString());
    assertTrue(byType.get(PlacementType.HOUSEHOLD_SERVICE) >= 150, byType.toString());
    assertTrue(byType.get(PlacementType.FORMAL) >= 80, byType.toString());
    // through referrals and postings, with partner units, and found by the residents themselves
    assertTrue(history.placements().stream().filter(p -> p.referral() != null).count() > 150);
    assertTrue(
        history.placements().stream()
            .anyMatch(p -> p.referral() == null && p.posting() == null && p.unit() != null));
    assertTrue(history.placements().stream().filter(p -> p.employerName() != null).count() > 200);
    history.placements().forEach(p -> assertPlacementWithinRules(p));
  }

  private void assertPlacementWithinRules(DemoHistory.Placement p) {
    assertEquals(p.unit() == null, p.employerName() != null, p.toString());
    if (p.posting() != null) {
      DemoPosting posting = history.postings().get(p.posting()).posting();
      assertEquals(posting.unitIndex(), (int) p.unit(), p.toString());
      assertEquals(posting.publicWelfare(), p.type() == PlacementType.PUBLIC_WELFARE, p.toString());
    } else {
      assertFalse(p.type() == PlacementType.PUBLIC_WELFARE, p.toString());
    }
    if (p.referral() != null) {
      DemoHistory.Referral r = history.referrals().get(p.referral());
      assertEquals(ReferralState.HIRED, r.state(), p.toString());
      assertEquals(r.posting(), (int) p.posting(), p.toString());
      assertEquals(r.jobseeker(), p.jobseeker(), p.toString());
    }
    assertFalse(p.startDate().isBefore(TODAY.minusYears(5)), p.toString());
    assertFalse(p.startDate().isAfter(TODAY.plusYears(1)), p.toString());
    assertTrue(p.monthlyWage() > 0 && p.monthlyWage() <= 100_000, p.toString());
    assertEquals(p.endedOn() == null, p.endReason() == null, p.toString());
    if (p.endedOn() != null) {
      assertFalse(p.endedOn().isBefore(p.startDate()), p.toString());
    }
  }

  @Test
  void publicWelfarePostsGoToResidentsWithDifficultyCategories() {
    for (DemoHistory.Placement p : history.placements()) {
      if (p.type() == PlacementType.PUBLIC_WELFARE) {
        DemoJobseeker j = history.residents().get(p.jobseeker());
        assertFalse(j.difficultyCategories().isEmpty(), j.toString());
        assertTrue(history.postings().get(p.posting()).posting().publicWelfare(), p.toString());
      }
    }
  }

  @Test
  void everyReferralStateAppears() {
    Set<ReferralState> seen = EnumSet.noneOf(ReferralState.class);
    history.referrals().forEach(r -> seen.add(r.state()));
    assertEquals(EnumSet.allOf(ReferralState.class), seen);
    Set<ReferralOrigin> origins = EnumSet.noneOf(ReferralOrigin.class);
    history.referrals().forEach(r -> origins.add(r.origin()));
    assertTrue(origins.containsAll(EnumSet.of(ReferralOrigin.MATCHMAKER, ReferralOrigin.RESIDENT)));
  }

  /** Each history is one chain of legal moves by plausible people, as referrals.Moves says. */
  @Test
  void everyHistoryFollowsTheTableOfMovesAndNamesWhoMovedIt() {
    Map<Integer, String> units = new java.util.HashMap<>();
    for (int u = 0; u < data.units().size(); u++) {
      String name = data.units().get(u).name();
      int at = u;
      DemoLogins.ALL.stream()
          .filter(l -> l.boundTo().equals(name))
          .forEach(l -> units.put(at, l.username()));
    }
    Map<Integer, String> accounts = new java.util.HashMap<>();
    history.accounts().forEach(a -> accounts.put(a.jobseeker(), a.username()));
    accounts.put(0, "resident");
    for (DemoHistory.Referral r : history.referrals()) {
      List<DemoHistory.Event> events = r.events();
      DemoHistory.Event first = events.get(0);
      assertNull(first.from(), r.toString());
      if (r.origin() == ReferralOrigin.RESIDENT) {
        assertEquals(ReferralState.REQUESTED, first.to(), r.toString());
      } else {
        assertEquals(ReferralState.PROPOSED, first.to(), r.toString());
      }
      for (int i = 0; i < events.size(); i++) {
        DemoHistory.Event e = events.get(i);
        if (i > 0) {
          DemoHistory.Event before = events.get(i - 1);
          assertEquals(before.to(), e.from(), r.toString());
          assertTrue(e.from().allowsMove(e.to(), e.role()), e + " in " + r);
          assertTrue(e.at().isAfter(before.at()), e + " after " + before);
        }
        String expected =
            switch (e.role()) {
              case "MATCHMAKER" -> matchmakerOf(r.community());
              case "SYSTEM" -> "system";
              case "EMPLOYER" -> units.get(r.unit());
              case "RESIDENT" -> accounts.get(r.jobseeker());
              default -> throw new AssertionError("role " + e.role());
            };
        assertEquals(expected, e.actor(), e + " in " + r);
        if (e.role().equals("MATCHMAKER") || e.role().equals("EMPLOYER")) {
          int hour = e.at().getHour();
          assertTrue(hour >= 8 && hour <= 19, "staff and units work in office hours: " + e);
        }
        assertTrue(e.at().isBefore(TODAY.atStartOfDay()), e.toString());
      }
      assertEquals(r.state(), events.get(events.size() - 1).to(), r.toString());
      assertEquals(first.actor(), r.createdBy(), r.toString());
    }
  }

  private static String matchmakerOf(String community) {
    return Map.of("下洋", "xiayang", "红印山", "hongyinshan", "凤岗", "fenggang", "新龙", "xinlong")
        .getOrDefault(
            community,
            Map.of("崇宁", "chongning", "芙蓉", "furong", "建新", "jianxin", "东安", "dongan", "碧湖", "bihu")
                .get(community));
  }

  @Test
  void referralTimesAgreeWithTheirHistories() {
    LocalDateTime now = TODAY.atStartOfDay();
    for (DemoHistory.Referral r : history.referrals()) {
      List<DemoHistory.Event> events = r.events();
      LocalDateTime sent = firstAt(events, e -> e.to() == ReferralState.SENT);
      assertEquals(sent, r.sentAt(), r.toString());
      LocalDateTime answered =
          firstAt(
              events,
              e ->
                  e.from() == ReferralState.SENT
                      && (e.to() == ReferralState.INTERVIEW || e.to() == ReferralState.NOT_HIRED));
      assertEquals(answered, r.answeredAt(), r.toString());
      if (r.replyRemindedAt() != null) {
        assertFalse(r.replyRemindedAt().isBefore(sent.plusDays(7)), r.toString());
      }
      assertEquals(
          r.state() == ReferralState.INTERVIEW || r.interviewAt() != null,
          r.interviewAt() != null,
          r.toString());
      if (r.state().isOpen()) {
        // the open ones are recent: the expiry job would have ended them otherwise
        LocalDateTime alive =
            r.interviewAt() != null && r.interviewAt().isAfter(r.touchedAt())
                ? r.interviewAt()
                : r.touchedAt();
        assertTrue(alive.plusDays(14).isAfter(now), r.toString());
        assertNull(r.endedReason(), r.toString());
      } else if (r.state() != ReferralState.HIRED) {
        assertNotNull(r.endedReason(), r.toString());
      }
      if (r.state() == ReferralState.SENT && sent.plusDays(7).isBefore(now.minusHours(1))) {
        assertNotNull(r.replyRemindedAt(), "an overdue answer was told to the unit: " + r);
      }
    }
  }

  private static LocalDateTime firstAt(
      List<DemoHistory.Event> events, java.util.function.Predicate<DemoHistory.Event> which) {
    return events.stream().filter(which).map(DemoHistory.Event::at).findFirst().orElse(null);
  }

  @Test
  void aResidentHasOneLiveReferralPerPosting() {
    Set<ReferralState> gone =
        EnumSet.of(ReferralState.WITHDRAWN, ReferralState.EXPIRED, ReferralState.OBSOLETE);
    Set<String> live = new HashSet<>();
    for (DemoHistory.Referral r : history.referrals()) {
      if (!gone.contains(r.state())) {
        assertTrue(live.add(r.jobseeker() + ":" + r.posting()), "twice: " + r);
      }
    }
  }

  @Test
  void refusalsCarryRealisticReasons() {
    Map<RefusalReason, Long> resident = reasons(ReferralState.DECLINED_BY_RESIDENT);
    Map<RefusalReason, Long> employer = reasons(ReferralState.NOT_HIRED);
    assertTrue(
        Set.of(
                RefusalReason.WAGE,
                RefusalReason.DISTANCE,
                RefusalReason.HOURS,
                RefusalReason.HEALTH,
                RefusalReason.FAMILY,
                RefusalReason.FOUND_OTHER_WORK,
                RefusalReason.OTHER)
            .containsAll(resident.keySet()),
        resident.toString());
    assertEquals(
        Set.of(RefusalReason.WAGE, RefusalReason.DISTANCE, RefusalReason.HOURS),
        top(resident, 3),
        "residents say no for the wage, the distance and the hours most: " + resident);
    assertTrue(
        Set.of(
                RefusalReason.SKILLS,
                RefusalReason.EXPERIENCE,
                RefusalReason.NO_SHOW,
                RefusalReason.POSITION_FILLED,
                RefusalReason.WAGE_EXPECTATIONS,
                RefusalReason.OTHER)
            .containsAll(employer.keySet()),
        employer.toString());
    assertTrue(
        top(employer, 2).containsAll(Set.of(RefusalReason.SKILLS, RefusalReason.EXPERIENCE)));
    assertTrue(employer.getOrDefault(RefusalReason.NO_SHOW, 0L) > 10, employer.toString());
    assertEquals(Set.of(RefusalReason.UNTOUCHED), reasons(ReferralState.EXPIRED).keySet());
    assertEquals(Set.of(RefusalReason.HIRED_ELSEWHERE), reasons(ReferralState.OBSOLETE).keySet());
    assertTrue(reasons(ReferralState.WITHDRAWN).containsKey(RefusalReason.CONSENT_WITHDRAWN));
    for (DemoHistory.Referral r : history.referrals()) {
      for (DemoHistory.Event e : r.events()) {
        if (e.reason() == RefusalReason.OTHER) {
          assertNotNull(e.note(), "OTHER says what in its note: " + r);
        }
      }
    }
  }

  private Map<RefusalReason, Long> reasons(ReferralState state) {
    Map<RefusalReason, Long> counts = new EnumMap<>(RefusalReason.class);
    history.referrals().stream()
        .filter(r -> r.state() == state)
        .forEach(r -> counts.merge(r.endedReason(), 1L, Long::sum));
    return counts;
  }

  private static Set<RefusalReason> top(Map<RefusalReason, Long> counts, int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<RefusalReason, Long>comparingByValue().reversed())
        .limit(n)
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  @Test
  void everyReferralThatReachedConsentHasItsConsentRecord() {
    Map<ConsentMethod, Long> methods = new EnumMap<>(ConsentMethod.class);
    for (DemoHistory.Referral r : history.referrals()) {
      LocalDateTime consented = firstAt(r.events(), e -> e.to() == ReferralState.CONSENTED);
      DemoHistory.Consent c = r.consent();
      assertEquals(consented != null, c != null, r.toString());
      if (c == null) {
        continue;
      }
      methods.merge(c.method(), 1L, Long::sum);
      assertEquals(consented, c.givenAt(), r.toString());
      assertEquals(c.method() == ConsentMethod.ONLINE, c.recordedRole().equals("RESIDENT"));
      assertEquals(c.method() == ConsentMethod.ONLINE, c.reference() == null, r.toString());
      assertTrue(
          c.fields()
              .containsAll(
                  EnumSet.of(
                      SharedField.NAME,
                      SharedField.PHONE,
                      SharedField.AGE,
                      SharedField.SKILLS,
                      SharedField.WORK_HISTORY)),
          r.toString());
      boolean withdrawn =
          EnumSet.of(ReferralState.WITHDRAWN, ReferralState.EXPIRED, ReferralState.OBSOLETE)
              .contains(r.state());
      assertEquals(withdrawn, c.withdrawnAt() != null, "the unit loses access: " + r);
      if (withdrawn) {
        assertEquals(r.touchedAt(), c.withdrawnAt(), r.toString());
        assertEquals(r.events().get(r.events().size() - 1).actor(), c.withdrawnBy(), r.toString());
      }
    }
    long all = methods.values().stream().mapToLong(Long::longValue).sum();
    long byStaff =
        methods.getOrDefault(ConsentMethod.IN_PERSON_SIGNATURE, 0L)
            + methods.getOrDefault(ConsentMethod.PHONE_CALL, 0L);
    assertTrue(byStaff * 100 > all * 60, "mostly in person or by phone: " + methods);
    assertTrue(methods.getOrDefault(ConsentMethod.ONLINE, 0L) * 100 > all * 5, methods.toString());
  }

  @Test
  void postingsCountTheirPlacementsAndFullOnesAreFilled() {
    int[] placed = new int[history.postings().size()];
    history.placements().stream()
        .filter(p -> p.posting() != null)
        .forEach(p -> placed[p.posting()]++);
    for (int i = 0; i < placed.length; i++) {
      DemoHistory.Posted posted = history.postings().get(i);
      DemoPosting p = posted.posting();
      assertEquals(placed[i], posted.filled(), posted.toString());
      assertTrue(posted.filled() <= p.headcount(), posted.toString());
      if (posted.filled() == p.headcount()) {
        assertEquals(PostingStatus.FILLED, posted.status(), posted.toString());
      }
      assertFalse(posted.changedOn().isBefore(p.openedOn()), posted.toString());
      if (i >= data.postings().size()) {
        assertTrue(p.validThrough().isBefore(TODAY), "past postings ended: " + posted);
        assertTrue(
            posted.status() == PostingStatus.CLOSED || posted.status() == PostingStatus.FILLED,
            posted.toString());
      } else {
        assertEquals(data.postings().get(i), p, "the plan's postings as drawn");
      }
    }
    assertTrue(
        history.postings().stream()
            .anyMatch(p -> p.filled() > 0 && p.status() == PostingStatus.OPEN));
  }

  @Test
  void employedResidentsHaveARunningPlacementAndThoseWhoLeftSeekAgain() {
    Map<Integer, List<DemoHistory.Placement>> byResident =
        history.placements().stream()
            .collect(Collectors.groupingBy(DemoHistory.Placement::jobseeker));
    for (int i = 0; i < history.residents().size(); i++) {
      DemoJobseeker j = history.residents().get(i);
      List<DemoHistory.Placement> theirs = byResident.getOrDefault(i, List.of());
      long running = theirs.stream().filter(p -> p.endedOn() == null).count();
      assertTrue(running <= 1, j.toString());
      assertEquals(j.status() == DemoJobseeker.Status.EMPLOYED, running == 1, j.toString());
      if (j.status() == DemoJobseeker.Status.EMPLOYED) {
        assertNull(j.unemployedSince(), j.toString());
      } else if (!theirs.isEmpty()) {
        LocalDate lastEnd =
            theirs.stream()
                .map(DemoHistory.Placement::endedOn)
                .max(LocalDate::compareTo)
                .orElseThrow();
        assertEquals(lastEnd, j.unemployedSince(), "seeking again since they left: " + j);
      }
      // one placement at a time: the next starts after the last ended
      List<DemoHistory.Placement> sorted =
          theirs.stream()
              .sorted(java.util.Comparator.comparing(DemoHistory.Placement::createdAt))
              .toList();
      for (int k = 1; k < sorted.size(); k++) {
        assertNotNull(sorted.get(k - 1).endedOn(), sorted.toString());
      }
    }
    assertTrue(
        history.residents().get(0).status() != DemoJobseeker.Status.EMPLOYED,
        "the persona still seeks");
  }

  @Test
  void followUpsAreRecordedUntilLatelyAndSomeFindPeopleGone() {
    Map<FollowUpOutcome, Long> outcomes = new EnumMap<>(FollowUpOutcome.class);
    long dueNow = 0;
    for (DemoHistory.Placement p : history.placements()) {
      assertEquals(
          List.of(1, 3, 6), p.followUps().stream().map(DemoHistory.FollowUp::months).toList());
      boolean gone = false;
      for (DemoHistory.FollowUp f : p.followUps()) {
        assertEquals(p.startDate().plusMonths(f.months()), f.dueOn(), p.toString());
        if (f.outcome() == null) {
          if (p.endedOn() == null && !f.dueOn().isAfter(TODAY.plusDays(7))) {
            dueNow++;
            assertTrue(f.dueOn().isAfter(TODAY.minusDays(75)), "old ones were recorded: " + p);
          }
          continue;
        }
        assertFalse(gone, "nothing is recorded after the resident left: " + p);
        outcomes.merge(f.outcome(), 1L, Long::sum);
        assertEquals(f.outcome() == FollowUpOutcome.LEFT, f.reason() != null, p.toString());
        assertTrue(f.recordedAt().isBefore(TODAY.atStartOfDay()), p.toString());
        if (f.outcome() == FollowUpOutcome.LEFT) {
          gone = true;
          assertEquals(f.reason(), p.endReason(), p.toString());
          assertEquals(f.recordedAt().toLocalDate(), p.endedOn(), p.toString());
        } else {
          assertFalse(f.recordedAt().toLocalDate().isBefore(f.dueOn().minusDays(7)), p.toString());
        }
      }
      assertEquals(gone, p.endedOn() != null, p.toString());
    }
    assertEquals(EnumSet.allOf(FollowUpOutcome.class), outcomes.keySet());
    long recorded = outcomes.values().stream().mapToLong(Long::longValue).sum();
    assertTrue(
        outcomes.get(FollowUpOutcome.STILL_EMPLOYED) * 100 > recorded * 70, outcomes.toString());
    assertTrue(outcomes.get(FollowUpOutcome.LEFT) > 100, outcomes.toString());
    assertTrue(dueNow > 10, "follow-ups due or overdue now: " + dueNow);
  }

  @Test
  void aboutOneHundredSeventyResidentsAreTrainedEachYear() {
    for (int year = 0; year < 3; year++) {
      LocalDate from = TODAY.minusYears(year + 1);
      LocalDate to = TODAY.minusYears(year).minusDays(1);
      long trained =
          history.enrolments().stream()
              .filter(e -> e.status() == EnrolmentStatus.COMPLETED)
              .filter(e -> !e.completedOn().isBefore(from) && !e.completedOn().isAfter(to))
              .map(DemoHistory.Enrolment::jobseeker)
              .distinct()
              .count();
      between(130, 210, trained, "trained in the year to " + to);
    }
    Set<CourseKind> kinds = EnumSet.noneOf(CourseKind.class);
    history.courses().forEach(c -> kinds.add(c.kind()));
    assertEquals(EnumSet.allOf(CourseKind.class), kinds);
    assertTrue(history.enrolments().stream().anyMatch(e -> e.status() == EnrolmentStatus.ENROLLED));
  }

  @Test
  void aPassedCourseWithALicenceMeansTheResidentHoldsIt() {
    int[] taken = new int[history.courses().size()];
    Set<String> enrolled = new HashSet<>();
    for (DemoHistory.Enrolment e : history.enrolments()) {
      DemoHistory.Course c = history.courses().get(e.course());
      assertTrue(enrolled.add(e.course() + ":" + e.jobseeker()), "enrolled once: " + e);
      assertEquals(e.status() == EnrolmentStatus.COMPLETED, e.passed() != null, e.toString());
      assertEquals(e.status() == EnrolmentStatus.COMPLETED, e.completedOn() != null, e.toString());
      if (e.status() != EnrolmentStatus.WITHDRAWN) {
        taken[e.course()]++;
      }
      if (Boolean.TRUE.equals(e.passed()) && c.licence() != null) {
        assertTrue(
            history.residents().get(e.jobseeker()).licences().contains(c.licence()),
            "holds " + c.licence() + ": " + e);
        assertNotNull(e.certificateNumber(), e.toString());
      }
      if (e.licenceAdded()) {
        assertTrue(e.passed(), e.toString());
        assertFalse(
            data.jobseekers().get(e.jobseeker()).licences().contains(c.licence()), e.toString());
      }
      if (e.completedOn() != null) {
        assertFalse(e.completedOn().isBefore(c.startsOn()), e.toString());
      }
    }
    for (int i = 0; i < taken.length; i++) {
      DemoHistory.Course c = history.courses().get(i);
      assertEquals(taken[i], c.seatsTaken(), c.toString());
      assertTrue(c.seatsTaken() <= c.seats(), c.toString());
    }
    assertTrue(
        history.enrolments().stream().filter(DemoHistory.Enrolment::licenceAdded).count() > 200);
  }

  @Test
  void messagesAreTheInboxsKindsWithExactlyTheirParameters() {
    Set<String> kinds = new HashSet<>();
    for (DemoHistory.Notice n : history.notices()) {
      assertEquals(Notice.KINDS.get(n.kind()), n.params().keySet(), n.toString());
      kinds.add(n.kind());
      assertTrue(n.at().isBefore(TODAY.atStartOfDay()), n.toString());
      n.params().values().forEach(v -> assertFalse(v.matches(".*\\d{11}.*"), "no phone: " + n));
    }
    assertTrue(kinds.size() >= 11, kinds.toString());
    for (int i = 1; i < history.notices().size(); i++) {
      assertFalse(history.notices().get(i).at().isBefore(history.notices().get(i - 1).at()));
    }
    history
        .accounts()
        .forEach(a -> assertTrue(a.username().matches("^[a-z0-9_.-]{3,40}$"), a.toString()));
  }

  @Test
  void theDemoLoginsHaveALiveWorklistAndInbox() {
    LocalDateTime now = TODAY.atStartOfDay();
    List<DemoHistory.Referral> persona =
        history.referrals().stream().filter(r -> r.jobseeker() == 0 && r.state().isOpen()).toList();
    Set<ReferralState> personaStates = EnumSet.noneOf(ReferralState.class);
    persona.forEach(r -> personaStates.add(r.state()));
    assertTrue(
        personaStates.containsAll(
            EnumSet.of(ReferralState.PROPOSED, ReferralState.INTERVIEW, ReferralState.REQUESTED)),
        persona.toString());
    DemoHistory.Referral interview =
        persona.stream()
            .filter(r -> r.state() == ReferralState.INTERVIEW)
            .findFirst()
            .orElseThrow();
    assertEquals(UnitCatalogue.WELFARE_FACTORY, data.units().get(interview.unit()).name());
    assertTrue(
        history.enrolments().stream().anyMatch(e -> e.jobseeker() == 0 && e.licenceAdded()),
        "the persona's training earned her a certificate");
    assertTrue(
        interview.interviewAt().isAfter(now) && interview.interviewAt().isBefore(now.plusDays(7)));
    for (String unit : List.of(UnitCatalogue.WELFARE_FACTORY, UnitCatalogue.WANZI)) {
      List<DemoHistory.Referral> sent =
          history.referrals().stream()
              .filter(r -> r.state() == ReferralState.SENT)
              .filter(r -> data.units().get(r.unit()).name().equals(unit))
              .toList();
      assertTrue(
          sent.stream().anyMatch(r -> r.sentAt().isBefore(now.minusDays(7))),
          unit + " has one overdue");
      assertTrue(
          sent.stream().anyMatch(r -> r.sentAt().isAfter(now.minusDays(7))),
          unit + " has a fresh one");
      assertTrue(
          history.notices().stream()
              .anyMatch(
                  n ->
                      n.audience() == DemoHistory.Audience.UNIT
                          && data.units().get(n.target()).name().equals(unit)
                          && n.at().isAfter(now.minusDays(7))),
          unit);
    }
    for (String community : List.of("下洋", "红印山")) {
      Set<ReferralState> open = EnumSet.noneOf(ReferralState.class);
      history.referrals().stream()
          .filter(r -> r.community().equals(community) && r.state().isOpen())
          .forEach(r -> open.add(r.state()));
      assertTrue(
          open.containsAll(
              EnumSet.of(
                  ReferralState.REQUESTED,
                  ReferralState.PROPOSED,
                  ReferralState.SENT,
                  ReferralState.INTERVIEW)),
          community + ": " + open);
      assertTrue(
          history.placements().stream()
              .filter(p -> p.community().equals(community) && p.endedOn() == null)
              .flatMap(p -> p.followUps().stream())
              .anyMatch(f -> f.outcome() == null && !f.dueOn().isAfter(TODAY.plusDays(7))),
          community + " has follow-ups due");
      assertTrue(
          data.units().stream()
              .flatMap(u -> u.agreements().stream())
              .anyMatch(
                  a ->
                      a.signingCommunity().equals(community)
                          && a.isValidOn(TODAY)
                          && a.validUntil().isBefore(TODAY.plusDays(30))),
          community + " has an agreement expiring");
    }
    assertTrue(
        history.referrals().stream()
            .anyMatch(
                r ->
                    r.community().equals("下洋")
                        && r.state().isOpen()
                        && r.touchedAt().isBefore(now.minusDays(11))),
        "a referral of 下洋 expires within three days");
  }
}
