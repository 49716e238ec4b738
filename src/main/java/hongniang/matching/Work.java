package hongniang.matching;

/**
 * An occupation as the occupation list knows it: the name a person used, its code and its group.
 * Two names with the same code are the same work (保姆 and 家政服务员). A name the list does not hold has
 * a code of its own, so the same name on the other side is the same work; {@code readAs} is then
 * the listed name it was read as (its group is that name's), or null when it shares no word with
 * any.
 */
public record Work(String name, String code, String group, String readAs) {

  /** A listed name's work. */
  public Work(String name, String code, String group) {
    this(name, code, group, null);
  }

  /** The name and, for a name read as another, that name in brackets: 快递分拣打包员（按“分拣员”理解）. */
  String zh() {
    return readAs == null ? name : name + "（按“" + readAs + "”理解）";
  }

  /** The name and, for a name read as another, that name: 快递分拣打包员 (read as 分拣员). */
  String en() {
    return readAs == null ? name : name + " (read as " + readAs + ")";
  }
}
