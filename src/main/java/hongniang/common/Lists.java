package hongniang.common;

import java.util.List;

/** Tidies the lists of words that profiles and postings carry (skills, licences). */
public final class Lists {

  private Lists() {}

  /** Trimmed, non-empty, distinct items in their order; an empty array for null. */
  public static String[] cleanArray(List<String> items) {
    return items == null
        ? new String[0]
        : items.stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .distinct()
            .toArray(String[]::new);
  }

  /** Enum names, distinct, in order; an empty array for null. */
  public static String[] namesArray(List<? extends Enum<?>> items) {
    return items == null
        ? new String[0]
        : items.stream().map(Enum::name).distinct().toArray(String[]::new);
  }
}
