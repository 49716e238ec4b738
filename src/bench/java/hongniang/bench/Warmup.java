package hongniang.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Warms a call up until its latency is steady: rounds of calls, each timed, until two rounds in a
 * row bring the median no more than {@value #GAIN} below the best round before them (at least
 * {@value #MIN_ROUNDS} rounds, at most {@value #MAX_ROUNDS}). A fixed count of warm-up calls left
 * the just-in-time compiler still at work in the timed calls: the median of 3,000 posting searches
 * after 1,000 warm-up calls was 2.39 ms, of the next 3,000 1.68 ms.
 */
final class Warmup {

  static final double GAIN = 0.03;
  static final int MIN_ROUNDS = 3;
  static final int MAX_ROUNDS = 20;

  /** One call, by its number since the warm-up began. */
  @FunctionalInterface
  interface Call {
    void run(int i) throws Exception;
  }

  /** What the warm-up did: its rounds' medians in milliseconds, and calls per round. */
  record Result(List<Double> medians, int perRound) {

    int calls() {
      return medians.size() * perRound;
    }

    /** For a report: "7 rounds of 1,000 calls, median per round 3.10, 2.41, ... ms". */
    String describe() {
      return String.format(
          Locale.ROOT,
          "%d rounds of %,d calls, median per round %s ms",
          medians.size(),
          perRound,
          medians.stream().map(Latencies::ms).collect(Collectors.joining(", ")));
    }
  }

  private Warmup() {}

  /** Runs rounds of {@code perRound} calls until the median is steady. */
  static Result until(int perRound, Call call) throws Exception {
    List<Double> medians = new ArrayList<>();
    double best = Double.MAX_VALUE;
    int flat = 0;
    int i = 0;
    while (medians.size() < MAX_ROUNDS && (medians.size() < MIN_ROUNDS || flat < 2)) {
      Latencies round = new Latencies();
      for (int k = 0; k < perRound; k++, i++) {
        long t0 = System.nanoTime();
        call.run(i);
        round.add(System.nanoTime() - t0);
      }
      double median = round.p50();
      medians.add(median);
      flat = median < best * (1 - GAIN) ? 0 : flat + 1;
      best = Math.min(best, median);
    }
    return new Result(List.copyOf(medians), perRound);
  }
}
