package hongniang.common;

import java.util.Map;

/** Gender as the ID number records it. */
public enum Gender {
  FEMALE,
  MALE;

  /** Chinese labels, for spreadsheets. */
  public static final Map<String, Gender> LABELS = Map.of("女", FEMALE, "男", MALE);
}
