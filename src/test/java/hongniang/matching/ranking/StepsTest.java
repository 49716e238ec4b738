package hongniang.matching.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hongniang.matching.Scorer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Steps give the very value of the function they were found from, at every item. */
class StepsTest {

  @Test
  void everyItemHasItsFunctionsValue() {
    Random random = new Random(11);
    for (int round = 0; round < 500; round++) {
      int n = random.nextInt(round < 20 ? 3 : 300);
      // a non-rising function with up to 12 steps, some of them a single item long
      double[] values = new double[n];
      double v = random.nextInt(5);
      for (int i = 0; i < n; i++) {
        if (random.nextInt(round % 2 == 0 ? 40 : 2) == 0) {
          v -= 0.1 + random.nextInt(3);
        }
        values[i] = v;
      }
      Steps steps = Steps.of(n, i -> values[i]);
      double[] read = new double[n];
      for (int i = 0; i < n; i++) {
        read[i] = steps.at(i);
      }
      assertEquals(Arrays.toString(values), Arrays.toString(read), "round " + round);
    }
  }

  @Test
  void freshnessAlongColumnsNewestFirstIsReadFromSteps() {
    // the scorer's own step function, over days that never get newer along the items
    int[] days = new int[1_000];
    for (int i = 0; i < days.length; i++) {
      days[i] = 20_000 - i / 7;
    }
    Steps steps = Steps.of(days.length, i -> Scorer.profileFreshness(20_000 - days[i]));
    for (int i = 0; i < days.length; i++) {
      assertEquals(Scorer.profileFreshness(20_000 - days[i]), steps.at(i), "item " + i);
    }
  }
}
