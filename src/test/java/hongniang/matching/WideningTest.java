package hongniang.matching;

import static hongniang.matching.Pairs.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.DifficultyCategory;
import hongniang.matching.Scorer.Perspective;
import hongniang.matching.Widening.Relation;
import hongniang.matching.Widening.Ring;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
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

  /** A segment: its items' keys in index order and their columns' ranking for the query. */
  private record Segment(List<Set<String>> keys, ColumnRanking ranking) {}

  private static <T> List<Set<String>> keys(List<T> items, Function<T, List<String>> keysOf) {
    return items.stream().map(t -> Set.copyOf(keysOf.apply(t))).toList();
  }

  @Test
  void residentsForAPostingAreTheBruteForceTopK() {
    Paths paths = new Paths();
    for (Scorer scorer :
        List.of(
            new Scorer(Weights.defaults(), "三明市"),
            new Scorer(new Weights(30, 15, 15, 10, 5, 10, 40, 15, 10), "厦门市"))) {
      RandomWorld world = new RandomWorld(21, TODAY).withOddValues(6).withCrowding(30);
      List<Seeker> seekers = world.seekers(3000);
      List<List<Seeker>> segments = segments(seekers, 4, s -> s.updatedOn().toEpochDay());
      List<SeekerColumns> columns = segments.stream().map(SeekerColumns::of).toList();
      List<List<Set<String>>> keys =
          segments.stream().map(items -> keys(items, MatchKeys::of)).toList();
      List<Opening> openings = world.openings(80);
      for (Opening o : openings) {
        for (int k : new int[] {1, 10, 40}) {
          List<Segment> leaves = new ArrayList<>();
          for (int i = 0; i < segments.size(); i++) {
            leaves.add(
                new Segment(
                    keys.get(i), new ResidentsForPosting(scorer, o, TODAY, columns.get(i), null)));
          }
          List<TopK.Entry> pruned =
              pruned(Widening.relations(o), Bound.forPosting(scorer, o), k, leaves, paths);
          List<TopK.Entry> brute =
              brute(
                  seekers,
                  s -> HardRules.allows(s, o, TODAY),
                  s -> scorer.points(s, o, Perspective.FOR_POSTING, TODAY),
                  Seeker::id,
                  k);
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
    List<Opening> openings = world.openings(1500);
    List<List<Opening>> segments = segments(openings, 3, o -> o.createdOn().toEpochDay());
    List<OpeningColumns> columns = segments.stream().map(OpeningColumns::of).toList();
    List<List<Set<String>>> keys =
        segments.stream().map(items -> keys(items, MatchKeys::of)).toList();
    for (Seeker s : world.seekers(120)) {
      for (int k : new int[] {1, 10, 40}) {
        List<Segment> leaves = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
          leaves.add(
              new Segment(keys.get(i), new PostingsForResident(scorer, s, TODAY, columns.get(i))));
        }
        List<TopK.Entry> pruned =
            pruned(Widening.relations(s), Bound.forResident(scorer, s), k, leaves, paths);
        List<TopK.Entry> brute =
            brute(
                openings,
                o -> HardRules.allows(s, o, TODAY),
                o -> scorer.points(s, o, Perspective.FOR_RESIDENT, TODAY),
                Opening::id,
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
    Opening o = Pairs.anOpening().build();
    Random random = new Random(31);
    List<Seeker> seekers = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (long id = 1; id <= 600; id++) {
      ids.add(id);
    }
    Collections.shuffle(ids, random);
    for (long id : ids) {
      Pairs.SeekerBuilder s = Pairs.aSeeker();
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
      seekers.add(s.build());
    }
    Bound bound = Bound.forPosting(scorer, o);
    List<Ring> rings = Widening.rings(Widening.relations(o).keySet(), bound);
    assertEquals(rings.get(0).bound(), rings.get(2).bound(), "three rings share a bound");
    Paths paths = new Paths();
    List<List<Seeker>> segments = segments(seekers, 3, s -> s.updatedOn().toEpochDay());
    for (int k : new int[] {1, 5, 30}) {
      List<Segment> leaves = new ArrayList<>();
      for (List<Seeker> items : segments) {
        leaves.add(
            new Segment(
                keys(items, MatchKeys::of),
                new ResidentsForPosting(scorer, o, TODAY, SeekerColumns.of(items), null)));
      }
      List<TopK.Entry> brute =
          brute(
              seekers,
              s -> HardRules.allows(s, o, TODAY),
              s -> scorer.points(s, o, Perspective.FOR_POSTING, TODAY),
              Seeker::id,
              k);
      assertEquals(rings.get(0).bound(), brute.get(k - 1).score(), "the top ties at the bound");
      assertEquals(brute, pruned(Widening.relations(o), bound, k, leaves, paths), "k " + k);
    }
    assertTrue(paths.segmentsCut > 0 && paths.stoppedEarly > 0, "ties ended the search early");
  }

  @Test
  void theRingsPartitionEveryItemAndTheirBoundsHold() {
    Scorer scorer = new Scorer(Weights.defaults(), "三明市");
    RandomWorld world = new RandomWorld(23, TODAY).withOddValues(10);
    List<Seeker> seekers = world.seekers(800);
    SeekerColumns columns = SeekerColumns.of(seekers);
    for (Opening o : world.openings(60)) {
      Map<Relation, Set<String>> relations = Widening.relations(o);
      List<Ring> rings = Widening.rings(relations.keySet(), Bound.forPosting(scorer, o));
      ResidentsForPosting ranking = new ResidentsForPosting(scorer, o, TODAY, columns, null);
      for (int r = 0; r < seekers.size(); r++) {
        Seeker s = seekers.get(r);
        Set<String> keys = Set.copyOf(MatchKeys.of(s));
        List<Ring> in = rings.stream().filter(ring -> in(ring, relations, keys)).toList();
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

  /** Rings best bound first, each scanned segment by segment from a copy of the top so far. */
  private static List<TopK.Entry> pruned(
      Map<Relation, Set<String>> relations,
      Bound bound,
      int k,
      List<Segment> segments,
      Paths paths) {
    List<Ring> rings = Widening.rings(relations.keySet(), bound);
    Set<Ring> withItems = new HashSet<>();
    Widening.Outcome outcome =
        Widening.rank(
            rings,
            k,
            (ring, top) -> {
              for (Segment segment : segments) {
                TopK local = top.copy();
                RingScan scan = new RingScan(segment.ranking(), ring, bound, local);
                for (int i = 0; i < segment.keys().size(); i++) {
                  if (in(ring, relations, segment.keys().get(i))) {
                    withItems.add(ring);
                    if (!scan.collect(i)) {
                      paths.segmentsCut++;
                      break;
                    }
                  }
                }
                top.addAll(local);
              }
            });
    paths.searches++;
    paths.stoppedEarly += outcome.stoppedEarly() ? 1 : 0;
    paths.scannedEverything += outcome.scanned() == outcome.rings() ? 1 : 0;
    paths.widened += withItems.size() > 1 ? 1 : 0;
    return outcome.top().best();
  }

  /** Has every relation the ring needs and none it excludes, as a term query on keys would say. */
  private static boolean in(Ring ring, Map<Relation, Set<String>> relations, Set<String> keys) {
    for (Relation r : ring.with()) {
      if (relations.get(r).stream().noneMatch(keys::contains)) {
        return false;
      }
    }
    for (Relation r : ring.without()) {
      if (relations.get(r).stream().anyMatch(keys::contains)) {
        return false;
      }
    }
    return true;
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
