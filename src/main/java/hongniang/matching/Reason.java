package hongniang.matching;

/** One line a person can read, in Chinese and in English. */
public record Reason(String zh, String en) {

  static Reason of(String zh, String en) {
    return new Reason(zh, en);
  }
}
