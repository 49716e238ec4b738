package hongniang.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Choices with weights, drawn from a seeded random: the demo's "most often this, then that". */
final class Weights<T> {

  private final List<T> choices = new ArrayList<>();
  private final List<Integer> cumulative = new ArrayList<>();
  private int total;

  /** Adds a choice; a weight of 0 or less leaves it out. */
  Weights<T> add(T choice, int weight) {
    if (weight > 0) {
      total += weight;
      choices.add(choice);
      cumulative.add(total);
    }
    return this;
  }

  boolean isEmpty() {
    return choices.isEmpty();
  }

  T pick(Random random) {
    if (choices.isEmpty()) {
      throw new IllegalStateException("nothing to choose from");
    }
    int point = random.nextInt(total);
    for (int i = 0; i < choices.size(); i++) {
      if (point < cumulative.get(i)) {
        return choices.get(i);
      }
    }
    throw new AssertionError("unreachable");
  }
}
