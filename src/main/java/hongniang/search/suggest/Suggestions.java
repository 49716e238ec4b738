package hongniang.search.suggest;

import hongniang.search.analysis.Analysis;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Autocomplete over posting titles and occupation names, by characters (保), full pinyin ({@code
 * bao}) or initials ({@code bj}), from the start of any word of a text; most often added first,
 * then shorter. Immutable and thread-safe: build a new one with {@link #builder} and swap the
 * reference (a volatile field or an AtomicReference) to rebuild without blocking readers.
 */
final class Suggestions {

  /** The most suggestions one call returns, whatever limit is asked for. */
  static final int MAX_LIMIT = 50;

  /** Characters of a key; longer input is cut to the same length, so it still matches. */
  static final int MAX_KEY = 64;

  /** Words of a text whose starts become keys. */
  private static final int MAX_WORDS = 32;

  /** One suggestion: the text as first added, its kind (title, occupation) and popularity. */
  record Suggestion(String text, String kind, int weight) {}

  private static final Suggestions EMPTY =
      new Suggestions(new Suggestion[0], new String[0], new int[0]);

  /** Suggestions in result order: most added first, then shorter, then by text. */
  private final Suggestion[] ranked;

  /** Sorted keys; the leaf {@code leaves + i} of {@link #best} is the owner of {@code keys[i]}. */
  private final String[] keys;

  /** Number of leaves of the tree: the keys, rounded up to a power of two. */
  private final int leaves;

  /**
   * A segment tree over the owners: {@code best[node]} is the best-ranked (smallest) owner under a
   * node, leaves at {@code leaves + i}; padding leaves hold {@link Integer#MAX_VALUE}.
   */
  private final int[] best;

  private Suggestions(Suggestion[] ranked, String[] keys, int[] owners) {
    this.ranked = ranked;
    this.keys = keys;
    this.leaves = Integer.highestOneBit(Math.max(1, keys.length - 1)) << 1;
    this.best = new int[2 * leaves];
    Arrays.fill(best, Integer.MAX_VALUE);
    System.arraycopy(owners, 0, best, leaves, owners.length);
    for (int node = leaves - 1; node > 0; node--) {
      best[node] = Math.min(best[2 * node], best[2 * node + 1]);
    }
  }

  /** No suggestions at all, until the first build. */
  static Suggestions empty() {
    return EMPTY;
  }

  /** A builder that splits texts into words with the index analyzer. */
  static Builder builder(Analysis analyzers) {
    return new Builder(analyzers);
  }

  /** How many distinct texts there are. */
  int size() {
    return ranked.length;
  }

  /** Up to {@code limit} suggestions for what someone typed; empty for blank or odd input. */
  List<Suggestion> suggest(String prefix, int limit) {
    String typed = normalize(prefix);
    int wanted = Math.min(limit, MAX_LIMIT);
    if (typed.isEmpty() || wanted <= 0) {
      return List.of();
    }
    // the keys that start with the input are one run of the sorted array (keys hold no U+FFFF)
    int from = firstAtLeast(typed);
    int to = firstAtLeast(typed + Character.MAX_VALUE);
    // best-first walk of the tree: the run's covering nodes, then children of the best node,
    // until enough distinct owners; a short input ("b") matching half the keys costs the same
    PriorityQueue<Integer> nodes = new PriorityQueue<>(Comparator.comparingInt(n -> best[n]));
    for (int l = from + leaves, r = to + leaves; l < r; l >>= 1, r >>= 1) {
      if ((l & 1) == 1) {
        nodes.add(l++);
      }
      if ((r & 1) == 1) {
        nodes.add(--r);
      }
    }
    Set<Integer> taken = new HashSet<>();
    List<Suggestion> result = new ArrayList<>(wanted);
    while (!nodes.isEmpty() && result.size() < wanted) {
      int node = nodes.poll();
      if (node >= leaves) {
        if (taken.add(best[node])) {
          result.add(ranked[best[node]]);
        }
      } else {
        nodes.add(2 * node);
        nodes.add(2 * node + 1);
      }
    }
    return result;
  }

  /** The index of the first key not less than the given one (keys repeat, one per owner). */
  private int firstAtLeast(String key) {
    int low = 0;
    int high = keys.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (keys[mid].compareTo(key) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * Text as a key: NFKC (full width folded), lower case, letters and digits only, at most {@value
   * #MAX_KEY} characters; so {@code "Bao jie"} is {@code baojie} and {@code "*"} is nothing.
   */
  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String head = text.length() > MAX_KEY * 4 ? text.substring(0, MAX_KEY * 4) : text;
    String folded = Normalizer.normalize(head, Normalizer.Form.NFKC);
    StringBuilder key = new StringBuilder(folded.length());
    folded
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .map(Character::toLowerCase)
        .forEach(key::appendCodePoint);
    return cut(key.toString().replace('ü', 'v'));
  }

  private static String cut(String key) {
    return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
  }

  /** Collects texts and how often each was added; not thread-safe, build once and discard. */
  static final class Builder {
    private final Analysis analyzers;
    private final Map<String, Map<String, Integer>> kindsByText = new LinkedHashMap<>();

    private Builder(Analysis analyzers) {
      this.analyzers = analyzers;
    }

    /** Counts one more use of a text (a posting title, an occupation name) of a kind. */
    Builder add(String text, String kind) {
      if (text == null || kind == null) {
        return this;
      }
      String shown = text.strip().replaceAll("\\s+", " ");
      if (!shown.isEmpty() && !normalize(shown).isEmpty()) {
        kindsByText.computeIfAbsent(shown, t -> new TreeMap<>()).merge(kind, 1, Integer::sum);
      }
      return this;
    }

    /** The immutable suggestions of everything added so far. */
    Suggestions build() {
      List<Suggestion> all = new ArrayList<>(kindsByText.size());
      kindsByText.forEach((text, kinds) -> all.add(suggestion(text, kinds)));
      all.sort(
          Comparator.comparingInt(Suggestion::weight)
              .reversed()
              .thenComparingInt(s -> s.text().length())
              .thenComparing(Suggestion::text));
      Suggestion[] ranked = all.toArray(Suggestion[]::new);
      // key -> owners; a key shared by two texts (two titles with the same pinyin) keeps both
      TreeMap<String, List<Integer>> index = new TreeMap<>();
      for (int r = 0; r < ranked.length; r++) {
        for (String key : keys(ranked[r].text())) {
          index.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
      }
      int size = index.values().stream().mapToInt(List::size).sum();
      String[] keys = new String[size];
      int[] owners = new int[size];
      int i = 0;
      for (Map.Entry<String, List<Integer>> entry : index.entrySet()) {
        for (int owner : entry.getValue()) {
          keys[i] = entry.getKey();
          owners[i++] = owner;
        }
      }
      return new Suggestions(ranked, keys, owners);
    }

    private static Suggestion suggestion(String text, Map<String, Integer> kinds) {
      // the kind most often added wins, ties alphabetically (the TreeMap's order), so that a
      // rebuild from the same rows in another order gives the same answer
      String kind = null;
      int best = 0;
      int weight = 0;
      for (Map.Entry<String, Integer> entry : kinds.entrySet()) {
        weight += entry.getValue();
        if (entry.getValue() > best) {
          best = entry.getValue();
          kind = entry.getKey();
        }
      }
      return new Suggestion(text, kind, weight);
    }

    /** The keys of a text: from each word start, the characters, full pinyin and initials. */
    private Set<String> keys(String text) {
      List<String> words = analyzers.words(text);
      if (words.size() > MAX_WORDS) {
        words = words.subList(0, MAX_WORDS);
      }
      Set<String> keys = new LinkedHashSet<>();
      // the whole text as typed too, stop words and all (招聘保洁员 from 招)
      addKeys(normalize(text), keys);
      for (int start = 0; start < words.size(); start++) {
        addKeys(normalize(String.join("", words.subList(start, words.size()))), keys);
      }
      return keys;
    }

    private static void addKeys(String characters, Set<String> keys) {
      if (characters.isEmpty()) {
        return;
      }
      keys.add(characters);
      StringBuilder full = new StringBuilder();
      StringBuilder initials = new StringBuilder();
      Analysis.spell(characters, full, initials);
      if (!full.isEmpty()) {
        keys.add(cut(full.toString()));
        keys.add(cut(initials.toString()));
      }
    }
  }
}
