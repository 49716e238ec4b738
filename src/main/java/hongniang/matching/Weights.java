package hongniang.matching;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most points each soft part can give. One place for them: the service reads them from {@code
 * hongniang.matching.weights.*}; docs/matching.md documents the defaults and the evaluation that
 * chose them.
 */
public record Weights(
    double occupation,
    double skills,
    double wage,
    double place,
    double schedule,
    double experience,
    double freshness,
    double priority,
    double balance) {

  /** The defaults: a resident-side score tops out at 100, priority adds up to 15. */
  public static Weights defaults() {
    return new Weights(30, 15, 15, 10, 5, 10, 5, 15, 10);
  }

  public Weights {
    for (Map.Entry<String, Double> e :
        asMap(occupation, skills, wage, place, schedule, experience, freshness, priority, balance)
            .entrySet()) {
      if (!(e.getValue() >= 0 && e.getValue() <= 1000)) {
        throw new IllegalArgumentException(
            "matching weight " + e.getKey() + " must be between 0 and 1000, not " + e.getValue());
      }
    }
  }

  /** The weights by part name, in explanation order. */
  public Map<String, Double> asMap() {
    return asMap(
        occupation, skills, wage, place, schedule, experience, freshness, priority, balance);
  }

  private static Map<String, Double> asMap(double... w) {
    String[] names = {
      "occupation",
      "skills",
      "wage",
      "place",
      "schedule",
      "experience",
      "freshness",
      "priority",
      "balance"
    };
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      out.put(names[i], w[i]);
    }
    return out;
  }
}
