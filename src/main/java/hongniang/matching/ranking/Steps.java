package hongniang.matching.ranking;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * A fraction that never rises along items (freshness, when columns come newest first) as its few
 * steps: where each begins, found by binary search, and its value. A scan then reads no date per
 * item; on a million residents that read was a cache miss each.
 */
final class Steps {

  private final int[] start;
  private final double[] value;

  private Steps(int[] start, double[] value) {
    this.start = start;
    this.value = value;
  }

  /** The steps of {@code f} over items {@code 0..n-1}; {@code f} must never rise with the item. */
  static Steps of(int n, IntToDoubleFunction f) {
    int[] start = new int[4];
    double[] value = new double[4];
    int steps = 0;
    int from = 0;
    while (from < n) {
      double v = f.applyAsDouble(from);
      if (steps == start.length) {
        start = Arrays.copyOf(start, 2 * steps);
        value = Arrays.copyOf(value, 2 * steps);
      }
      start[steps] = from;
      value[steps] = v;
      steps++;
      // the first item after from whose value differs (is lower)
      int lo = from + 1;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (f.applyAsDouble(mid) == v) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      from = lo;
    }
    return new Steps(Arrays.copyOf(start, steps), Arrays.copyOf(value, steps));
  }

  /** The value at item {@code i}. */
  double at(int i) {
    int k = start.length - 1;
    while (k > 0 && i < start[k]) {
      k--;
    }
    return value[k];
  }
}
