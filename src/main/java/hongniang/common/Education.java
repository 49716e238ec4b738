package hongniang.common;

import java.util.Map;

/** Education levels in ascending order: a posting's minimum compares by {@link #ordinal()}. */
public enum Education {
  NONE("不限"),
  PRIMARY("小学"),
  JUNIOR_HIGH("初中"),
  SENIOR_HIGH("高中"),
  VOCATIONAL("中专"),
  ASSOCIATE("大专"),
  BACHELOR("本科"),
  MASTER("研究生");

  private final String label;

  Education(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** True when this level meets the given minimum. */
  public boolean meets(Education minimum) {
    return minimum == null || ordinal() >= minimum.ordinal();
  }

  /** Chinese labels, for spreadsheets. */
  public static final Map<String, Education> LABELS =
      Map.ofEntries(
          Map.entry("不限", NONE),
          Map.entry("无", NONE),
          Map.entry("小学", PRIMARY),
          Map.entry("初中", JUNIOR_HIGH),
          Map.entry("高中", SENIOR_HIGH),
          Map.entry("中专", VOCATIONAL),
          Map.entry("职高", VOCATIONAL),
          Map.entry("技校", VOCATIONAL),
          Map.entry("大专", ASSOCIATE),
          Map.entry("本科", BACHELOR),
          Map.entry("研究生", MASTER),
          Map.entry("硕士", MASTER));
}
