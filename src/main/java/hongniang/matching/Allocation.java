package hongniang.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The match board's exact allocation: choose resident–posting pairs that maximise the total weight
 * subject to each posting's remaining headcount and at most {@code k} pairs per resident. It is a
 * min-cost flow (source → posting, capacity the headcount; posting → resident, capacity 1, cost
 * −weight; resident → sink, capacity k; posting → sink, cost 0, for a place left empty), solved by
 * successive shortest paths with Dijkstra on reduced costs, one unit at a time from a posting that
 * still has supply (Ahuja, Magnanti &amp; Orlin, ch. 9).
 *
 * <p>To stay fast on thousands of residents, the flow first runs on each resident's best {@code m}
 * pairs only. The final node potentials are then checked against <em>every</em> pair: when no pair
 * has a negative reduced cost the flow is optimal for the whole problem (linear-programming
 * duality) — the certificate is reported; otherwise {@code m} doubles and it runs again.
 */
public final class Allocation {

  /** Weights at or below zero are never proposed (a place left empty scores zero). */
  public static final int NONE = Integer.MIN_VALUE;

  /**
   * The problem: {@code weight[p][r]} for posting p and resident r in whole units (the board uses
   * hundredths of a point), or {@link #NONE} when the pair is excluded.
   */
  public record Problem(int[][] weight, int[] capacity, int perResident) {
    public Problem {
      if (weight.length != capacity.length) {
        throw new IllegalArgumentException("one capacity per posting");
      }
      if (perResident < 1) {
        throw new IllegalArgumentException("perResident must be at least 1");
      }
    }

    int postings() {
      return weight.length;
    }

    int residents() {
      return weight.length == 0 ? 0 : weight[0].length;
    }
  }

  /** One chosen pair. */
  public record Pair(int posting, int resident, int weight) {}

  /**
   * The solution: the pairs, their total, and how it was proven optimal.
   *
   * @param rounds how many times the flow ran (the candidate set doubles each time)
   * @param certified true when the potentials were checked against every pair
   */
  public record Result(List<Pair> pairs, long total, int rounds, boolean certified) {}

  private Allocation() {}

  /** The optimal allocation, starting from each resident's best {@code m} pairs. */
  public static Result optimal(Problem problem, int m) {
    int rounds = 0;
    int limit = Math.max(1, m);
    while (true) {
      rounds++;
      Flow flow = new Flow(problem, candidates(problem, limit));
      flow.run();
      if (limit >= problem.postings() || flow.certifies()) {
        return new Result(flow.pairs(), flow.total(), rounds, true);
      }
      limit *= 2;
    }
  }

  /** The greedy allocation: best pairs first while places and the per-resident limit allow. */
  public static Result greedy(Problem problem) {
    List<long[]> edges = new ArrayList<>();
    for (int p = 0; p < problem.postings(); p++) {
      for (int r = 0; r < problem.residents(); r++) {
        int w = problem.weight()[p][r];
        if (w != NONE && w > 0) {
          edges.add(new long[] {w, p, r});
        }
      }
    }
    edges.sort(
        Comparator.<long[]>comparingLong(e -> -e[0])
            .thenComparingLong(e -> e[1])
            .thenComparingLong(e -> e[2]));
    int[] left = problem.capacity().clone();
    int[] taken = new int[problem.residents()];
    List<Pair> pairs = new ArrayList<>();
    long total = 0;
    for (long[] e : edges) {
      int p = (int) e[1];
      int r = (int) e[2];
      if (left[p] > 0 && taken[r] < problem.perResident()) {
        left[p]--;
        taken[r]++;
        pairs.add(new Pair(p, r, (int) e[0]));
        total += e[0];
      }
    }
    return new Result(pairs, total, 1, false);
  }

  /** For each posting, the residents for whom it is among their best {@code m} pairs. */
  private static int[][] candidates(Problem problem, int m) {
    int postings = problem.postings();
    int[] counts = new int[postings];
    int[][] best = new int[problem.residents()][];
    int[] ids = new int[m];
    int[] ws = new int[m];
    for (int r = 0; r < problem.residents(); r++) {
      int n = 0;
      for (int p = 0; p < postings; p++) {
        int w = problem.weight()[p][r];
        if (w == NONE || w <= 0 || (n == m && w <= ws[m - 1])) {
          continue;
        }
        // insertion into the short list, best first; equal weights keep the lower posting first
        int i = n < m ? n++ : m - 1;
        while (i > 0 && ws[i - 1] < w) {
          ws[i] = ws[i - 1];
          ids[i] = ids[i - 1];
          i--;
        }
        ws[i] = w;
        ids[i] = p;
      }
      best[r] = Arrays.copyOf(ids, n);
      for (int i = 0; i < n; i++) {
        counts[best[r][i]]++;
      }
    }
    // each posting's own best residents too: when many residents want the same few places, the
    // optimum uses pairs that are not among the residents' own best
    int[][] rows = new int[postings][];
    int[] mark = new int[problem.residents()];
    java.util.Arrays.fill(mark, -1);
    int[][] byResident = invert(best, postings, counts);
    for (int p = 0; p < postings; p++) {
      int keep = Math.min(problem.residents(), 2 * problem.capacity()[p] + 2 * m);
      int[] own = best(problem.weight()[p], keep);
      int[] row = new int[byResident[p].length + own.length];
      int n = 0;
      for (int r : byResident[p]) {
        mark[r] = p;
        row[n++] = r;
      }
      for (int r : own) {
        if (mark[r] != p) {
          mark[r] = p;
          row[n++] = r;
        }
      }
      rows[p] = Arrays.copyOf(row, n);
    }
    return rows;
  }

  /** For each posting, the residents whose short lists hold it. */
  private static int[][] invert(int[][] best, int postings, int[] counts) {
    int[][] out = new int[postings][];
    for (int p = 0; p < postings; p++) {
      out[p] = new int[counts[p]];
    }
    int[] fill = new int[postings];
    for (int r = 0; r < best.length; r++) {
      for (int p : best[r]) {
        out[p][fill[p]++] = r;
      }
    }
    return out;
  }

  /** The indices of the {@code keep} largest positive weights of a row, best first. */
  private static int[] best(int[] row, int keep) {
    int[] ids = new int[Math.max(1, keep)];
    int[] ws = new int[ids.length];
    int n = 0;
    for (int i = 0; i < row.length; i++) {
      int w = row[i];
      if (w == NONE || w <= 0 || (n == keep && w <= ws[keep - 1])) {
        continue;
      }
      int j = n < keep ? n++ : keep - 1;
      while (j > 0 && ws[j - 1] < w) {
        ws[j] = ws[j - 1];
        ids[j] = ids[j - 1];
        j--;
      }
      ws[j] = w;
      ids[j] = i;
    }
    return Arrays.copyOf(ids, n);
  }

  /**
   * The flow on a candidate set. Nodes: postings 0..P-1, residents P..P+R-1, the sink P+R. Reduced
   * cost of an edge u→v: cost + φ(u) − φ(v), kept non-negative on every residual edge.
   */
  private static final class Flow {
    private final Problem problem;
    private final int[][] rows;
    private final int postings;
    private final int residents;
    private final int sink;
    private final long[] phi;
    // assigned[r] lists the postings resident r is paired with (at most k)
    private final int[][] assigned;
    private final int[] assignedCount;
    private final int[] empty; // places of each posting left empty (flow on posting → sink)
    private final long[] dist;
    private final int[] prev; // the node a node was reached from
    private final boolean[] settled;
    private final int[] touched;
    private final Heap heap;

    Flow(Problem problem, int[][] rows) {
      this.problem = problem;
      this.rows = rows;
      this.postings = problem.postings();
      this.residents = problem.residents();
      this.sink = postings + residents;
      int nodes = sink + 1;
      this.phi = new long[nodes];
      long max = 0;
      for (int p = 0; p < postings; p++) {
        for (int r : rows[p]) {
          max = Math.max(max, problem.weight()[p][r]);
        }
      }
      this.heap = new Heap(nodes);
      // −w + φ(p) − φ(r) ≥ 0 with no flow yet
      for (int p = 0; p < postings; p++) {
        phi[p] = max;
      }
      this.assigned = new int[residents][problem.perResident()];
      this.assignedCount = new int[residents];
      this.empty = new int[postings];
      this.dist = new long[nodes];
      this.prev = new int[nodes];
      this.settled = new boolean[nodes];
      this.touched = new int[nodes];
      Arrays.fill(dist, Long.MAX_VALUE);
    }

    private int weight(int p, int r) {
      return problem.weight()[p][r];
    }

    private boolean isAssigned(int p, int r) {
      for (int i = 0; i < assignedCount[r]; i++) {
        if (assigned[r][i] == p) {
          return true;
        }
      }
      return false;
    }

    void run() {
      for (int p = 0; p < postings; p++) {
        for (int unit = 0; unit < problem.capacity()[p]; unit++) {
          augmentFrom(p);
        }
      }
    }

    /** One shortest path from posting {@code source} to the sink, and one unit along it. */
    private void augmentFrom(int source) {
      heap.clear();
      int touchedCount = 0;
      dist[source] = 0;
      prev[source] = -1;
      touched[touchedCount++] = source;
      heap.push(source, 0);
      long toSink = Long.MAX_VALUE;
      while (!heap.isEmpty()) {
        int u = heap.pop();
        if (settled[u]) {
          continue;
        }
        settled[u] = true;
        if (u == sink) {
          toSink = dist[u];
          break;
        }
        long du = dist[u];
        if (u < postings) {
          // posting → resident (unpaired so far), posting → sink
          for (int r : rows[u]) {
            if (!isAssigned(u, r)) {
              touchedCount =
                  relax(
                      heap,
                      u,
                      postings + r,
                      du - weight(u, r) + phi[u] - phi[postings + r],
                      touchedCount);
            }
          }
          touchedCount = relax(heap, u, sink, du + phi[u] - phi[sink], touchedCount);
        } else {
          int r = u - postings;
          if (assignedCount[r] < problem.perResident()) {
            touchedCount = relax(heap, u, sink, du + phi[u] - phi[sink], touchedCount);
          }
          // back along a pair: resident → posting, cost +w
          for (int i = 0; i < assignedCount[r]; i++) {
            int q = assigned[r][i];
            touchedCount = relax(heap, u, q, du + weight(q, r) + phi[u] - phi[q], touchedCount);
          }
        }
      }
      // sink → posting (undo an empty place) is never needed: the search stops at the sink
      for (int i = 0; i < touchedCount; i++) {
        int v = touched[i];
        if (settled[v]) {
          phi[v] += dist[v] - toSink;
        }
      }
      // nodes never settled keep φ: their distance is at least the sink's
      applyPath();
      for (int i = 0; i < touchedCount; i++) {
        int v = touched[i];
        settled[v] = false;
        dist[v] = Long.MAX_VALUE;
      }
    }

    private int relax(Heap heap, int u, int v, long d, int touchedCount) {
      if (!settled[v] && d < dist[v]) {
        if (dist[v] == Long.MAX_VALUE) {
          touched[touchedCount++] = v;
        }
        dist[v] = d;
        prev[v] = u;
        heap.push(v, d);
      }
      return touchedCount;
    }

    private void applyPath() {
      int v = sink;
      while (prev[v] != -1) {
        int u = prev[v];
        if (u < postings && v == sink) {
          empty[u]++;
        } else if (u < postings) {
          int r = v - postings;
          assigned[r][assignedCount[r]++] = u;
        } else if (v < postings) {
          // resident u − P gives up posting v
          int r = u - postings;
          for (int i = 0; i < assignedCount[r]; i++) {
            if (assigned[r][i] == v) {
              assigned[r][i] = assigned[r][--assignedCount[r]];
              break;
            }
          }
        }
        v = u;
      }
    }

    /** True when no pair outside the candidate set has a negative reduced cost. */
    boolean certifies() {
      for (int p = 0; p < postings; p++) {
        int[] row = problem.weight()[p];
        for (int r = 0; r < residents; r++) {
          int w = row[r];
          if (w != NONE && w > 0 && !isAssigned(p, r) && -w + phi[p] - phi[postings + r] < 0) {
            return false;
          }
        }
      }
      return true;
    }

    List<Pair> pairs() {
      List<Pair> out = new ArrayList<>();
      for (int r = 0; r < residents; r++) {
        for (int i = 0; i < assignedCount[r]; i++) {
          int p = assigned[r][i];
          out.add(new Pair(p, r, weight(p, r)));
        }
      }
      out.sort(Comparator.comparingInt(Pair::posting).thenComparingInt(Pair::resident));
      return out;
    }

    long total() {
      long sum = 0;
      for (Pair pair : pairs()) {
        sum += pair.weight();
      }
      return sum;
    }
  }

  /** A binary heap of (node, key) with lazy deletion. */
  private static final class Heap {
    private int[] nodes;
    private long[] keys;
    private int size;

    Heap(int capacity) {
      nodes = new int[Math.max(16, capacity)];
      keys = new long[nodes.length];
    }

    boolean isEmpty() {
      return size == 0;
    }

    void clear() {
      size = 0;
    }

    void push(int node, long key) {
      if (size == nodes.length) {
        nodes = Arrays.copyOf(nodes, size * 2);
        keys = Arrays.copyOf(keys, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (keys[parent] <= key) {
          break;
        }
        nodes[i] = nodes[parent];
        keys[i] = keys[parent];
        i = parent;
      }
      nodes[i] = node;
      keys[i] = key;
    }

    int pop() {
      int top = nodes[0];
      int lastNode = nodes[--size];
      long lastKey = keys[size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && keys[child + 1] < keys[child]) {
          child++;
        }
        if (keys[child] >= lastKey) {
          break;
        }
        nodes[i] = nodes[child];
        keys[i] = keys[child];
        i = child;
      }
      nodes[i] = lastNode;
      keys[i] = lastKey;
      return top;
    }
  }
}
