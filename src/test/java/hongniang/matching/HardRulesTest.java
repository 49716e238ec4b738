package hongniang.matching;

import static hongniang.matching.Pairs.TODAY;
import static hongniang.matching.Pairs.aJobseeker;
import static hongniang.matching.Pairs.aPosting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Schedule;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class HardRulesTest {

  private static List<String> broken(
      Consumer<Pairs.JobseekerBuilder> jobseeker, Consumer<Pairs.PostingBuilder> posting) {
    Pairs.JobseekerBuilder s = aJobseeker();
    Pairs.PostingBuilder o = aPosting();
    jobseeker.accept(s);
    posting.accept(o);
    List<Exclusion> found = HardRules.check(s.build(), o.build(), TODAY);
    assertEquals(found.isEmpty(), HardRules.allows(s.build(), o.build(), TODAY));
    return found.stream().map(Exclusion::rule).toList();
  }

  @Test
  void aPlainGoodPairPasses() {
    assertEquals(List.of(), broken(s -> {}, o -> {}));
  }

  @Test
  void eachRuleExcludesOnItsOwn() {
    assertEquals(List.of("NotSeeking"), broken(s -> s.status = "EMPLOYED", o -> {}));
    assertEquals(List.of("PostingNotOpen"), broken(s -> {}, o -> o.status = "CLOSED"));
    assertEquals(List.of("PostingFull"), broken(s -> {}, o -> o.remaining = 0));
    assertEquals(
        List.of("PostingExpired"), broken(s -> {}, o -> o.validThrough = TODAY.minusDays(1)));
    assertEquals(
        List.of("AgreementNotValid"), broken(s -> {}, o -> o.agreementUntil = TODAY.minusDays(1)));
    assertEquals(List.of("AgreementNotValid"), broken(s -> {}, o -> o.agreementUntil = null));
    assertEquals(
        List.of("LicenceMissing"), broken(s -> s.licences.add("健康证"), o -> o.licences.add("电工证")));
    assertEquals(List.of("PublicWelfareNotEligible"), broken(s -> {}, o -> o.publicWelfare = true));
    assertEquals(
        List.of("ScheduleNotAcceptable"),
        broken(s -> s.schedules.add(Schedule.PART_TIME), o -> o.schedule = Schedule.FULL_TIME));
    assertEquals(List.of("AgeOutOfRange"), broken(s -> s.birthYear = 1960, o -> o.maxAge = 60));
    assertEquals(List.of("AgeOutOfRange"), broken(s -> s.birthYear = 2010, o -> o.minAge = 18));
    assertEquals(
        List.of("EducationBelowMinimum"),
        broken(s -> s.education = Education.PRIMARY, o -> o.minEducation = Education.SENIOR_HIGH));
    assertEquals(
        List.of("OutsideNotWanted"),
        broken(
            s -> s.willingOutside = false,
            o -> {
              o.community = null;
              o.city = "厦门市";
            }));
  }

  @Test
  void boundariesAreInclusive() {
    // 2026 − 1966 = 60: exactly the maximum age is allowed, as is the agreement's last day
    assertEquals(List.of(), broken(s -> s.birthYear = 1966, o -> o.maxAge = 60));
    assertEquals(List.of(), broken(s -> {}, o -> o.agreementUntil = TODAY));
    assertEquals(List.of(), broken(s -> {}, o -> o.validThrough = TODAY));
    assertEquals(
        List.of(),
        broken(
            s -> s.education = Education.SENIOR_HIGH, o -> o.minEducation = Education.SENIOR_HIGH));
  }

  @Test
  void entitlementsOpenWhatTheyShould() {
    assertEquals(
        List.of(),
        broken(s -> s.categories.add(DifficultyCategory.LOW_INCOME), o -> o.publicWelfare = true));
    assertEquals(
        List.of(),
        broken(
            s -> s.willingOutside = true,
            o -> {
              o.community = null;
              o.city = "厦门市";
            }));
    assertEquals(
        List.of(),
        broken(s -> s.licences.addAll(List.of("电工证", "健康证")), o -> o.licences.add("电工证")));
    // an empty list of schedules accepts any
    assertEquals(List.of(), broken(s -> s.schedules.clear(), o -> o.schedule = Schedule.SHIFT));
  }

  @Test
  void everyExclusionSaysWhyInBothLanguages() {
    Pairs.JobseekerBuilder s = aJobseeker();
    s.status = "EMPLOYED";
    s.birthYear = 1950;
    Pairs.PostingBuilder o = aPosting();
    o.licences.add("健康证");
    o.maxAge = 55;
    List<Exclusion> found = HardRules.check(s.build(), o.build(), TODAY);
    assertEquals(
        List.of("NotSeeking", "LicenceMissing", "AgeOutOfRange"),
        found.stream().map(Exclusion::rule).toList());
    assertTrue(found.get(1).reason().zh().contains("健康证"), found.get(1).toString());
    assertTrue(found.get(2).reason().zh().contains("76岁"), found.get(2).toString());
    assertTrue(found.get(2).reason().en().contains("age 76"), found.get(2).toString());
    assertFalse(HardRules.allows(s.build(), o.build(), TODAY));
  }
}
