package hongniang.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Links of the site: a path with its query, encoded. */
public final class Links {

  private Links() {}

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The path with the parameters that have a value, in order. */
  public static String of(String path, Map<String, Object> params) {
    StringJoiner query = new StringJoiner("&");
    params.forEach(
        (name, value) -> {
          if (value != null && !value.toString().isEmpty()) {
            query.add(encode(name) + "=" + encode(value.toString()));
          }
        });
    return query.length() == 0 ? path : path + "?" + query;
  }

  /** The parameters with one changed (or removed when null). */
  public static Map<String, Object> with(Map<String, Object> params, String name, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(params);
    changed.put(name, value);
    return changed;
  }
}
