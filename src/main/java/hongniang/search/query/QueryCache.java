package hongniang.search.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The queries built from recent texts. Analysing a text (smartcn segmentation, synonyms and pinyin
 * for every field, twice: words and wider pass) cost about a tenth of a posting search, and people
 * type the same few words again and again (保洁, 保安, 家政). Lucene queries are immutable, and the
 * analysis only changes with a restart, so a query built once serves every later search for the
 * same text. At most {@value #SIZE} texts, the least recently used dropped first; results are not
 * cached.
 */
final class QueryCache<V> {

  static final int SIZE = 2_048;

  private final Map<String, V> recent =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
          return size() > SIZE;
        }
      };

  /** The value for the text, built and remembered when it is new. */
  V get(String text, Function<String, V> build) {
    synchronized (recent) {
      V v = recent.get(text);
      if (v != null) {
        return v;
      }
    }
    // built outside the lock: two threads may both build a new text once, which is harmless
    V built = build.apply(text);
    synchronized (recent) {
      recent.put(text, built);
    }
    return built;
  }
}
