package hongniang.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A benchmark's settings by their property names ({@code bench.dir}, {@code bench.quick}, ...):
 * from the system properties the Maven profile passes on when run as a command, from a map when a
 * test runs it in process. A missing or unreadable value is the default.
 */
final class BenchProperties {

  private final UnaryOperator<String> lookup;

  private BenchProperties(UnaryOperator<String> lookup) {
    this.lookup = lookup;
  }

  /** The JVM's system properties: {@code -Dbench.quick=true} and the like. */
  static BenchProperties system() {
    return new BenchProperties(System::getProperty);
  }

  /** The given values only; every other setting is its default. */
  static BenchProperties of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return new BenchProperties(copy::get);
  }

  String string(String name, String fallback) {
    String value = lookup.apply(name);
    return value == null ? fallback : value;
  }

  /** As {@link Integer#getInteger(String, int)} does it. */
  int integer(String name, int fallback) {
    String value = lookup.apply(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.decode(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** True only for "true" (any case); the fallback when the property is missing. */
  boolean flag(String name, boolean fallback) {
    String value = lookup.apply(name);
    return value == null ? fallback : Boolean.parseBoolean(value);
  }

  /** A path, made absolute against the working directory (the project root under Maven). */
  Path path(String name, String fallback) {
    return Path.of(string(name, fallback)).toAbsolutePath();
  }

  /**
   * {@code bench.set}: service settings for a developer's run, {@code
   * hongniang.search.poll-ms=20,hongniang.search.commit-ms=1000}.
   */
  Map<String, Object> serviceSettings() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String pair : string("bench.set", "").split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return out;
  }
}
