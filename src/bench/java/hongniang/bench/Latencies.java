package hongniang.bench;

import java.util.Arrays;
import java.util.Locale;

/** Measured durations in nanoseconds, and their percentiles. */
final class Latencies {

  private long[] values = new long[1024];
  private int size;

  void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  int count() {
    return size;
  }

  /** The p-th percentile (nearest rank) in milliseconds; NaN when empty. */
  double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }

  double p50() {
    return percentileMillis(50);
  }

  double p90() {
    return percentileMillis(90);
  }

  double p99() {
    return percentileMillis(99);
  }

  double maxMillis() {
    return percentileMillis(100);
  }

  double meanMillis() {
    if (size == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[i];
    }
    return sum / size / 1e6;
  }

  /** Milliseconds with a precision that suits their size. */
  static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return "–";
    }
    if (millis < 10) {
      return String.format(Locale.ROOT, "%.2f", millis);
    }
    if (millis < 100) {
      return String.format(Locale.ROOT, "%.1f", millis);
    }
    return String.format(Locale.ROOT, "%.0f", millis);
  }
}
