package hongniang.common;

import java.util.Map;

/** Employment-difficulty categories (就业困难人员): they open public-welfare posts. */
public enum DifficultyCategory {
  /** 4050人员: women over 40, men over 50. */
  AGE_4050("4050人员"),
  /** 低保: receives the minimum living allowance. */
  LOW_INCOME("低保"),
  /** 零就业家庭: no one in the household works. */
  ZERO_EMPLOYMENT_FAMILY("零就业家庭"),
  /** 残疾人. */
  DISABLED("残疾人"),
  /** 长期失业: registered unemployed for a year or more. */
  LONG_TERM_UNEMPLOYED("长期失业");

  private final String label;

  DifficultyCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Chinese labels, for spreadsheets. */
  public static final Map<String, DifficultyCategory> LABELS =
      Map.of(
          "4050", AGE_4050,
          "4050人员", AGE_4050,
          "低保", LOW_INCOME,
          "零就业家庭", ZERO_EMPLOYMENT_FAMILY,
          "残疾", DISABLED,
          "残疾人", DISABLED,
          "长期失业", LONG_TERM_UNEMPLOYED);
}
