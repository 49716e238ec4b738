package hongniang.matching.ranking;

import static hongniang.matching.Pairs.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.DifficultyCategory;
import hongniang.matching.Condition;
import hongniang.matching.HardRules;
import hongniang.matching.Jobseeker;
import hongniang.matching.MatchKeys;
import hongniang.matching.Pairs;
import hongniang.matching.Posting;
import hongniang.matching.RandomWorld;
import hongniang.matching.Scorer;
import hongniang.matching.Scorer.Perspective;
import hongniang.matching.Weights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The pruned top k against brute force (every item checked against the hard rules and scored, ties
 * by lower id), on random worlds split into segments as the index splits them: the same ids in the
 * same order with the same scores, whether the bound stops the search early or it must widen.
 */
class WideningTest {

  /** What happened over many searches: each path must have been taken. */
  private static final class Paths {
    int searches;
    int stoppedEarly;
    int scannedEverything;
    int widened;
    int segmentsCut;

    void assertAllTaken() {
      assertTrue(stoppedEarly > 0, "the bound never ended a search early");
      assertTrue(scannedEverything > 0, "no search had to scan every ring");
      assertTrue(widened > 0, "no search widened past its first ring with items");
      assertTrue(segmentsCut > 0, "freshness never cut a segment short");
      assertTrue(stoppedEarly < searches, "every search stopped early");
    }
  }

  /** A segment: its items in index order, their keys, and their columns. */
  private record Segment<T, C extends Columns>(List<T> items, List<Set<String>> keys, C columns) {
    static <C extends Columns> Segment<Jobseeker, C> ofJobseekers(List<Jobseeker> items, C c) {
      return new Segment<>(items, items.stream().map(j -> Set.copyOf(MatchKeys.of(j))).toList(), c);
    }

    static <C extends Columns> Segment<Posting, C> ofPostings(List<Posting> items, C c) {
      return new Segment<>(items, items.stream().map(p -> Set.copyOf(MatchKeys.of(p))).toList(), c);
    }
  }

  private static final BiPredicate<Condition, Jobseeker> JOBSEEKER_HOLDS = Condition::holds;
  private static final BiPredicate<Condition, Posting> POSTING_HOLDS = Condition::holds;

  @Test
  void residentsForAPostingAreTheBruteForceTopK() {
    Paths paths = new Paths();
    for (Scorer scorer :
        List.of(
            new Scorer(Weights.defaults(), "三明市"),
            new Scorer(new Weights(30, 15, 15, 10, 5, 10, 40, 15, 10), "厦门市"))) {
      RandomWorld world = new RandomWorld(21, TODAY).withOddValues(6).withCrowding(30);
      List<Jobseeker> jobseekers = world.jobseekers(3000);
      List<Segment<Jobseeker, JobseekerColumns>> segments = jobseekerSegments(jobseekers, 4);
      List<Posting> postings = world.postings(80);
      for (Posting o : postings) {
        for (int k : new int[] {1, 10, 40}) {
          List<TopK.Entry> pruned =
              pruned(
                  ExactTop.jobseekersFor(o, scorer, null, TODAY),
                  k,
                  segments,
                  JOBSEEKER_HOLDS,
                  paths);
          List<TopK.Entry> brute = bruteForPosting(jobseekers, scorer, o, k);
          assertEquals(brute, pruned, "posting " + o.id() + ", k " + k);
        }
      }
    }
    paths.assertAllTaken();
  }

  @Test
  void postingsForAResidentAreTheBruteForceTopK() {
    Paths paths = new Paths();
    Scorer scorer = new Scorer(Weights.defaults(), "三明市");
    RandomWorld world = new RandomWorld(22, TODAY).withOddValues(6);
    List<Posting> postings = world.postings(1500);
    List<Segment<Posting, PostingColumns>> segments =
        segments(postings, 3, o -> o.createdOn().toEpochDay()).stream()
            .map(items -> Segment.ofPostings(items, PostingColumns.of(items)))
            .toList();
    for (Jobseeker s : world.jobseekers(120)) {
      for (int k : new int[] {1, 10, 40}) {
        List<TopK.Entry> pruned =
            pruned(ExactTop.postingsFor(s, scorer, TODAY), k, segments, POSTING_HOLDS, paths);
        List<TopK.Entry> brute =
            brute(
                postings,
                o -> HardRules.allows(s, o, TODAY),
                o -> scorer.points(s, o, Perspective.FOR_RESIDENT, TODAY),
                Posting::id,
                k);
        assertEquals(brute, pruned, "resident " + s.id() + ", k " + k);
      }
    }
    paths.assertAllTaken();
  }

  @Test
  void aScoreEqualToTheBoundGoesToTheLowerIdWhereverItIs() {
    // experience weighs nothing: the first three rings share one bound, and every perfect
    // resident reaches it, in whichever ring their history puts them
    Scorer scorer = new Scorer(new Weights(30, 15, 15, 10, 5, 0, 5, 15, 10), "三明市");
    Posting o = Pairs.aPosting().build();
    Random random = new Random(31);
    List<Jobseeker> jobseekers = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (long id = 1; id <= 600; id++) {
      ids.add(id);
    }
    Collections.shuffle(ids, random);
    for (long id : ids) {
      Pairs.JobseekerBuilder s = Pairs.aJobseeker();
      s.id = id;
      s.desired = new ArrayList<>(List.of(Pairs.CLEANER));
      s.skills = new ArrayList<>(o.skills());
      s.minWage = 0;
      s.schedules = new ArrayList<>(List.of(o.schedule()));
      s.categories.addAll(
          List.of(
              DifficultyCategory.AGE_4050,
              DifficultyCategory.LOW_INCOME,
              DifficultyCategory.DISABLED));
      s.unemployedSince = TODAY.minusYears(2);
      s.updatedOn = TODAY.minusDays(1);
      switch (random.nextInt(3)) {
        case 0 -> s.pastWork.add(Pairs.CLEANER); // has done it
        case 1 -> s.pastWork.add(Pairs.TOILET_ATTENDANT); // work of its group
        default -> {} // no history
      }
      if (random.nextInt(4) == 0) {
        s.community = 2; // a little short of perfect
      }
      jobseekers.add(s.build());
    }
    Bound bound = Bound.forPosting(scorer, o);
    List<Ring> rings = Widening.rings(MatchKeys.relations(o), bound);
    assertEquals(rings.get(0).bound(), rings.get(2).bound(), "three rings share a bound");
    Paths paths = new Paths();
    List<Segment<Jobseeker, JobseekerColumns>> segments = jobseekerSegments(jobseekers, 3);
    for (int k : new int[] {1, 5, 30}) {
      List<TopK.Entry> brute = bruteForPosting(jobseekers, scorer, o, k);
      assertEquals(rings.get(0).bound(), brute.get(k - 1).score(), "the top ties at the bound");
      assertEquals(
          brute,
          pruned(
              ExactTop.jobseekersFor(o, scorer, null, TODAY), k, segments, JOBSEEKER_HOLDS, paths),
          "k " + k);
    }
    assertTrue(paths.segmentsCut > 0 && paths.stoppedEarly > 0, "ties ended the search early");
  }

  @Test
  void theRingsPartitionEveryItemAndTheirBoundsHold() {
    Scorer scorer = new Scorer(Weights.defaults(), "三明市");
    RandomWorld world = new RandomWorld(23, TODAY).withOddValues(10);
    List<Jobseeker> jobseekers = world.jobseekers(800);
    JobseekerColumns columns = JobseekerColumns.of(jobseekers);
    for (Posting o : world.postings(60)) {
      List<Ring> rings = Widening.rings(MatchKeys.relations(o), Bound.forPosting(scorer, o));
      JobseekersForPosting ranking = new JobseekersForPosting(scorer, o, TODAY, columns, null);
      for (int r = 0; r < jobseekers.size(); r++) {
        Jobseeker s = jobseekers.get(r);
        Set<String> keys = Set.copyOf(MatchKeys.of(s));
        List<Ring> in =
            rings.stream().filter(ring -> in(ring, List.of(), s, keys, JOBSEEKER_HOLDS)).toList();
        assertEquals(1, in.size(), "resident " + s.id() + " is in exactly one ring");
        Ring ring = in.get(0);
        assertTrue(Scorer.occupationTier(s, o) <= ring.tier());
        assertTrue(Scorer.experience(s, o) <= ring.experience());
        assertTrue(scorer.points(s, o, Perspective.FOR_POSTING, TODAY) <= ring.bound());
        assertTrue(
            scorer.points(s, o, Perspective.FOR_POSTING, TODAY)
                <= Bound.forPosting(scorer, o)
                    .at(ring.tier(), ring.experience(), ranking.freshness(r)));
      }
    }
  }

  /**
   * The plan run as the index runs it: its rings best bound first, each scanned segment by segment
   * from a copy of the top so far, over the items that meet the ring's conditions and the filters.
   */
  private static <T, C extends Columns> List<TopK.Entry> pruned(
      ExactTop<C> plan,
      int k,
      List<Segment<T, C>> segments,
      BiPredicate<Condition, T> holds,
      Paths paths) {
    TopK top = new TopK(k);
    Set<Ring> withItems = new HashSet<>();
    int scanned = 0;
    for (Ring ring : plan.rings(top)) {
      scanned++;
      for (Segment<T, C> segment : segments) {
        TopK local = top.copy();
        RingScan scan = plan.scan(segment.columns(), ring, local);
        for (int i = 0; i < segment.items().size(); i++) {
          if (in(ring, plan.filters(), segment.items().get(i), segment.keys().get(i), holds)) {
            withItems.add(ring);
            if (!scan.collect(i)) {
              paths.segmentsCut++;
              break;
            }
          }
        }
        top.addAll(local);
      }
    }
    paths.searches++;
    paths.stoppedEarly += scanned < plan.ringCount() ? 1 : 0;
    paths.scannedEverything += scanned == plan.ringCount() ? 1 : 0;
    paths.widened += withItems.size() > 1 ? 1 : 0;
    return top.best();
  }

  /**
   * Meets every condition of the ring and the filters, and none the ring excludes, as the index
   * says; the item's keys are worked out once.
   */
  private static <T> boolean in(
      Ring ring,
      List<Condition> filters,
      T item,
      Set<String> keys,
      BiPredicate<Condition, T> holds) {
    BiPredicate<Condition, T> meets =
        (c, x) ->
            c instanceof Condition.AnyOf any && any.attribute() == Condition.Attribute.KEY
                ? any.values().stream().anyMatch(keys::contains)
                : holds.test(c, x);
    return ring.with().stream().allMatch(c -> meets.test(c, item))
        && filters.stream().allMatch(c -> meets.test(c, item))
        && ring.without().stream().noneMatch(c -> meets.test(c, item));
  }

  /** Jobseekers dealt into {@code count} segments as the index stores them. */
  private static List<Segment<Jobseeker, JobseekerColumns>> jobseekerSegments(
      List<Jobseeker> jobseekers, int count) {
    return segments(jobseekers, count, s -> s.updatedOn().toEpochDay()).stream()
        .map(items -> Segment.ofJobseekers(items, JobseekerColumns.of(items)))
        .toList();
  }

  /** The posting's top k jobseekers by brute force. */
  private static List<TopK.Entry> bruteForPosting(
      List<Jobseeker> jobseekers, Scorer scorer, Posting o, int k) {
    return brute(
        jobseekers,
        s -> HardRules.allows(s, o, TODAY),
        s -> scorer.points(s, o, Perspective.FOR_POSTING, TODAY),
        Jobseeker::id,
        k);
  }

  private static <T> List<TopK.Entry> brute(
      List<T> items,
      java.util.function.Predicate<T> allows,
      ToDoubleFunction<T> points,
      java.util.function.ToLongFunction<T> id,
      int k) {
    return items.stream()
        .filter(allows)
        .map(t -> new TopK.Entry(id.applyAsLong(t), points.applyAsDouble(t)))
        .sorted(
            Comparator.comparingDouble((TopK.Entry e) -> -e.score())
                .thenComparingLong(TopK.Entry::id))
        .limit(k)
        .toList();
  }

  /**
   * Items dealt into segments in no order of id, each sorted newest first as the index sorts them,
   * except the last: a segment need not be sorted for the search to be right.
   */
  private static <T> List<List<T>> segments(
      List<T> items, int count, java.util.function.ToLongFunction<T> day) {
    List<T> shuffled = new ArrayList<>(items);
    Collections.shuffle(shuffled, new Random(count));
    List<List<T>> out = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      out.add(new ArrayList<>());
    }
    for (int i = 0; i < shuffled.size(); i++) {
      out.get(i % count).add(shuffled.get(i));
    }
    for (int s = 0; s < count - 1; s++) {
      out.get(s).sort(Comparator.comparingLong(day).reversed());
    }
    return out;
  }
}
