package hongniang.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The match board's exact allocation: choose resident–posting pairs that maximise the total weight
 * subject to each posting's remaining headcount and at most {@code k} pairs per resident. It is a
 * min-cost flow (posting → resident, capacity 1, cost −weight; resident → sink, capacity k; posting
 * → sink, cost 0, for a place left empty; each posting supplies its headcount), solved by
 * successive shortest paths with Dijkstra on reduced costs, one unit at a time from a posting that
 * still has supply (Ahuja, Magnanti &amp; Orlin, ch. 9).
 *
 * <p>To stay fast on millions of pairs, the flow first runs on a candidate set only: each
 * resident's best {@code m} pairs and each posting's best {@code 2·capacity + 2m}. The node
 * potentials are then tightened and checked against <em>every</em> pair, together with the flow's
 * own limits: when no residual edge has a negative reduced cost the allocation is optimal for the
 * whole problem (linear-programming duality) and the certificate is reported. Otherwise the pairs
 * that broke it join the candidate set, {@code m} doubles, and it runs again.
 */
public final class Allocation {

  /** Weights at or below zero are never proposed (a place left empty scores zero). */
  public static final int NONE = Integer.MIN_VALUE;

  /** A potential no constraint bounds: a posting with no place at all. */
  private static final long UNBOUNDED = Long.MAX_VALUE / 4;

  /**
   * The problem as a matrix: {@code weight[p][r]} for posting p and resident r in whole units (the
   * board uses hundredths of a point), or {@link #NONE} when the pair is excluded. Small problems
   * and tests; the board builds {@link Rows} directly.
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

    /** The pairs that may be proposed, as rows. */
    public Rows rows() {
      long[][] keys = new long[postings()][];
      for (int p = 0; p < postings(); p++) {
        long[] row = new long[residents()];
        int n = 0;
        for (int r = 0; r < residents(); r++) {
          int w = weight[p][r];
          if (w != NONE && w > 0) {
            row[n++] = Rows.key(w, r);
          }
        }
        keys[p] = Arrays.copyOf(row, n);
      }
      return Rows.of(residents(), keys, capacity, perResident);
    }
  }

  /**
   * The problem as the pairs that may be proposed (positive weight), posting by posting: posting
   * p's are the indices {@code start[p] ≤ i < start[p + 1]}, {@code resident[i]} with {@code
   * weight[i]}, best first (weight descending, then resident ascending). Millions of pairs fit in
   * three int arrays, and a posting's best residents are the front of its row.
   */
  public record Rows(
      int residents, int[] start, int[] resident, int[] weight, int[] capacity, int perResident) {
    public Rows {
      if (start.length != capacity.length + 1) {
        throw new IllegalArgumentException("one capacity per posting");
      }
      if (perResident < 1) {
        throw new IllegalArgumentException("perResident must be at least 1");
      }
    }

    /** A pair as one long that sorts ascending in row order: weight descending, then resident. */
    public static long key(int weight, int resident) {
      if (weight <= 0) {
        throw new IllegalArgumentException("only positive weights are proposed");
      }
      return ((long) (Integer.MAX_VALUE - weight) << 32) | resident;
    }

    /** Rows from each posting's pairs as {@link #key}s, in any order (the rows are sorted here). */
    public static Rows of(int residents, long[][] keys, int[] capacity, int perResident) {
      int postings = keys.length;
      int[] start = new int[postings + 1];
      for (int p = 0; p < postings; p++) {
        start[p + 1] = start[p] + keys[p].length;
      }
      int[] resident = new int[start[postings]];
      int[] weight = new int[start[postings]];
      IntStream.range(0, postings)
          .parallel()
          .forEach(
              p -> {
                long[] row = keys[p];
                Arrays.sort(row);
                for (int j = 0, i = start[p]; j < row.length; j++, i++) {
                  resident[i] = (int) row[j];
                  weight[i] = Integer.MAX_VALUE - (int) (row[j] >>> 32);
                }
              });
      return new Rows(residents, start, resident, weight, capacity.clone(), perResident);
    }

    int postings() {
      return capacity.length;
    }
  }

  /** One chosen pair. */
  public record Pair(int posting, int resident, int weight) {}

  /**
   * The solution: the pairs, their total, and how it was proven optimal.
   *
   * @param rounds how many times the flow ran (the candidate set grows each time)
   * @param certified true when the potentials were checked against every pair
   */
  public record Result(List<Pair> pairs, long total, int rounds, boolean certified) {}

  private Allocation() {}

  /** The optimal allocation, starting from each resident's best {@code m} pairs. */
  public static Result optimal(Problem problem, int m) {
    return optimal(problem.rows(), m);
  }

  /** The greedy allocation: best pairs first while places and the per-resident limit allow. */
  public static Result greedy(Problem problem) {
    return greedy(problem.rows());
  }

  /** The optimal allocation, starting from each resident's best {@code m} pairs. */
  public static Result optimal(Rows rows, int m) {
    boolean[] candidate = new boolean[rows.resident().length];
    int limit = Math.max(1, m);
    for (int round = 1; ; round++) {
      addBest(rows, limit, candidate);
      Flow flow = new Flow(rows, candidate);
      flow.run();
      flow.tighten();
      int[] broken = flow.brokenPairs();
      if (broken == null || broken.length == 0 || everyPair(candidate)) {
        // null: the flow itself broke the certificate, which no round can mend
        return new Result(flow.pairs(), flow.total(), round, broken != null && broken.length == 0);
      }
      for (int i : broken) {
        candidate[i] = true;
      }
      limit *= 2;
    }
  }

  /**
   * The greedy allocation: the best pair left, again and again, while its posting has a place and
   * its resident is under the limit (ties: lower posting, then lower resident). The rows are sorted
   * already, so it merges them: a heap holds each posting with places left at its next pair.
   */
  public static Result greedy(Rows rows) {
    int postings = rows.postings();
    int[] next = Arrays.copyOf(rows.start(), postings);
    int[] left = rows.capacity().clone();
    int[] taken = new int[rows.residents()];
    Heap heap = new Heap(postings);
    for (int p = 0; p < postings; p++) {
      offerNext(rows, heap, p, next, left);
    }
    List<Pair> pairs = new ArrayList<>();
    long total = 0;
    while (!heap.isEmpty()) {
      int p = heap.poll();
      int i = next[p]++;
      int r = rows.resident()[i];
      if (taken[r] < rows.perResident()) {
        left[p]--;
        taken[r]++;
        pairs.add(new Pair(p, r, rows.weight()[i]));
        total += rows.weight()[i];
      }
      offerNext(rows, heap, p, next, left);
    }
    return new Result(pairs, total, 1, false);
  }

  private static void offerNext(Rows rows, Heap heap, int p, int[] next, int[] left) {
    if (left[p] > 0 && next[p] < rows.start()[p + 1]) {
      heap.offer(p, ((long) (Integer.MAX_VALUE - rows.weight()[next[p]]) << 32) | p);
    }
  }

  private static boolean everyPair(boolean[] candidate) {
    for (boolean c : candidate) {
      if (!c) {
        return false;
      }
    }
    return true;
  }

  /**
   * Marks each resident's best {@code m} pairs (equal weights: the lower posting) and each
   * posting's best {@code 2·capacity + 2m}: when many residents want the same few places, the
   * optimum uses pairs that are not among the residents' own best.
   */
  private static void addBest(Rows rows, int m, boolean[] candidate) {
    int residents = rows.residents();
    int[] best = new int[residents * m]; // indices into the rows, best first
    int[] count = new int[residents];
    int[] weight = rows.weight();
    for (int p = 0; p < rows.postings(); p++) {
      int end = rows.start()[p + 1];
      int keep = rows.start()[p] + 2 * rows.capacity()[p] + 2 * m;
      for (int i = rows.start()[p]; i < end; i++) {
        if (i < keep) {
          candidate[i] = true;
        }
        int r = rows.resident()[i];
        int base = r * m;
        int n = count[r];
        int w = weight[i];
        if (n == m && w <= weight[best[base + m - 1]]) {
          continue;
        }
        int j = n < m ? base + count[r]++ : base + m - 1;
        while (j > base && weight[best[j - 1]] < w) {
          best[j] = best[j - 1];
          j--;
        }
        best[j] = i;
      }
    }
    for (int r = 0; r < residents; r++) {
      for (int j = 0; j < count[r]; j++) {
        candidate[best[r * m + j]] = true;
      }
    }
  }

  /**
   * The flow on the candidate pairs. Nodes: postings 0..P-1, residents P..P+R-1, the sink P+R.
   * Reduced cost of an edge u→v: cost + φ(u) − φ(v), kept non-negative on every residual edge.
   */
  private static final class Flow {
    private final Rows rows;
    private final int postings;
    private final int residents;
    private final int k;
    private final int sink;
    // the candidate pairs by posting: edge e of posting p for cStart[p] ≤ e < cStart[p + 1]
    private final int[] cStart;
    private final int[] cPosting;
    private final int[] cResident;
    private final int[] cWeight;
    private final boolean[] used;
    // the edges resident r is paired along: paired[r·k + j] for j < pairedCount[r]
    private final int[] paired;
    private final int[] pairedCount;
    private final int[] empty; // places of each posting left empty (flow on posting → sink)
    private final long[] phi;
    private final long[] dist;
    private final int[] prevEdge; // the edge a node was reached along; −1 from the sink's side
    private final int[] prevNode;
    private final boolean[] settled;
    private final int[] touched;
    private final Heap heap;

    Flow(Rows rows, boolean[] candidate) {
      this.rows = rows;
      this.postings = rows.postings();
      this.residents = rows.residents();
      this.k = rows.perResident();
      this.sink = postings + residents;
      int nodes = sink + 1;
      int edges = 0;
      for (boolean c : candidate) {
        edges += c ? 1 : 0;
      }
      cStart = new int[postings + 1];
      cPosting = new int[edges];
      cResident = new int[edges];
      cWeight = new int[edges];
      used = new boolean[edges];
      phi = new long[nodes];
      int e = 0;
      for (int p = 0; p < postings; p++) {
        for (int i = rows.start()[p]; i < rows.start()[p + 1]; i++) {
          if (candidate[i]) {
            cPosting[e] = p;
            cResident[e] = rows.resident()[i];
            cWeight[e] = rows.weight()[i];
            // −w + φ(p) − φ(r) ≥ 0 with no flow yet: φ(p) is the posting's best weight
            phi[p] = Math.max(phi[p], cWeight[e]);
            e++;
          }
        }
        cStart[p + 1] = e;
      }
      paired = new int[residents * k];
      pairedCount = new int[residents];
      empty = new int[postings];
      dist = new long[nodes];
      prevEdge = new int[nodes];
      prevNode = new int[nodes];
      settled = new boolean[nodes];
      touched = new int[nodes];
      heap = new Heap(nodes);
      Arrays.fill(dist, Long.MAX_VALUE);
    }

    void run() {
      for (int p = 0; p < postings; p++) {
        for (int units = rows.capacity()[p]; units > 0; units--) {
          if (augmentFrom(p)) {
            // leaving a place empty was the shortest path; distances from p never fall, so it
            // stays the shortest for the rest of p's places
            empty[p] += units - 1;
            break;
          }
        }
      }
    }

    /**
     * One shortest path from posting {@code source} to the sink, and one unit along it; true when
     * the path was the posting's own edge to the sink (a place left empty).
     */
    private boolean augmentFrom(int source) {
      heap.clear();
      int touchedCount = 0;
      dist[source] = 0;
      prevNode[source] = -1;
      touched[touchedCount++] = source;
      heap.offer(source, 0);
      long toSink = Long.MAX_VALUE;
      while (!heap.isEmpty()) {
        int u = heap.poll();
        settled[u] = true;
        if (u == sink) {
          toSink = dist[u];
          break;
        }
        long du = dist[u] + phi[u];
        if (u < postings) {
          // posting → a resident it is not paired with, posting → sink
          for (int e = cStart[u]; e < cStart[u + 1]; e++) {
            if (!used[e]) {
              int v = postings + cResident[e];
              touchedCount = relax(v, u, e, du - cWeight[e] - phi[v], touchedCount);
            }
          }
          touchedCount = relax(sink, u, -1, du - phi[sink], touchedCount);
        } else {
          int r = u - postings;
          if (pairedCount[r] < k) {
            touchedCount = relax(sink, u, -1, du - phi[sink], touchedCount);
          }
          // back along a pair: resident → posting, cost +w
          for (int j = r * k; j < r * k + pairedCount[r]; j++) {
            int e = paired[j];
            int q = cPosting[e];
            touchedCount = relax(q, u, e, du + cWeight[e] - phi[q], touchedCount);
          }
        }
      }
      // φ(v) += min(d(v), d(sink)) − d(sink): nodes never settled keep theirs
      for (int i = 0; i < touchedCount; i++) {
        int v = touched[i];
        if (settled[v]) {
          phi[v] += dist[v] - toSink;
        }
      }
      boolean direct = prevNode[sink] == source;
      applyPath();
      for (int i = 0; i < touchedCount; i++) {
        int v = touched[i];
        settled[v] = false;
        dist[v] = Long.MAX_VALUE;
      }
      return direct;
    }

    private int relax(int v, int u, int e, long d, int touchedCount) {
      if (!settled[v] && d < dist[v]) {
        if (dist[v] == Long.MAX_VALUE) {
          touched[touchedCount++] = v;
        }
        dist[v] = d;
        prevNode[v] = u;
        prevEdge[v] = e;
        heap.offer(v, d);
      }
      return touchedCount;
    }

    private void applyPath() {
      for (int v = sink; prevNode[v] != -1; v = prevNode[v]) {
        int u = prevNode[v];
        int e = prevEdge[v];
        if (v == sink) {
          if (u < postings) {
            empty[u]++;
          }
        } else if (u < postings) {
          // posting u takes resident v − P
          int r = v - postings;
          used[e] = true;
          paired[r * k + pairedCount[r]++] = e;
        } else {
          // resident u − P gives up posting v
          int r = u - postings;
          used[e] = false;
          for (int j = r * k; j < r * k + pairedCount[r]; j++) {
            if (paired[j] == e) {
              paired[j] = paired[r * k + --pairedCount[r]];
              break;
            }
          }
        }
      }
    }

    /**
     * Moves the potentials as far as the candidate flow allows in the direction the check against
     * every pair needs, φ(posting) − φ(resident) ≥ weight: each resident down to its lowest
     * feasible potential (an unpaired one to the sink's: a free resident costs nothing), then each
     * posting up to its highest (the least its pairs are worth, or the sink's with a place empty).
     */
    void tighten() {
      for (int r = 0; r < residents; r++) {
        long low = pairedCount[r] < k ? phi[sink] : Long.MIN_VALUE;
        for (int j = r * k; j < r * k + pairedCount[r]; j++) {
          int e = paired[j];
          low = Math.max(low, phi[cPosting[e]] - cWeight[e]);
        }
        phi[postings + r] = low;
      }
      for (int p = 0; p < postings; p++) {
        phi[p] = empty[p] > 0 ? phi[sink] : UNBOUNDED;
      }
      for (int e = 0; e < used.length; e++) {
        if (used[e]) {
          int p = cPosting[e];
          phi[p] = Math.min(phi[p], cWeight[e] + phi[postings + cResident[e]]);
        }
      }
    }

    /**
     * The duality certificate, checked against the flow's limits and every pair of the problem: the
     * indices of pairs outside the flow whose reduced cost is negative (empty when the allocation
     * is optimal), or null when the flow itself breaks it (a bug, never a reason to widen).
     */
    int[] brokenPairs() {
      long sinkPhi = phi[sink];
      int[] load = new int[postings];
      for (int e = 0; e < used.length; e++) {
        if (used[e]) {
          int p = cPosting[e];
          load[p]++;
          // the pair's reverse edge, resident → posting at cost +w
          if (cWeight[e] + phi[postings + cResident[e]] - phi[p] < 0) {
            return null;
          }
        }
      }
      for (int p = 0; p < postings; p++) {
        if (load[p] + empty[p] != rows.capacity()[p]
            || phi[p] < sinkPhi
            || (empty[p] > 0 && phi[p] > sinkPhi)) {
          return null;
        }
      }
      for (int r = 0; r < residents; r++) {
        long f = phi[postings + r];
        int n = pairedCount[r];
        if (n > k || (n < k && f < sinkPhi) || (n > 0 && f > sinkPhi)) {
          return null;
        }
      }
      int[] broken = new int[16];
      int count = 0;
      int[] resident = rows.resident();
      int[] weight = rows.weight();
      for (int p = 0; p < postings; p++) {
        long phiP = phi[p];
        for (int i = rows.start()[p]; i < rows.start()[p + 1]; i++) {
          int r = resident[i];
          if (phiP - phi[postings + r] < weight[i] && !paired(p, r)) {
            if (count == broken.length) {
              broken = Arrays.copyOf(broken, 2 * count);
            }
            broken[count++] = i;
          }
        }
      }
      return Arrays.copyOf(broken, count);
    }

    private boolean paired(int p, int r) {
      for (int j = r * k; j < r * k + pairedCount[r]; j++) {
        if (cPosting[paired[j]] == p) {
          return true;
        }
      }
      return false;
    }

    List<Pair> pairs() {
      List<Pair> out = new ArrayList<>();
      for (int e = 0; e < used.length; e++) {
        if (used[e]) {
          out.add(new Pair(cPosting[e], cResident[e], cWeight[e]));
        }
      }
      out.sort(Comparator.comparingInt(Pair::posting).thenComparingInt(Pair::resident));
      return out;
    }

    long total() {
      long sum = 0;
      for (int e = 0; e < used.length; e++) {
        if (used[e]) {
          sum += cWeight[e];
        }
      }
      return sum;
    }
  }

  /** A binary min-heap of nodes by key with decrease-key: each node is in it at most once. */
  private static final class Heap {
    private final int[] nodes;
    private final long[] keys;
    private final int[] slot; // where a node sits, −1 when absent
    private int size;

    Heap(int capacity) {
      nodes = new int[capacity];
      keys = new long[capacity];
      slot = new int[capacity];
      Arrays.fill(slot, -1);
    }

    boolean isEmpty() {
      return size == 0;
    }

    void clear() {
      for (int i = 0; i < size; i++) {
        slot[nodes[i]] = -1;
      }
      size = 0;
    }

    /** Adds the node, or lowers its key; a higher key for a node already in is ignored. */
    void offer(int node, long key) {
      int i = slot[node];
      if (i < 0) {
        i = size++;
      } else if (keys[i] <= key) {
        return;
      }
      up(i, node, key);
    }

    int poll() {
      int top = nodes[0];
      slot[top] = -1;
      size--;
      if (size > 0) {
        down(nodes[size], keys[size]);
      }
      return top;
    }

    private void up(int i, int node, long key) {
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (keys[parent] <= key) {
          break;
        }
        place(i, nodes[parent], keys[parent]);
        i = parent;
      }
      place(i, node, key);
    }

    private void down(int node, long key) {
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && keys[child + 1] < keys[child]) {
          child++;
        }
        if (keys[child] >= key) {
          break;
        }
        place(i, nodes[child], keys[child]);
        i = child;
      }
      place(i, node, key);
    }

    private void place(int i, int node, long key) {
      nodes[i] = node;
      keys[i] = key;
      slot[node] = i;
    }
  }
}
