package hongniang.matching.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllocationTest {

  private static final int X = Allocation.NONE;

  @Test
  void beatsGreedyWhereGreedyTakesTheBestPairFirst() {
    // greedy pairs posting 0 with resident 0 (10) and then has nobody for posting 1
    Allocation.Problem problem =
        new Allocation.Problem(new int[][] {{10, 9}, {8, X}}, new int[] {1, 1}, 1);
    Allocation.Result greedy = Allocation.greedy(problem);
    Allocation.Result best = Allocation.optimal(problem);
    assertEquals(10, greedy.total());
    assertEquals(17, best.total());
    assertEquals(List.of(new Allocation.Pair(0, 1, 9), new Allocation.Pair(1, 0, 8)), best.pairs());
    assertTrue(best.certified());
  }

  @Test
  void neverProposesAnExcludedPairOrExceedsALimit() {
    Allocation.Problem problem =
        new Allocation.Problem(
            new int[][] {{X, 5, 7, 1}, {9, X, 8, 2}, {4, 4, X, X}}, new int[] {2, 1, 3}, 2);
    Allocation.Result best = Allocation.optimal(problem);
    assertFeasible(problem, best);
    assertEquals(bruteForce(problem), best.total());
  }

  @Test
  void findsAPairThatIsNeitherTheResidentsBestNorAmongThePostingsBest() {
    // residents 0–3 each have a posting of their own (2–5) and are posting 1's four best; resident
    // 4 needs posting 1, which is neither its own best pair (posting 0) nor among posting 1's
    // four best: a flow on short lists of best pairs misses it, so the rows must be read on
    int[][] w = new int[6][6];
    for (int[] row : w) {
      java.util.Arrays.fill(row, X);
    }
    for (int r = 0; r < 4; r++) {
      w[2 + r][r] = 100;
      w[1][r] = 50;
    }
    w[0][4] = 40;
    w[1][4] = 30;
    w[0][5] = 90;
    Allocation.Problem problem = new Allocation.Problem(w, new int[] {1, 1, 1, 1, 1, 1}, 1);
    Allocation.Result best = Allocation.optimal(problem);
    assertEquals(520, best.total());
    assertEquals(bruteForce(problem), best.total());
    assertTrue(best.certified());
  }

  @Test
  void isOptimalOnRandomSmallBoardsCheckedByBruteForce() {
    Random random = new Random(42);
    int greedyWorse = 0;
    for (int trial = 0; trial < 300; trial++) {
      int postings = 1 + random.nextInt(4);
      int residents = 1 + random.nextInt(5);
      int[][] w = new int[postings][residents];
      for (int p = 0; p < postings; p++) {
        for (int r = 0; r < residents; r++) {
          w[p][r] = random.nextInt(4) == 0 ? X : 1 + random.nextInt(100);
        }
      }
      int[] capacity = new int[postings];
      for (int p = 0; p < postings; p++) {
        capacity[p] = 1 + random.nextInt(3);
      }
      Allocation.Problem problem = new Allocation.Problem(w, capacity, 1 + random.nextInt(2));
      Allocation.Result best = Allocation.optimal(problem);
      Allocation.Result greedy = Allocation.greedy(problem);
      long truth = bruteForce(problem);
      assertFeasible(problem, best);
      assertFeasible(problem, greedy);
      assertEquals(truth, best.total(), "trial " + trial);
      assertTrue(greedy.total() <= best.total());
      if (greedy.total() < best.total()) {
        greedyWorse++;
      }
    }
    assertTrue(greedyWorse > 0, "the random boards should include some where greedy loses");
  }

  @Test
  void isOptimalOnSmallBoardsFullOfTiesCheckedByBruteForce() {
    // equal weights leave many optimal allocations and many valid potentials
    Random random = new Random(7);
    for (int trial = 0; trial < 300; trial++) {
      Allocation.Problem problem = randomProblem(random, 1 + random.nextInt(4), 6, 3, 3);
      Allocation.Result best = Allocation.optimal(problem);
      assertFeasible(problem, best);
      assertTrue(best.certified());
      assertEquals(bruteForce(problem), best.total(), "trial " + trial);
    }
  }

  @Test
  void matchesAPlainFlowOnEveryEdgeOnMediumRandomBoards() {
    // too large for brute force; many residents after few places, and many ties
    Random random = new Random(11);
    for (int trial = 0; trial < 60; trial++) {
      Allocation.Problem problem = randomProblem(random, 12, 80, 40, 3);
      Allocation.Result best = Allocation.optimal(problem);
      assertFeasible(problem, best);
      assertTrue(best.certified());
      assertEquals(bellmanFord(problem), best.total(), "trial " + trial);
    }
  }

  @Test
  void greedyTakesTheBestPairLeftInTheOrderOfTheWholeList() {
    Random random = new Random(5);
    for (int trial = 0; trial < 100; trial++) {
      Allocation.Problem problem = randomProblem(random, 10, 50, 20, 2);
      Allocation.Result greedy = Allocation.greedy(problem);
      assertFeasible(problem, greedy);
      assertEquals(greedyBySorting(problem), Set.copyOf(greedy.pairs()), "trial " + trial);
    }
  }

  /**
   * A random board: up to {@code postings} postings with 1–3 places, {@code residents} residents
   * (at least one), weights 1…{@code weights} on three pairs in four, up to {@code perResident}.
   */
  private static Allocation.Problem randomProblem(
      Random random, int postings, int residents, int weights, int perResident) {
    int r = 1 + random.nextInt(residents);
    int[][] w = new int[postings][r];
    int[] capacity = new int[postings];
    for (int p = 0; p < postings; p++) {
      capacity[p] = 1 + random.nextInt(3);
      for (int i = 0; i < r; i++) {
        w[p][i] = random.nextInt(4) == 0 ? X : 1 + random.nextInt(weights);
      }
    }
    return new Allocation.Problem(w, capacity, 1 + random.nextInt(perResident));
  }

  /** Greedy as first written: sort every pair, best first, and take what still fits. */
  private static Set<Allocation.Pair> greedyBySorting(Allocation.Problem problem) {
    List<int[]> edges = new ArrayList<>();
    for (int p = 0; p < problem.postings(); p++) {
      for (int r = 0; r < problem.residents(); r++) {
        int w = problem.weight()[p][r];
        if (w != X && w > 0) {
          edges.add(new int[] {w, p, r});
        }
      }
    }
    edges.sort(
        Comparator.<int[]>comparingInt(e -> -e[0])
            .thenComparingInt(e -> e[1])
            .thenComparingInt(e -> e[2]));
    int[] left = problem.capacity().clone();
    int[] taken = new int[problem.residents()];
    Set<Allocation.Pair> out = new HashSet<>();
    for (int[] e : edges) {
      if (left[e[1]] > 0 && taken[e[2]] < problem.perResident()) {
        left[e[1]]--;
        taken[e[2]]++;
        out.add(new Allocation.Pair(e[1], e[2], e[0]));
      }
    }
    return out;
  }

  private static void assertFeasible(Allocation.Problem problem, Allocation.Result result) {
    int[] perPosting = new int[problem.postings()];
    int[] perResident = new int[problem.residents()];
    long total = 0;
    for (Allocation.Pair pair : result.pairs()) {
      int w = problem.weight()[pair.posting()][pair.resident()];
      assertTrue(w != X && w > 0, "an excluded pair was proposed: " + pair);
      assertEquals(w, pair.weight());
      perPosting[pair.posting()]++;
      perResident[pair.resident()]++;
      total += w;
    }
    for (int p = 0; p < perPosting.length; p++) {
      assertTrue(perPosting[p] <= problem.capacity()[p], "posting " + p + " over its places");
    }
    for (int count : perResident) {
      assertTrue(count <= problem.perResident(), "a resident over the limit");
    }
    assertEquals(total, result.total());
  }

  /**
   * The best total by the plainest min-cost flow: source → posting (its places) → resident (one,
   * cost −weight) → sink (the limit), every edge in a list, augmenting along a cheapest path found
   * by Bellman–Ford while that path still gains.
   */
  private static long bellmanFord(Allocation.Problem problem) {
    int postings = problem.postings();
    int residents = problem.residents();
    int source = postings + residents;
    int sink = source + 1;
    List<int[]> edges = new ArrayList<>(); // from, to, capacity, cost; its reverse follows it
    for (int p = 0; p < postings; p++) {
      addEdge(edges, source, p, problem.capacity()[p], 0);
      for (int r = 0; r < residents; r++) {
        int w = problem.weight()[p][r];
        if (w != X && w > 0) {
          addEdge(edges, p, postings + r, 1, -w);
        }
      }
    }
    for (int r = 0; r < residents; r++) {
      addEdge(edges, postings + r, sink, problem.perResident(), 0);
    }
    long total = 0;
    while (true) {
      long[] dist = new long[sink + 1];
      int[] via = new int[sink + 1];
      java.util.Arrays.fill(dist, Long.MAX_VALUE);
      dist[source] = 0;
      for (boolean changed = true; changed; ) {
        changed = false;
        for (int e = 0; e < edges.size(); e++) {
          int[] edge = edges.get(e);
          if (edge[2] > 0 && dist[edge[0]] != Long.MAX_VALUE) {
            long d = dist[edge[0]] + edge[3];
            if (d < dist[edge[1]]) {
              dist[edge[1]] = d;
              via[edge[1]] = e;
              changed = true;
            }
          }
        }
      }
      if (dist[sink] >= 0) {
        return total;
      }
      for (int v = sink; v != source; v = edges.get(via[v])[0]) {
        edges.get(via[v])[2]--;
        edges.get(via[v] ^ 1)[2]++;
      }
      total -= dist[sink];
    }
  }

  private static void addEdge(List<int[]> edges, int from, int to, int capacity, int cost) {
    edges.add(new int[] {from, to, capacity, cost});
    edges.add(new int[] {to, from, 0, -cost});
  }

  /** The best total by trying every subset of pairs that respects the limits. */
  private static long bruteForce(Allocation.Problem problem) {
    List<int[]> edges = new ArrayList<>();
    for (int p = 0; p < problem.postings(); p++) {
      for (int r = 0; r < problem.residents(); r++) {
        int w = problem.weight()[p][r];
        if (w != X && w > 0) {
          edges.add(new int[] {p, r, w});
        }
      }
    }
    return search(problem, edges, 0, problem.capacity().clone(), new int[problem.residents()], 0);
  }

  private static long search(
      Allocation.Problem problem, List<int[]> edges, int i, int[] left, int[] taken, long sum) {
    if (i == edges.size()) {
      return sum;
    }
    long best = search(problem, edges, i + 1, left, taken, sum);
    int[] e = edges.get(i);
    if (left[e[0]] > 0 && taken[e[1]] < problem.perResident()) {
      left[e[0]]--;
      taken[e[1]]++;
      best = Math.max(best, search(problem, edges, i + 1, left, taken, sum + e[2]));
      left[e[0]]++;
      taken[e[1]]--;
    }
    return best;
  }
}
