package hongniang.matching;

import static hongniang.matching.Pairs.CLEANER;
import static hongniang.matching.Pairs.GARDENER;
import static hongniang.matching.Pairs.GUARD;
import static hongniang.matching.Pairs.TODAY;
import static hongniang.matching.Pairs.TOILET_ATTENDANT;
import static hongniang.matching.Pairs.aJobseeker;
import static hongniang.matching.Pairs.aPosting;
import static hongniang.matching.Pairs.skill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.DifficultyCategory;
import hongniang.common.Schedule;
import hongniang.matching.Scorer.Perspective;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScorerTest {

  private final Scorer scorer = new Scorer(Weights.defaults(), "三明市");

  private Map<String, Part> parts(Match m) {
    return m.parts().stream().collect(Collectors.toMap(Part::name, p -> p));
  }

  private Match explain(Pairs.JobseekerBuilder s, Pairs.PostingBuilder o, Perspective p) {
    return scorer.explain(s.build(), o.build(), p, TODAY);
  }

  @Test
  void theScoreIsTheSumOfBoundedPartsAndEqualsTheFastPath() {
    for (Perspective p : Perspective.values()) {
      Pairs.JobseekerBuilder s = aJobseeker();
      s.categories.add(DifficultyCategory.AGE_4050);
      Match m = explain(s, aPosting(), p);
      double sum = 0;
      for (Part part : m.parts()) {
        assertTrue(part.points() >= 0 && part.points() <= part.max(), part.toString());
        assertTrue(!part.reason().zh().isBlank() && !part.reason().en().isBlank(), part.toString());
        sum += part.points();
      }
      assertEquals(m.score(), sum, 1e-9);
      assertEquals(m.score(), scorer.points(s.build(), aPosting().build(), p, TODAY), 1e-9);
      assertTrue(m.score() <= m.max());
    }
    assertEquals(100, scorer.max(Perspective.FOR_RESIDENT));
    assertEquals(115, scorer.max(Perspective.FOR_POSTING));
  }

  @Test
  void aSynonymOfTheDesiredWorkIsTheSameOccupation() {
    // the resident asked for 清洁工; the posting is a 保洁员: same code, full occupation points
    Match m = explain(aJobseeker(), aPosting(), Perspective.FOR_RESIDENT);
    Part occupation = parts(m).get("occupation");
    assertEquals(30, occupation.points(), 1e-9);
    assertTrue(occupation.reason().zh().contains("清洁工"), occupation.reason().zh());
    assertTrue(occupation.reason().zh().contains("同一职业"), occupation.reason().zh());
  }

  @Test
  void occupationFitFallsFromSameOccupationToSameGroupToNothing() {
    Pairs.PostingBuilder same = aPosting();
    Pairs.PostingBuilder group = aPosting();
    group.work = TOILET_ATTENDANT;
    Pairs.PostingBuilder other = aPosting();
    other.work = GUARD;
    double a =
        parts(explain(aJobseeker(), same, Perspective.FOR_RESIDENT)).get("occupation").points();
    double b =
        parts(explain(aJobseeker(), group, Perspective.FOR_RESIDENT)).get("occupation").points();
    double c =
        parts(explain(aJobseeker(), other, Perspective.FOR_RESIDENT)).get("occupation").points();
    assertEquals(30, a, 1e-9);
    assertEquals(18, b, 1e-9);
    assertEquals(0, c, 1e-9);
    Pairs.JobseekerBuilder gardenerBefore = aJobseeker();
    gardenerBefore.pastWork.add(GARDENER);
    Pairs.PostingBuilder gardening = aPosting();
    gardening.work = GARDENER;
    Map<String, Part> related = parts(explain(gardenerBefore, gardening, Perspective.FOR_RESIDENT));
    assertEquals(9, related.get("occupation").points(), 1e-9);
    assertEquals(10, related.get("experience").points(), 1e-9);
    assertTrue(related.get("experience").reason().zh().contains("绿化工"));
  }

  @Test
  void wageFitReadsLikeThePeopleSayIt() {
    Pairs.JobseekerBuilder s = aJobseeker();
    s.minWage = 3500;
    Pairs.PostingBuilder o = aPosting();
    o.wageMax = 5000;
    Part wage = parts(explain(s, o, Perspective.FOR_RESIDENT)).get("wage");
    assertEquals("期望月薪3500，本岗位最高5000", wage.reason().zh());
    assertEquals(15, wage.points(), 1e-9);
    o.wageMax = 3500;
    assertEquals(10.5, parts(explain(s, o, Perspective.FOR_RESIDENT)).get("wage").points(), 1e-9);
    o.wageMax = 3150; // 10% short
    assertEquals(3.75, parts(explain(s, o, Perspective.FOR_RESIDENT)).get("wage").points(), 1e-9);
    o.wageMax = 2000; // far short
    Part far = parts(explain(s, o, Perspective.FOR_RESIDENT)).get("wage");
    assertEquals(0, far.points(), 1e-9);
    assertTrue(far.reason().zh().endsWith("低于期望较多"), far.reason().zh());
  }

  @Test
  void skillsCountTheShareOfThePostingsSkillsHeld() {
    Pairs.JobseekerBuilder s = aJobseeker();
    Part half = parts(explain(s, aPosting(), Perspective.FOR_POSTING)).get("skills");
    assertEquals(7.5, half.points(), 1e-9);
    assertEquals("具备清洁卫生，缺少垃圾分类（1/2）", half.reason().zh());
    s.skills.add(skill("垃圾分类"));
    assertEquals(
        15, parts(explain(s, aPosting(), Perspective.FOR_POSTING)).get("skills").points(), 1e-9);
  }

  @Test
  void placeScoresTheCommunityThenTheDistrictThenTheCity() {
    Pairs.JobseekerBuilder s = aJobseeker();
    s.willingOutside = true;
    Pairs.PostingBuilder o = aPosting();
    assertEquals(10, parts(explain(s, o, Perspective.FOR_RESIDENT)).get("place").points(), 1e-9);
    o.community = 2L;
    assertEquals(7, parts(explain(s, o, Perspective.FOR_RESIDENT)).get("place").points(), 1e-9);
    o.community = null;
    assertEquals(4, parts(explain(s, o, Perspective.FOR_RESIDENT)).get("place").points(), 1e-9);
    o.city = "厦门市";
    Part away = parts(explain(s, o, Perspective.FOR_RESIDENT)).get("place");
    assertEquals(0, away.points(), 1e-9);
    assertTrue(away.reason().zh().contains("厦门市"));
  }

  @Test
  void priorityCountsOnlyWhenRankingResidents() {
    Pairs.JobseekerBuilder s = aJobseeker();
    s.categories.add(DifficultyCategory.LOW_INCOME);
    s.categories.add(DifficultyCategory.AGE_4050);
    s.unemployedSince = TODAY.minusMonths(18);
    Match forPosting = explain(s, aPosting(), Perspective.FOR_POSTING);
    Part priority = parts(forPosting).get("priority");
    // two categories 0.7, a year and a half out of work 0.2
    assertEquals(13.5, priority.points(), 1e-9);
    assertTrue(priority.reason().zh().contains("失业18个月"), priority.reason().zh());
    assertTrue(priority.reason().zh().contains("低保"), priority.reason().zh());
    Match forResident = explain(s, aPosting(), Perspective.FOR_RESIDENT);
    assertTrue(parts(forResident).get("priority") == null);
    Pairs.JobseekerBuilder plain = aJobseeker();
    assertEquals(
        0,
        parts(explain(plain, aPosting(), Perspective.FOR_POSTING)).get("priority").points(),
        1e-9);
  }

  @Test
  void aPairGoodForBothSidesOutranksOneGoodForOneSideWithTheSameOtherParts() {
    // A: the resident's wish (same occupation) but none of the posting's skills or experience.
    // B: a related wish (same group) with every skill and the experience: good for both.
    Pairs.JobseekerBuilder wish = aJobseeker();
    wish.skills.clear();
    Pairs.JobseekerBuilder both = aJobseeker();
    both.desired.clear();
    both.desired.add(TOILET_ATTENDANT);
    both.skills.add(skill("垃圾分类"));
    both.pastWork.add(CLEANER);
    Match a = explain(wish, aPosting(), Perspective.FOR_RESIDENT);
    Match b = explain(both, aPosting(), Perspective.FOR_RESIDENT);
    assertTrue(parts(b).get("balance").points() > parts(a).get("balance").points());
    assertTrue(b.score() > a.score(), a + "\n" + b);
  }

  @Test
  void schedulePrefersTheResidentsFirstChoice() {
    Pairs.JobseekerBuilder s = aJobseeker();
    s.schedules.addAll(List.of(Schedule.PART_TIME, Schedule.FULL_TIME));
    Pairs.PostingBuilder o = aPosting();
    o.schedule = Schedule.PART_TIME;
    assertEquals(5, parts(explain(s, o, Perspective.FOR_RESIDENT)).get("schedule").points(), 1e-9);
    o.schedule = Schedule.FULL_TIME;
    assertEquals(3, parts(explain(s, o, Perspective.FOR_RESIDENT)).get("schedule").points(), 1e-9);
  }

  @Test
  void weightsOutsideTheirBoundsAreRefused() {
    try {
      new Weights(-1, 15, 15, 10, 5, 10, 5, 15, 10);
      throw new AssertionError("a negative weight was accepted");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("occupation"), e.getMessage());
    }
    assertEquals(CLEANER.code(), Pairs.CLEANER_COLLOQUIAL.code());
  }
}
