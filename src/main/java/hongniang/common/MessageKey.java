package hongniang.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text apart from its language: a key of the message bundles ({@code i18n/messages_zh} and {@code
 * _en}) and the named arguments its {@code {name}} placeholders take. The web layer renders it in
 * the caller's language; an argument may itself be a key (a unit, a limit) or an enum value (shown
 * with its label).
 */
public record MessageKey(String key, Map<String, Object> args) {

  public MessageKey {
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }

  /** A key with no arguments. */
  public static MessageKey of(String key) {
    return new MessageKey(key, Map.of());
  }

  /** This key with one more argument; a null value is left out. */
  public MessageKey with(String name, Object value) {
    if (value == null) {
      return this;
    }
    Map<String, Object> more = new LinkedHashMap<>(args);
    more.put(name, value);
    return new MessageKey(key, more);
  }
}
