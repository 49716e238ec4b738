package hongniang.matching.ranking;

import java.util.ArrayList;
import java.util.List;

/**
 * The best {@code k} items by score, equal scores by lower id: the order of every matches list and
 * of brute force. A heap with the worst kept item on top, so an item that cannot enter costs one
 * comparison.
 */
public final class TopK {

  /** An item and its score. */
  public record Entry(long id, double score) {}

  private final int k;
  private final double[] score;
  private final long[] id;
  private int n;

  public TopK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, not " + k);
    }
    this.k = k;
    this.score = new double[k];
    this.id = new long[k];
  }

  /** True when {@code k} items are kept. */
  public boolean full() {
    return n == k;
  }

  /** How many items are kept. */
  public int size() {
    return n;
  }

  /** The lowest kept score; meaningful when {@link #full()}. */
  public double worstScore() {
    return score[0];
  }

  /** The id of the lowest kept item; meaningful when {@link #full()}. */
  public long worstId() {
    return id[0];
  }

  /** Keeps the item when it is among the best {@code k} so far. */
  public void offer(double s, long i) {
    if (n < k) {
      int at = n++;
      // sift up: a worse item moves towards the top
      while (at > 0) {
        int parent = (at - 1) >>> 1;
        if (!worse(s, i, score[parent], id[parent])) {
          break;
        }
        score[at] = score[parent];
        id[at] = id[parent];
        at = parent;
      }
      score[at] = s;
      id[at] = i;
    } else if (worse(score[0], id[0], s, i)) {
      int at = 0;
      while (true) {
        int child = 2 * at + 1;
        if (child >= n) {
          break;
        }
        if (child + 1 < n && worse(score[child + 1], id[child + 1], score[child], id[child])) {
          child++;
        }
        if (!worse(score[child], id[child], s, i)) {
          break;
        }
        score[at] = score[child];
        id[at] = id[child];
        at = child;
      }
      score[at] = s;
      id[at] = i;
    }
  }

  /** Adds another's items, skipping ids already kept (a copy shares its original's items). */
  public void addAll(TopK other) {
    for (int j = 0; j < other.n; j++) {
      if (!holds(other.id[j])) {
        offer(other.score[j], other.id[j]);
      }
    }
  }

  private boolean holds(long i) {
    for (int j = 0; j < n; j++) {
      if (id[j] == i) {
        return true;
      }
    }
    return false;
  }

  /** A copy to fill on its own: a search task starts from what is known. */
  public TopK copy() {
    TopK c = new TopK(k);
    System.arraycopy(score, 0, c.score, 0, n);
    System.arraycopy(id, 0, c.id, 0, n);
    c.n = n;
    return c;
  }

  /** The kept items, best first. */
  public List<Entry> best() {
    List<Entry> out = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      out.add(new Entry(id[j], score[j]));
    }
    out.sort(
        (a, b) ->
            worse(a.score(), a.id(), b.score(), b.id())
                ? 1
                : worse(b.score(), b.id(), a.score(), a.id()) ? -1 : 0);
    return out;
  }

  /** True when (s1, i1) ranks below (s2, i2): a lower score, or the same and a higher id. */
  private static boolean worse(double s1, long i1, double s2, long i2) {
    return s1 < s2 || (s1 == s2 && i1 > i2);
  }
}
