package hongniang.matching.allocation;

import static hongniang.matching.Pairs.TODAY;
import static hongniang.matching.Pairs.aJobseeker;
import static hongniang.matching.Pairs.aPosting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.matching.HardRules;
import hongniang.matching.Jobseeker;
import hongniang.matching.Pairs;
import hongniang.matching.Posting;
import hongniang.matching.RandomWorld;
import hongniang.matching.Scorer;
import hongniang.matching.Scorer.Perspective;
import hongniang.matching.Weights;
import hongniang.matching.Work;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoardScoresTest {

  @Test
  void agreesWithTheHardRulesAndTheScorerOnEveryPairOfRandomBoards() {
    Weights odd = new Weights(17.5, 3.3, 21, 0.7, 9.1, 13.9, 2.2, 11.7, 4.4);
    for (Scorer scorer : List.of(new Scorer(Weights.defaults(), "三明市"), new Scorer(odd, "厦门市"))) {
      for (long seed = 1; seed <= 3; seed++) {
        RandomWorld world = new RandomWorld(seed, TODAY).withOddValues(8);
        assertAgrees(scorer, world.postings(60), world.jobseekers(400));
      }
    }
  }

  @Test
  void agreesWhenTheLicencesAndSkillsOutgrowOneWordOfBits() {
    // 150 skills and 70 licences: the bit sets span several longs each
    Random random = new Random(3);
    List<Work> works =
        List.of(
            Pairs.CLEANER, Pairs.TOILET_ATTENDANT, Pairs.GARDENER, Pairs.GUARD, Pairs.ELECTRICIAN);
    List<Posting> postings = new ArrayList<>();
    List<Jobseeker> jobseekers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      var o = aPosting();
      o.id = i;
      o.work = works.get(random.nextInt(works.size()));
      o.skills.clear();
      for (int j = 0; j < 1 + random.nextInt(4); j++) {
        o.skills.add(Pairs.skill("技能" + random.nextInt(150)));
      }
      if (random.nextBoolean()) {
        o.licences.add("证" + random.nextInt(70));
      }
      postings.add(o.build());
    }
    for (int i = 0; i < 200; i++) {
      var s = aJobseeker();
      s.id = i;
      s.desired.clear();
      if (random.nextInt(5) > 0) {
        s.desired.add(works.get(random.nextInt(works.size())));
      }
      s.pastWork.add(works.get(random.nextInt(works.size())));
      s.skills.clear();
      for (int j = 0; j < random.nextInt(30); j++) {
        s.skills.add(Pairs.skill("技能" + random.nextInt(150)));
      }
      for (int j = 0; j < random.nextInt(30); j++) {
        s.licences.add("证" + random.nextInt(70));
      }
      jobseekers.add(s.build());
    }
    assertAgrees(new Scorer(Weights.defaults(), "三明市"), postings, jobseekers);
  }

  @Test
  void theBoardHoldsEveryAllowedPairWithAPositiveScoreInHundredths() {
    Scorer scorer = new Scorer(Weights.defaults(), "三明市");
    RandomWorld world = new RandomWorld(11, TODAY).withOddValues(5);
    List<Posting> postings = world.postings(30);
    List<Jobseeker> jobseekers = world.jobseekers(200);
    BoardScores.Scored board = new BoardScores(scorer, postings, jobseekers, TODAY).board(2);
    Allocation.Rows rows = board.rows();
    long feasible = 0;
    for (int p = 0; p < postings.size(); p++) {
      Map<Integer, Integer> expected = new HashMap<>();
      for (int r = 0; r < jobseekers.size(); r++) {
        if (HardRules.allows(jobseekers.get(r), postings.get(p), TODAY)) {
          feasible++;
          int w =
              (int)
                  Math.round(
                      scorer.points(
                              jobseekers.get(r), postings.get(p), Perspective.FOR_POSTING, TODAY)
                          * 100);
          if (w > 0) {
            expected.put(r, w);
          }
        }
      }
      Map<Integer, Integer> actual = new HashMap<>();
      for (int i = rows.start()[p]; i < rows.start()[p + 1]; i++) {
        actual.put(rows.resident()[i], rows.weight()[i]);
        if (i > rows.start()[p]) {
          assertTrue(
              rows.weight()[i - 1] > rows.weight()[i]
                  || (rows.weight()[i - 1] == rows.weight()[i]
                      && rows.resident()[i - 1] < rows.resident()[i]),
              "a row is best first");
        }
      }
      assertEquals(expected, actual, "posting " + p);
      assertEquals(Math.max(0, postings.get(p).remaining()), rows.capacity()[p]);
    }
    assertEquals(feasible, board.feasiblePairs());
    assertEquals(2, rows.perResident());
  }

  /** Every pair: the same verdict as the hard rules and the very same double as the scorer. */
  private static void assertAgrees(
      Scorer scorer, List<Posting> postings, List<Jobseeker> jobseekers) {
    BoardScores fast = new BoardScores(scorer, postings, jobseekers, TODAY);
    int allowed = 0;
    int[] tiers = new int[Scorer.TIERS];
    for (int p = 0; p < postings.size(); p++) {
      for (int r = 0; r < jobseekers.size(); r++) {
        Jobseeker s = jobseekers.get(r);
        Posting o = postings.get(p);
        String pair = "posting " + o.id() + ", resident " + s.id();
        boolean allows = HardRules.allows(s, o, TODAY);
        assertEquals(allows, fast.allows(p, r), pair);
        assertEquals(scorer.points(s, o, Perspective.FOR_POSTING, TODAY), fast.points(p, r), pair);
        allowed += allows ? 1 : 0;
        tiers[Scorer.occupationTier(s, o)]++;
      }
    }
    // a comparison that never meets both verdicts or every tier proves little
    int pairs = postings.size() * jobseekers.size();
    assertTrue(allowed > pairs / 20 && allowed < pairs - pairs / 20, "allowed " + allowed);
    for (int n : tiers) {
      assertTrue(n > 0, "every occupation tier occurs");
    }
  }
}
