package hongniang.matching.allocation;

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
 * <p>Millions of pairs stay cheap because each posting's pairs are sorted best first and Dijkstra
 * reads a row only as far as a shortest path could still go through it (see {@link Flow}): the flow
 * runs once, on every pair. Its final node potentials are then checked against every pair and the
 * flow against every limit: no residual edge with a negative reduced cost means the allocation is
 * optimal (linear-programming duality), and the certificate is reported.
 */
public final class Allocation {

  /** Weights at or below zero are never proposed (a place left empty scores zero). */
  public static final int NONE = Integer.MIN_VALUE;

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

    /**
     * Rows from each posting's pairs as {@link #key}s in any order; each row is sorted in place.
     */
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
                sort(row);
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

    /**
     * Sorts non-negative keys ascending, by least-significant-digit radix over the bytes in which
     * they differ: a row of thousands of pairs differs in about four bytes (the resident's and the
     * weight's), four linear passes where a comparison sort needs a dozen.
     */
    static void sort(long[] keys) {
      int n = keys.length;
      if (n < 256) {
        Arrays.sort(keys);
        return;
      }
      long differ = 0;
      for (long key : keys) {
        differ |= key ^ keys[0];
      }
      long[] from = keys;
      long[] to = new long[n];
      int[] count = new int[257];
      for (int shift = 0; shift < 64; shift += 8) {
        if ((differ >>> shift & 0xFF) == 0) {
          continue;
        }
        Arrays.fill(count, 0);
        for (long key : from) {
          count[(int) (key >>> shift & 0xFF) + 1]++;
        }
        for (int b = 0; b < 256; b++) {
          count[b + 1] += count[b];
        }
        // stable: equal digits keep the order of the pass before
        for (long key : from) {
          to[count[(int) (key >>> shift & 0xFF)]++] = key;
        }
        long[] swap = from;
        from = to;
        to = swap;
      }
      if (from != keys) {
        System.arraycopy(from, 0, keys, 0, n);
      }
    }
  }

  /** One chosen pair. */
  public record Pair(int posting, int resident, int weight) {}

  /**
   * The solution: the pairs, their total, and how it was proven optimal.
   *
   * @param rounds how many times the flow ran: once (the field stays for the API's sake)
   * @param certified true when the potentials were checked against every pair and held
   */
  public record Result(List<Pair> pairs, long total, int rounds, boolean certified) {}

  private Allocation() {}

  /** The optimal allocation, certified against every pair. */
  public static Result optimal(Problem problem) {
    return optimal(problem.rows());
  }

  /** The greedy allocation: best pairs first while places and the per-resident limit allow. */
  public static Result greedy(Problem problem) {
    return greedy(problem.rows());
  }

  /** The optimal allocation, certified against every pair. */
  public static Result optimal(Rows rows) {
    Flow flow = new Flow(rows);
    flow.run();
    return new Result(flow.pairs(), flow.total(), 1, flow.certifies());
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

  /**
   * The flow on every pair. Nodes: postings 0..P-1, residents P..P+R-1, the sink P+R; and for each
   * posting p a stand-in P+R+1+p for the part of its row not yet looked at. Reduced cost of an edge
   * u→v: cost + φ(u) − φ(v), kept non-negative on every residual edge.
   *
   * <p>Dijkstra does not relax a posting's thousands of pairs when it settles the posting. A row is
   * best first, so −weight rises along it, and no resident's potential exceeds {@link #ceiling}:
   * {@code dist(p) − weight + φ(p) − ceiling} is a lower bound for the distance through every pair
   * still ahead in the row. The stand-in waits in the heap at that bound; when it comes out it
   * relaxes the next pairs and goes back at the next bound. Dijkstra stops at the sink, usually a
   * free resident or two down the row, so only the fronts of the rows are ever read, yet every pair
   * counts: the flow is optimal for the whole problem in one run.
   */
  private static final class Flow {
    private final Rows rows;
    private final int[] start;
    private final int[] resident;
    private final int[] weight;
    private final int postings;
    private final int k;
    private final int sink;
    private final boolean[] used; // by row index: the pair carries flow
    // the pairs resident r holds: row index paired[r·k + j] with posting pairedTo[r·k + j]
    private final int[] paired;
    private final int[] pairedTo;
    private final int[] pairedCount;
    private final int[] empty; // places of each posting left empty (flow on posting → sink)
    private final long[] phi;
    // residents start at φ 0 and only ever lose potential (they settle before the sink)
    private long ceiling;
    private final long[] dist;
    private final int[] prevNode;
    private final int[] prevPair; // the row index a node was reached along; −1 from the sink's side
    private final boolean[] settled;
    private final int[] scan; // the next row index of a settled posting not yet relaxed
    private final int[] touched;
    private final Heap heap;

    Flow(Rows rows) {
      this.rows = rows;
      this.start = rows.start();
      this.resident = rows.resident();
      this.weight = rows.weight();
      this.postings = rows.postings();
      this.k = rows.perResident();
      this.sink = postings + rows.residents();
      int nodes = sink + 1;
      used = new boolean[resident.length];
      paired = new int[rows.residents() * k];
      pairedTo = new int[rows.residents() * k];
      pairedCount = new int[rows.residents()];
      empty = new int[postings];
      phi = new long[nodes];
      // −w + φ(p) − φ(r) ≥ 0 with no flow yet: φ(p) is the posting's best weight, the row's first
      for (int p = 0; p < postings; p++) {
        phi[p] = start[p] < start[p + 1] ? weight[start[p]] : 0;
      }
      dist = new long[nodes];
      prevNode = new int[nodes];
      prevPair = new int[nodes];
      settled = new boolean[nodes];
      scan = new int[postings];
      touched = new int[nodes];
      heap = new Heap(nodes + postings);
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
        if (u > sink) {
          touchedCount = relaxRow(u - sink - 1, touchedCount);
          continue;
        }
        settled[u] = true;
        if (u == sink) {
          toSink = dist[u];
          break;
        }
        long du = dist[u] + phi[u];
        if (u < postings) {
          scan[u] = start[u];
          offerRest(u);
          // posting → sink: a place left empty
          touchedCount = relax(sink, u, -1, du - phi[sink], touchedCount);
        } else {
          int r = u - postings;
          if (pairedCount[r] < k) {
            touchedCount = relax(sink, u, -1, du - phi[sink], touchedCount);
          }
          // back along a pair: resident → posting, cost +w
          for (int j = r * k; j < r * k + pairedCount[r]; j++) {
            int q = pairedTo[j];
            touchedCount = relax(q, u, paired[j], du + weight[paired[j]] - phi[q], touchedCount);
          }
        }
      }
      // φ(v) += min(d(v), d(sink)) − d(sink): nodes never settled keep theirs
      for (int i = 0; i < touchedCount; i++) {
        int v = touched[i];
        if (settled[v]) {
          phi[v] += dist[v] - toSink;
          if (v >= postings && v < sink) {
            ceiling = Math.max(ceiling, phi[v]);
          }
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

    /** Puts posting p's stand-in in the heap at the bound for the rest of its row, if any. */
    private void offerRest(int p) {
      int i = scan[p];
      if (i < start[p + 1]) {
        heap.offer(sink + 1 + p, dist[p] + phi[p] - weight[i] - ceiling);
      }
    }

    /** Relaxes posting p's next pairs of one weight (one bound), then puts the stand-in back. */
    private int relaxRow(int p, int touchedCount) {
      long dp = dist[p] + phi[p];
      int end = start[p + 1];
      int w = weight[scan[p]];
      int i = scan[p];
      for (; i < end && weight[i] == w; i++) {
        if (!used[i]) {
          int v = postings + resident[i];
          touchedCount = relax(v, p, i, dp - w - phi[v], touchedCount);
        }
      }
      scan[p] = i;
      offerRest(p);
      return touchedCount;
    }

    private int relax(int v, int u, int pair, long d, int touchedCount) {
      if (!settled[v] && d < dist[v]) {
        if (dist[v] == Long.MAX_VALUE) {
          touched[touchedCount++] = v;
        }
        dist[v] = d;
        prevNode[v] = u;
        prevPair[v] = pair;
        heap.offer(v, d);
      }
      return touchedCount;
    }

    private void applyPath() {
      for (int v = sink; prevNode[v] != -1; v = prevNode[v]) {
        int u = prevNode[v];
        int i = prevPair[v];
        if (v == sink) {
          if (u < postings) {
            empty[u]++;
          }
        } else if (u < postings) {
          // posting u takes resident v − P
          int r = v - postings;
          used[i] = true;
          paired[r * k + pairedCount[r]] = i;
          pairedTo[r * k + pairedCount[r]++] = u;
        } else {
          // resident u − P gives up posting v
          int r = u - postings;
          used[i] = false;
          for (int j = r * k; j < r * k + pairedCount[r]; j++) {
            if (paired[j] == i) {
              int last = r * k + --pairedCount[r];
              paired[j] = paired[last];
              pairedTo[j] = pairedTo[last];
              break;
            }
          }
        }
      }
    }

    /**
     * The duality certificate: the flow within every limit, and no residual edge with a negative
     * reduced cost, checked against every pair of the problem.
     */
    boolean certifies() {
      long sinkPhi = phi[sink];
      int[] load = new int[postings];
      for (int r = 0; r < pairedCount.length; r++) {
        long f = phi[postings + r];
        int n = pairedCount[r];
        if (n > k || (n < k && f < sinkPhi) || (n > 0 && f > sinkPhi)) {
          return false;
        }
        for (int j = r * k; j < r * k + n; j++) {
          load[pairedTo[j]]++;
        }
      }
      for (int p = 0; p < postings; p++) {
        if (load[p] + empty[p] != rows.capacity()[p]
            || phi[p] < sinkPhi
            || (empty[p] > 0 && phi[p] > sinkPhi)) {
          return false;
        }
        long phiP = phi[p];
        for (int i = start[p]; i < start[p + 1]; i++) {
          long reduced = -weight[i] + phiP - phi[postings + resident[i]];
          // an unused pair forward (≥ 0); a used one backward, resident → posting (≤ 0 forward)
          if (used[i] ? reduced > 0 : reduced < 0) {
            return false;
          }
        }
      }
      return true;
    }

    List<Pair> pairs() {
      List<Pair> out = new ArrayList<>();
      for (int r = 0; r < pairedCount.length; r++) {
        for (int j = r * k; j < r * k + pairedCount[r]; j++) {
          out.add(new Pair(pairedTo[j], r, weight[paired[j]]));
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
