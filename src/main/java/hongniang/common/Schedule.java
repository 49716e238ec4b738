package hongniang.common;

import java.util.Map;

/** When the work happens. */
public enum Schedule {
  FULL_TIME("全职"),
  PART_TIME("兼职"),
  FLEXIBLE("灵活"),
  SHIFT("倒班");

  private final String label;

  Schedule(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Chinese labels, for spreadsheets. */
  public static final Map<String, Schedule> LABELS =
      Map.of(
          "全职", FULL_TIME, "兼职", PART_TIME, "灵活", FLEXIBLE, "灵活就业", FLEXIBLE, "倒班", SHIFT, "轮班",
          SHIFT);
}
