package hongniang.support;

import java.util.List;
import java.util.Map;

/**
 * An HTTP reply as a test reads it: status, content type, the JSON body as maps and lists, and the
 * headers (names in lower case, the first value of each).
 */
public record Reply(
    int status, String contentType, String text, Object json, Map<String, String> headers) {

  /** A header's first value, or null; the name in any case. */
  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** Reads a value by a path like {@code items[0].name} or {@code errors[1].field}. */
  public Object at(String path) {
    Object current = json;
    for (String part : path.split("\\.")) {
      String name = part;
      Integer index = null;
      int bracket = part.indexOf('[');
      if (bracket >= 0) {
        name = part.substring(0, bracket);
        index = Integer.parseInt(part.substring(bracket + 1, part.indexOf(']')));
      }
      if (!name.isEmpty()) {
        if (!(current instanceof Map<?, ?> map)) {
          throw new AssertionError("no field " + name + " in " + text);
        }
        current = map.get(name);
      }
      if (index != null) {
        if (!(current instanceof List<?> list) || list.size() <= index) {
          throw new AssertionError("no element " + index + " at " + path + " in " + text);
        }
        current = list.get(index);
      }
    }
    return current;
  }

  public String str(String path) {
    Object v = at(path);
    return v == null ? null : v.toString();
  }

  public long num(String path) {
    Object v = at(path);
    if (!(v instanceof Number n)) {
      throw new AssertionError("not a number at " + path + ": " + v + " in " + text);
    }
    return n.longValue();
  }

  public List<?> list(String path) {
    Object v = at(path);
    if (!(v instanceof List<?> l)) {
      throw new AssertionError("not a list at " + path + " in " + text);
    }
    return l;
  }

  /** The field errors of a problem response as "field:rule" strings. */
  public List<String> fieldRules() {
    return fieldRules(((Map<?, ?>) json).get("errors"));
  }

  /** The field errors of row {@code row} of an import report, as "field:rule" strings. */
  public List<String> rowFieldRules(int row) {
    return fieldRules(at("rows[" + row + "].errors"));
  }

  private static List<String> fieldRules(Object errors) {
    if (!(errors instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .map(e -> ((Map<?, ?>) e).get("field") + ":" + ((Map<?, ?>) e).get("rule"))
        .toList();
  }

  @Override
  public String toString() {
    return status + " " + contentType + " " + text;
  }
}
