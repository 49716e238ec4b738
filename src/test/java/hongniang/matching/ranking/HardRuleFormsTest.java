package hongniang.matching.ranking;

import static hongniang.matching.Pairs.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Schedule;
import hongniang.matching.Condition;
import hongniang.matching.Exclusion;
import hongniang.matching.HardRules;
import hongniang.matching.Jobseeker;
import hongniang.matching.Pairs;
import hongniang.matching.Posting;
import hongniang.matching.RandomWorld;
import hongniang.matching.Scorer;
import hongniang.matching.Weights;
import hongniang.matching.allocation.Board;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every hard rule has its fast forms, and they agree with its test ({@link HardRules}): the checks
 * on columns both ways (as built from records and as the index stores them) and the match board
 * exclude a pair that breaks it alone, and the index's filters, where a rule has them, exclude it
 * too without ever dropping a pair the rules allow. A rule added without a case here fails {@link
 * #everyRuleHasACase}; with a case but without its column checks, {@link
 * #aPairThatBreaksOneRuleGetsPastNoFastForm}.
 */
class HardRuleFormsTest {

  private static final Scorer SCORER = new Scorer(Weights.defaults(), "三明市");

  /** How to break one rule, and that rule only, from a pair that passes them all. */
  private record Case(
      Consumer<Pairs.JobseekerBuilder> jobseeker, Consumer<Pairs.PostingBuilder> posting) {
    Jobseeker s() {
      Pairs.JobseekerBuilder b = Pairs.aJobseeker();
      jobseeker.accept(b);
      return b.build();
    }

    Posting o() {
      Pairs.PostingBuilder b = Pairs.aPosting();
      posting.accept(b);
      return b.build();
    }
  }

  private static final Map<String, List<Case>> CASES = new LinkedHashMap<>();

  private static void breaks(
      String rule, Consumer<Pairs.JobseekerBuilder> s, Consumer<Pairs.PostingBuilder> o) {
    CASES.computeIfAbsent(rule, r -> new ArrayList<>()).add(new Case(s, o));
  }

  static {
    breaks("NotSeeking", s -> s.status = "EMPLOYED", o -> {});
    breaks("NotSeeking", s -> s.status = "INACTIVE", o -> {});
    breaks("PostingNotOpen", s -> {}, o -> o.status = "PAUSED");
    breaks("PostingFull", s -> {}, o -> o.remaining = 0);
    breaks("PostingExpired", s -> {}, o -> o.validThrough = TODAY.minusDays(1));
    breaks("AgreementNotValid", s -> {}, o -> o.agreementUntil = TODAY.minusDays(1));
    breaks("AgreementNotValid", s -> {}, o -> o.agreementUntil = null);
    breaks("LicenceMissing", s -> s.licences.add("健康证"), o -> o.licences.add("电工证"));
    breaks("PublicWelfareNotEligible", s -> {}, o -> o.publicWelfare = true);
    breaks(
        "ScheduleNotAcceptable",
        s -> s.schedules.add(Schedule.PART_TIME),
        o -> o.schedule = Schedule.SHIFT);
    breaks("AgeOutOfRange", s -> s.birthYear = 1960, o -> o.maxAge = 60);
    breaks("AgeOutOfRange", s -> s.birthYear = 2008, o -> o.minAge = 20);
    breaks(
        "EducationBelowMinimum",
        s -> s.education = Education.PRIMARY,
        o -> o.minEducation = Education.SENIOR_HIGH);
    breaks(
        "OutsideNotWanted",
        s -> s.willingOutside = false,
        o -> {
          o.community = null;
          o.city = "厦门市";
        });
  }

  @Test
  void everyRuleHasACase() {
    assertEquals(
        new TreeSet<>(HardRules.RULES),
        new TreeSet<>(CASES.keySet()),
        "each hard rule needs a case here, and its fast forms in PostingsForJobseeker,"
            + " JobseekersForPosting and the index conditions of HardRules");
  }

  /** Pairs the rules allow, at their boundaries: every form lets them through. */
  @Test
  void allowedPairsAtTheBoundariesPassEveryForm() {
    List<Case> allowed =
        List.of(
            new Case(s -> {}, o -> {}),
            new Case(s -> {}, o -> o.validThrough = TODAY),
            new Case(s -> {}, o -> o.agreementUntil = TODAY),
            new Case(s -> {}, o -> o.remaining = 1),
            new Case(s -> s.birthYear = TODAY.getYear() - 60, o -> o.maxAge = 60),
            new Case(s -> s.birthYear = TODAY.getYear() - 20, o -> o.minAge = 20),
            new Case(
                s -> s.education = Education.SENIOR_HIGH,
                o -> o.minEducation = Education.SENIOR_HIGH),
            new Case(
                s -> s.categories.add(DifficultyCategory.DISABLED), o -> o.publicWelfare = true),
            new Case(
                s -> s.willingOutside = true,
                o -> {
                  o.community = null;
                  o.city = "厦门市";
                }),
            new Case(s -> s.licences.add("电工证"), o -> o.licences.add("电工证")),
            new Case(s -> s.schedules.clear(), o -> o.schedule = Schedule.SHIFT),
            new Case(
                s -> s.schedules.addAll(List.of(Schedule.PART_TIME, Schedule.SHIFT)),
                o -> o.schedule = Schedule.SHIFT),
            new Case(s -> s.status = "REFERRED", o -> {}));
    for (Case c : allowed) {
      Jobseeker s = c.s();
      Posting o = c.o();
      String pair = s + " / " + o;
      assertEquals(List.of(), HardRules.check(s, o, TODAY), pair);
      assertEquals(List.of(true, true, true, true), passesColumns(s, o), pair);
      assertEquals(1, Board.of(SCORER, List.of(o), List.of(s), TODAY, 1).feasiblePairs(), pair);
      assertTrue(HardRules.postingConditions(s, TODAY).stream().allMatch(f -> f.holds(o)), pair);
      assertTrue(HardRules.jobseekerConditions(o, TODAY).stream().allMatch(f -> f.holds(s)), pair);
    }
  }

  @Test
  void aPairThatBreaksOneRuleGetsPastNoFastForm() {
    for (Map.Entry<String, List<Case>> e : CASES.entrySet()) {
      String rule = e.getKey();
      for (Case c : e.getValue()) {
        Jobseeker s = c.s();
        Posting o = c.o();
        assertEquals(
            List.of(rule),
            HardRules.check(s, o, TODAY).stream().map(Exclusion::rule).toList(),
            "the case breaks " + rule + " alone");
        assertEquals(
            List.of(false, false, false, false),
            passesColumns(s, o),
            rule
                + ": columns (postings for the jobseeker, built and stored; jobseekers for the"
                + " posting, built and stored)");
        assertEquals(
            0,
            Board.of(SCORER, List.of(o), List.of(s), TODAY, 1).feasiblePairs(),
            rule + ": board");
        List<Condition> onPostings = HardRules.postingConditions(rule, s, TODAY);
        assertTrue(
            onPostings.isEmpty() || onPostings.stream().anyMatch(f -> !f.holds(o)),
            rule + ": its filter on postings " + onPostings + " lets the posting through");
        List<Condition> onJobseekers = HardRules.jobseekerConditions(rule, o, TODAY);
        assertTrue(
            onJobseekers.isEmpty() || onJobseekers.stream().anyMatch(f -> !f.holds(s)),
            rule + ": its filter on jobseekers " + onJobseekers + " lets the jobseeker through");
      }
    }
  }

  /** The filters are only ever looser than the rules: a pair the rules allow meets them all. */
  @Test
  void noFilterDropsAPairTheRulesAllow() {
    RandomWorld world = new RandomWorld(41, TODAY).withOddValues(25);
    List<Jobseeker> jobseekers = world.jobseekers(300);
    List<Posting> postings = world.postings(300);
    int allowed = 0;
    int filteredOut = 0;
    for (Jobseeker s : jobseekers) {
      List<Condition> onPostings = HardRules.postingConditions(s, TODAY);
      for (Posting o : postings) {
        boolean meets =
            onPostings.stream().allMatch(f -> f.holds(o))
                && HardRules.jobseekerConditions(o, TODAY).stream().allMatch(f -> f.holds(s));
        if (HardRules.allows(s, o, TODAY)) {
          allowed++;
          assertTrue(meets, "jobseeker " + s.id() + ", posting " + o.id() + " dropped by a filter");
        } else if (!meets) {
          filteredOut++;
        }
      }
    }
    assertTrue(allowed > 1000, "too few allowed pairs to tell: " + allowed);
    assertTrue(filteredOut > 1000, "the filters excluded almost nothing: " + filteredOut);
  }

  /** Whether the pair passes the column checks, each way, on built and on stored columns. */
  private static List<Boolean> passesColumns(Jobseeker s, Posting o) {
    List<Boolean> out = new ArrayList<>();
    for (PostingColumns c :
        List.of(PostingColumns.of(List.of(o)), StoredColumns.postings(List.of(o)))) {
      out.add(new PostingsForJobseeker(SCORER, s, TODAY, c).score(0) != Double.NEGATIVE_INFINITY);
    }
    for (JobseekerColumns c :
        List.of(JobseekerColumns.of(List.of(s)), StoredColumns.jobseekers(List.of(s)))) {
      out.add(
          new JobseekersForPosting(SCORER, o, TODAY, c, null).score(0) != Double.NEGATIVE_INFINITY);
    }
    return out;
  }
}
