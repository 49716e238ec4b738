package hongniang.matching;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Schedule;
import java.util.Collection;
import java.util.stream.Collectors;

/** English words for the enums whose Chinese labels live beside them. */
final class Labels {

  private Labels() {}

  static String en(Schedule s) {
    return switch (s) {
      case FULL_TIME -> "full-time";
      case PART_TIME -> "part-time";
      case FLEXIBLE -> "flexible hours";
      case SHIFT -> "shifts";
    };
  }

  static String en(Education e) {
    return switch (e) {
      case NONE -> "no schooling required";
      case PRIMARY -> "primary school";
      case JUNIOR_HIGH -> "junior high school";
      case SENIOR_HIGH -> "senior high school";
      case VOCATIONAL -> "vocational school";
      case ASSOCIATE -> "college";
      case BACHELOR -> "bachelor's degree";
      case MASTER -> "postgraduate degree";
    };
  }

  static String en(DifficultyCategory c) {
    return switch (c) {
      case AGE_4050 -> "4050 (older resident)";
      case LOW_INCOME -> "minimum living allowance";
      case ZERO_EMPLOYMENT_FAMILY -> "zero-employment family";
      case DISABLED -> "disability";
      case LONG_TERM_UNEMPLOYED -> "long-term unemployed";
    };
  }

  static String zh(Collection<String> items) {
    return String.join("、", items);
  }

  static String en(Collection<String> items) {
    return String.join(", ", items);
  }

  static String zhCategories(Collection<DifficultyCategory> cs) {
    return cs.stream().map(DifficultyCategory::label).collect(Collectors.joining("、"));
  }

  static String enCategories(Collection<DifficultyCategory> cs) {
    return cs.stream().map(Labels::en).collect(Collectors.joining(", "));
  }
}
