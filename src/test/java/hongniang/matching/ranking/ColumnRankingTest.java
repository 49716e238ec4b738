package hongniang.matching.ranking;

import static hongniang.matching.Pairs.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.matching.HardRules;
import hongniang.matching.Jobseeker;
import hongniang.matching.Posting;
import hongniang.matching.RandomWorld;
import hongniang.matching.Scorer;
import hongniang.matching.Scorer.Perspective;
import hongniang.matching.Skill;
import hongniang.matching.Weights;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The column rankings against the records' own rules and scorer: for every pair, the same verdict
 * as {@link HardRules#allows} and the very same double as {@link Scorer#points}, from both sides,
 * on columns built from records and on columns built as the search index builds them.
 */
class ColumnRankingTest {

  private static final Weights ODD = new Weights(17.5, 3.3, 21, 0.7, 9.1, 13.9, 2.2, 11.7, 4.4);

  /** Kinds of pairs a comparison must meet, or it proves little. */
  private static final class Seen {
    int pairs;
    int allowed;
    final int[] tiers = new int[Scorer.TIERS];
    int noWage;
    int zeroWage;
    int anyHours;
    int unknownWork;
    int welfareAllowed;
    int outsideAllowed;
    int longUnemployed;
    int homeCity;
    int licensedAllowed;

    void count(Scorer scorer, Jobseeker s, Posting o, LocalDate today, boolean allows) {
      pairs++;
      tiers[Scorer.occupationTier(s, o)]++;
      noWage += s.minWage() == null ? 1 : 0;
      zeroWage += s.minWage() != null && s.minWage() == 0 ? 1 : 0;
      anyHours += s.schedules().isEmpty() ? 1 : 0;
      unknownWork += o.work() == null ? 1 : 0;
      longUnemployed +=
          s.unemployedSince() != null && !s.unemployedSince().isAfter(today.minusYears(1)) ? 1 : 0;
      homeCity += o.communityId() == null && scorer.inHomeCity(o) ? 1 : 0;
      if (allows) {
        allowed++;
        welfareAllowed += o.publicWelfare() ? 1 : 0;
        outsideAllowed += o.communityId() == null ? 1 : 0;
        licensedAllowed += o.requiredLicences().isEmpty() ? 0 : 1;
      }
    }

    void assertVaried() {
      assertTrue(allowed > pairs / 20 && allowed < pairs - pairs / 20, "allowed " + allowed);
      for (int n : tiers) {
        assertTrue(n > 0, "every occupation tier occurs");
      }
      for (int n :
          new int[] {
            noWage,
            zeroWage,
            anyHours,
            unknownWork,
            welfareAllowed,
            outsideAllowed,
            longUnemployed,
            homeCity,
            licensedAllowed
          }) {
        assertTrue(n > 0, "a kind of pair never occurred");
      }
    }
  }

  @Test
  void agreesWithTheRulesAndTheScorerOnEveryPairOfRandomWorlds() {
    for (Scorer scorer : List.of(new Scorer(Weights.defaults(), "三明市"), new Scorer(ODD, "厦门市"))) {
      // a leap day: a year back from it is the 28th of February
      for (LocalDate today : List.of(TODAY, LocalDate.of(2028, 2, 29))) {
        for (long seed = 1; seed <= 3; seed++) {
          RandomWorld world = new RandomWorld(seed, today).withOddValues(10);
          Seen seen = new Seen();
          List<Posting> postings = world.postings(80);
          List<Jobseeker> jobseekers = world.jobseekers(300);
          assertAgrees(scorer, postings, jobseekers, today, seen);
          seen.assertVaried();
          // stored newest first, as the index keeps them: freshness is read from its steps
          List<Posting> newest = new ArrayList<>(postings);
          newest.sort(java.util.Comparator.comparing(Posting::createdOn).reversed());
          List<Jobseeker> updated = new ArrayList<>(jobseekers);
          updated.sort(java.util.Comparator.comparing(Jobseeker::updatedOn).reversed());
          assertTrue(PostingColumns.of(newest).newestFirst, "postings newest first");
          assertTrue(JobseekerColumns.of(updated).newestFirst, "profiles newest first");
          assertAgrees(scorer, newest, updated, today, new Seen());
        }
      }
    }
  }

  @Test
  void agreesWhenTheVocabulariesOutgrowOneWordOfBits() {
    // 150 skills and 90 licences, and residents with many of each
    RandomWorld world = new RandomWorld(7, TODAY).withOddValues(5);
    Random random = new Random(7);
    List<Posting> postings = new ArrayList<>();
    for (Posting o : world.postings(60)) {
      List<Skill> skills = new ArrayList<>();
      for (int j = 0; j < 1 + random.nextInt(5); j++) {
        skills.add(new Skill("技能" + random.nextInt(150), "技能" + random.nextInt(150)));
      }
      Set<String> licences =
          random.nextBoolean() ? Set.of("证" + random.nextInt(90)) : o.requiredLicences();
      postings.add(withSkillsAndLicences(o, skills, licences));
    }
    List<Jobseeker> jobseekers = new ArrayList<>();
    for (Jobseeker s : world.jobseekers(250)) {
      List<Skill> skills = new ArrayList<>();
      for (int j = 0; j < random.nextInt(40); j++) {
        String key = "技能" + random.nextInt(150);
        skills.add(new Skill(key, key));
      }
      Set<String> licences = new java.util.HashSet<>(s.licences());
      for (int j = 0; j < random.nextInt(60); j++) {
        licences.add("证" + random.nextInt(90));
      }
      jobseekers.add(withSkillsAndLicences(s, skills, Set.copyOf(licences)));
    }
    Seen seen = new Seen();
    assertAgrees(new Scorer(Weights.defaults(), "三明市"), postings, jobseekers, TODAY, seen);
    assertTrue(seen.licensedAllowed > 0 && seen.allowed > 0, "licensed pairs pass too");
  }

  /** Every pair, both sides, both ways of building columns. */
  private static void assertAgrees(
      Scorer scorer,
      List<Posting> postings,
      List<Jobseeker> jobseekers,
      LocalDate today,
      Seen seen) {
    List<JobseekerColumns> residentColumns =
        List.of(JobseekerColumns.of(jobseekers), StoredColumns.jobseekers(jobseekers));
    List<PostingColumns> postingColumns =
        List.of(PostingColumns.of(postings), StoredColumns.postings(postings));
    for (int p = 0; p < postings.size(); p++) {
      Posting o = postings.get(p);
      List<JobseekersForPosting> forPosting = new ArrayList<>();
      residentColumns.forEach(
          c -> forPosting.add(new JobseekersForPosting(scorer, o, today, c, null)));
      for (int r = 0; r < jobseekers.size(); r++) {
        Jobseeker s = jobseekers.get(r);
        String pair = "posting " + o.id() + ", resident " + s.id();
        boolean allows = HardRules.allows(s, o, today);
        double points = scorer.points(s, o, Perspective.FOR_POSTING, today);
        for (JobseekersForPosting ranking : forPosting) {
          assertEquals(allows, ranking.allows(r), pair);
          assertEquals(points, ranking.points(r), pair);
          assertEquals(allows ? points : Double.NEGATIVE_INFINITY, ranking.score(r), pair);
          assertUpperBounds(ranking, r, s, o, points, pair);
        }
        seen.count(scorer, s, o, today, allows);
      }
    }
    for (int r = 0; r < jobseekers.size(); r++) {
      Jobseeker s = jobseekers.get(r);
      for (PostingColumns c : postingColumns) {
        PostingsForJobseeker ranking = new PostingsForJobseeker(scorer, s, today, c);
        for (int p = 0; p < postings.size(); p++) {
          Posting o = postings.get(p);
          String pair = "resident " + s.id() + ", posting " + o.id();
          boolean allows = HardRules.allows(s, o, today);
          double points = scorer.points(s, o, Perspective.FOR_RESIDENT, today);
          assertEquals(allows, ranking.allows(p), pair);
          assertEquals(points, ranking.points(p), pair);
          assertEquals(allows ? points : Double.NEGATIVE_INFINITY, ranking.score(p), pair);
          assertUpperBounds(ranking, p, s, o, points, pair);
        }
      }
    }
  }

  /** An item's upper bound with caps at or above its tier and experience is at least its score. */
  private static void assertUpperBounds(
      ColumnRanking ranking, int i, Jobseeker s, Posting o, double points, String pair) {
    int tier = Scorer.occupationTier(s, o);
    double experience = Scorer.experience(s, o);
    assertTrue(ranking.upper(i, tier, experience) >= points, pair);
    assertTrue(ranking.upper(i, 3, 1.0) >= points, pair);
    assertTrue(ranking.upper(i, Math.min(3, tier + 1), experience) >= points, pair);
  }

  @Test
  void aCommunityLimitLeavesOutOtherCommunitiesOnly() {
    Scorer scorer = new Scorer(Weights.defaults(), "三明市");
    RandomWorld world = new RandomWorld(9, TODAY);
    List<Jobseeker> jobseekers = world.jobseekers(300);
    JobseekerColumns columns = JobseekerColumns.of(jobseekers);
    for (Posting o : world.postings(20)) {
      JobseekersForPosting all = new JobseekersForPosting(scorer, o, TODAY, columns, null);
      JobseekersForPosting three = new JobseekersForPosting(scorer, o, TODAY, columns, 3L);
      for (int r = 0; r < jobseekers.size(); r++) {
        boolean expected = all.allows(r) && jobseekers.get(r).communityId() == 3;
        assertEquals(expected, three.allows(r));
      }
    }
  }

  static Posting withSkillsAndLicences(Posting o, List<Skill> skills, Set<String> licences) {
    return new Posting(
        o.id(),
        o.unitId(),
        o.title(),
        o.work(),
        List.copyOf(skills),
        Skill.keys(skills),
        o.wageMin(),
        o.wageMax(),
        o.schedule(),
        o.communityId(),
        o.city(),
        o.minAge(),
        o.maxAge(),
        o.minEducation(),
        licences,
        o.publicWelfare(),
        o.status(),
        o.remaining(),
        o.validThrough(),
        o.agreementValidUntil(),
        o.createdOn());
  }

  static Jobseeker withSkillsAndLicences(Jobseeker s, List<Skill> skills, Set<String> licences) {
    return new Jobseeker(
        s.id(),
        s.name(),
        s.birthYear(),
        s.communityId(),
        s.education(),
        s.desired(),
        List.copyOf(skills),
        Skill.keys(skills),
        s.pastWork(),
        s.minWage(),
        s.schedules(),
        s.willingOutside(),
        licences,
        s.categories(),
        s.unemployedSince(),
        s.status(),
        s.updatedOn());
  }
}
