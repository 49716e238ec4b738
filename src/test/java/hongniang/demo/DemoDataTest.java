package hongniang.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.CheckDigits;
import hongniang.common.DifficultyCategory;
import hongniang.common.Gender;
import hongniang.postings.PostingStatus;
import java.time.LocalDate;
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

  final DemoData data = generate(PLAN, TODAY);

  static DemoData generate(DemoPlan plan, LocalDate today) {
    return new DemoGenerator(plan, today, COMMUNITIES).generate();
  }

  @Test
  void sameSeedAndDayGiveTheSameData() {
    assertEquals(data, generate(PLAN, TODAY));
    assertNotEquals(data, generate(new DemoPlan(7, 15, 80, 300), TODAY));
  }

  @Test
  void moreJobseekersLeaveUnitsAndPostingsAsTheyWere() {
    DemoData bigger = generate(new DemoPlan(PLAN.seed(), 15, 80, 400), TODAY);
    assertEquals(data.units(), bigger.units());
    assertEquals(data.postings(), bigger.postings());
    assertEquals(data.jobseekers(), bigger.jobseekers().subList(0, 300));
  }

  @Test
  void makesTheRequestedCounts() {
    assertEquals(15, data.units().size());
    assertEquals(80, data.postings().size());
    assertEquals(300, data.jobseekers().size());
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
    DemoData many = generate(new DemoPlan(5, 1, 0, 50_000), TODAY);
    Set<String> seen = new HashSet<>();
    for (DemoJobseeker j : many.jobseekers()) {
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
    assertTrue(without > 0 && without < 250, "some but not all without a category: " + without);
  }

  @Test
  void gives4050ExactlyToWomenOf40AndMenOf50() {
    int women = 0;
    int men = 0;
    for (DemoJobseeker j : generate(new DemoPlan(9, 1, 0, 5_000), TODAY).jobseekers()) {
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
    for (DemoJobseeker j : data.jobseekers()) {
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
    assertTrue(data.jobseekers().stream().map(DemoJobseeker::name).distinct().count() > 200);
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
      // places filled count placements, which the demo does not write yet
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
    List<DemoJobseeker> next = generator.jobseekers(300, pool).toList();
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
}
