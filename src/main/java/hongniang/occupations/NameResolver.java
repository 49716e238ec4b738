package hongniang.occupations;

import hongniang.occupations.Occupations.Occupation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How a job name people write is read: a listed name (or the street office's local name) is its
 * occupation; any other name keeps a code of its own, so the identical name on the other side is
 * the same work, and is read as a listed name it shares telling words with, whose group it joins:
 * the group its telling words point to most (快递 and 分拣 outweigh 打包, so 快递分拣打包员 is logistics), then
 * the name in it most alike (分拣员). No name is ever unknown to matching. Thread-safe; local names
 * replace atomically.
 */
public final class NameResolver {

  /** The prefix of the code a name not in the list gets: the name itself, folded. */
  public static final String OWN_CODE = "~";

  /** How a name was read. */
  public enum Kind {
    /** A name of the list shipped under {@code search-index/}. */
    LISTED,
    /** A name the street office added. */
    LOCAL,
    /** Not listed: read as the listed name of the group its telling words point to most. */
    READ_AS,
    /** Not listed and sharing no telling word with any listed name. */
    UNKNOWN
  }

  /**
   * A name as read: its kind; the occupation it is (listed, local) or is read as (read as); the
   * code and group matching compares; the words it shares with the name it is read as.
   */
  public record Resolved(
      String name,
      Kind kind,
      Occupation occupation,
      String readAs,
      String code,
      String group,
      List<String> sharedWords) {}

  /** Words in more than this share of the occupations say little alone (员, 工, 师, 人员). */
  private static final double GENERIC_SHARE = 0.02;

  /**
   * The share of a name's word weight its reading's group must account for: below it the name is
   * read as nothing rather than guessed from a word that names a place or a thing (汽车, 社区).
   */
  private static final double MIN_EVIDENCE_SHARE = 0.3;

  /** Resolutions kept; the cache is emptied when it grows past this. */
  private static final int CACHE_LIMIT = 50_000;

  private final Occupations occupations;
  private final NameWords words;
  private final Supplier<List<LocalName>> localSource;
  private final Map<String, Resolved> cache = new ConcurrentHashMap<>();
  private volatile State state;

  /** The file vocabulary with local names from {@code local}, read when first needed. */
  public NameResolver(Occupations occupations, NameWords words, Supplier<List<LocalName>> local) {
    this.occupations = occupations;
    this.words = words;
    this.localSource = local;
  }

  /** The file vocabulary alone. */
  public static NameResolver of(Occupations occupations, NameWords words) {
    return new NameResolver(occupations, words, List::of);
  }

  /** A name as the vocabulary looks it up: full width folded, lower case, no spaces. */
  public static String key(String name) {
    return Occupations.key(name);
  }

  /** The file vocabulary. */
  public Occupations occupations() {
    return occupations;
  }

  /** Replaces the local names: resolutions read them from now on. */
  public synchronized void setLocal(List<LocalName> local) {
    state = new State(occupations, words, local);
    cache.clear();
  }

  /** The local names in force. */
  public List<LocalName> local() {
    return state().local;
  }

  /** How a name is read; null for a blank name. */
  public Resolved resolve(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    State s = state();
    String key = Occupations.key(name);
    Resolved cached = cache.get(key);
    if (cached != null && cached.name().equals(name)) {
      return cached;
    }
    Resolved r = s.resolve(name.strip(), key);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(key, r);
    return r;
  }

  /**
   * The occupations a text names, listed and local, each once, in the order they first appear. A
   * two-character name counts only where it is a whole word or words of the text: 管工 is not in
   * 主管工作, nor 磨工 in 打磨工件.
   */
  public List<Occupation> mentionedIn(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String folded = Occupations.key(text);
    List<Occupations.Mention> mentions = occupations.mentions(folded);
    Set<Integer> edges = null;
    Map<String, Occupation> found = new LinkedHashMap<>();
    for (Occupations.Mention m : mentions) {
      if (m.end() - m.start() <= 2) {
        if (edges == null) {
          edges = wordEdges(folded);
        }
        if (!edges.contains(m.start()) || !edges.contains(m.end())) {
          continue;
        }
      }
      found.putIfAbsent(m.occupation().code(), m.occupation());
    }
    State s = state();
    for (Map.Entry<String, Occupation> e : s.localByKey.entrySet()) {
      if (e.getKey().length() >= 2 && folded.contains(e.getKey())) {
        found.putIfAbsent(e.getValue().code(), e.getValue());
      }
    }
    return List.copyOf(found.values());
  }

  /** Where the text's words begin and end, in the folded text. */
  private Set<Integer> wordEdges(String folded) {
    Set<Integer> edges = new HashSet<>();
    int from = 0;
    for (String w : words.words(folded)) {
      int at = folded.indexOf(w, from);
      if (at >= 0) {
        edges.add(at);
        edges.add(at + w.length());
        from = at + w.length();
      }
    }
    return edges;
  }

  private State state() {
    State s = state;
    if (s == null) {
      synchronized (this) {
        s = state;
        if (s == null) {
          s = new State(occupations, words, localSource.get());
          state = s;
        }
      }
    }
    return s;
  }

  /** The local names and the word index of every known name, built together. */
  private static final class State {
    private final Occupations occupations;
    private final NameWords words;
    private final List<LocalName> local;
    private final Map<String, Occupation> localByKey = new LinkedHashMap<>();
    private final Map<String, List<Known>> byWord = new HashMap<>();
    private final Map<String, Double> weight = new HashMap<>();
    private final Set<String> generic = new HashSet<>();
    private double unseen; // the weight of a word no known name has: the rarest there is

    /** A known name sharing a telling word: how alike, and the last shared word's place. */
    private record Candidate(Known known, double score, int head) {}

    /** A known name, its occupation, and its words' weights. */
    private record Known(String name, Occupation occupation, List<String> words, double norm) {}

    State(Occupations occupations, NameWords words, List<LocalName> local) {
      this.occupations = occupations;
      this.words = words;
      this.local = List.copyOf(local);
      Map<String, Occupation> localCodes = new HashMap<>();
      for (LocalName l : local) {
        Occupation o =
            occupations
                .byCode(l.code())
                .orElseGet(
                    () ->
                        localCodes.computeIfAbsent(
                            l.code(), c -> new Occupation(l.name(), c, l.group())));
        localByKey.put(Occupations.key(l.name()), o);
      }
      Map<String, Occupation> names = new LinkedHashMap<>();
      for (String name : occupations.names()) {
        occupations.find(name).ifPresent(o -> names.put(name, o));
      }
      for (Set<String> group : occupations.synonymGroups()) {
        for (String term : group) {
          occupations.find(term).ifPresent(o -> names.putIfAbsent(term, o));
        }
      }
      local.forEach(l -> names.put(l.name(), localByKey.get(Occupations.key(l.name()))));
      Map<String, List<String>> wordsOf = new LinkedHashMap<>();
      Map<String, Set<String>> codesOf = new HashMap<>();
      names.forEach(
          (name, o) -> {
            List<String> w = distinct(words.words(name));
            wordsOf.put(name, w);
            w.forEach(x -> codesOf.computeIfAbsent(x, k -> new HashSet<>()).add(o.code()));
          });
      int codes =
          Math.max(1, (int) names.values().stream().map(Occupation::code).distinct().count());
      unseen = Math.log(1.0 + codes);
      codesOf.forEach(
          (w, c) -> {
            weight.put(w, Math.log(1.0 + (double) codes / c.size()));
            if (c.size() > GENERIC_SHARE * codes) {
              generic.add(w);
            }
          });
      names.forEach(
          (name, o) -> {
            List<String> w = wordsOf.get(name);
            Known k = new Known(name, o, w, norm(w));
            w.forEach(x -> byWord.computeIfAbsent(x, key -> new ArrayList<>()).add(k));
          });
    }

    Resolved resolve(String name, String key) {
      Occupation local = localByKey.get(key);
      if (local != null) {
        return new Resolved(name, Kind.LOCAL, local, null, local.code(), local.group(), List.of());
      }
      Optional<Occupation> listed = occupations.find(name);
      if (listed.isPresent()) {
        Occupation o = listed.get();
        return new Resolved(name, Kind.LISTED, o, null, o.code(), o.group(), List.of());
      }
      String own = OWN_CODE + key;
      List<String> mine = distinct(words.words(name));
      // a Chinese compound's head comes last (快递分拣打包员 is a kind of 打包员): later words weigh more
      double[] mineWeights = new double[mine.size()];
      double mineNorm = 0;
      for (int i = 0; i < mine.size(); i++) {
        double place = mine.size() == 1 ? 1 : 0.5 + 0.5 * i / (mine.size() - 1);
        mineWeights[i] = weight.getOrDefault(mine.get(i), unseen) * place;
        mineNorm += mineWeights[i] * mineWeights[i];
      }
      mineNorm = Math.sqrt(Math.max(mineNorm, 1e-12));
      // every listed name sharing a telling word, and the evidence each group has: a group gathers
      // each telling word once, at its weight in the name (快递 and 分拣 both say logistics)
      List<Candidate> candidates = new ArrayList<>();
      Map<String, Map<String, Double>> evidence = new HashMap<>();
      Set<Known> seen = new HashSet<>();
      for (String w : mine) {
        for (Known k : byWord.getOrDefault(w, List.of())) {
          if (!seen.add(k)) {
            continue;
          }
          double dot = 0;
          int head = -1;
          boolean telling = false;
          for (int i = 0; i < mine.size(); i++) {
            String x = mine.get(i);
            if (k.words().contains(x)) {
              double contribution = mineWeights[i] * weight.getOrDefault(x, unseen);
              dot += contribution;
              head = i;
              // one character (手, 工) or a word in many names (员, 人员) does not tell the work
              if (x.length() >= 2 && !generic.contains(x)) {
                telling = true;
                // the word's own weight, once: squared, one rare word would outvote two telling
                // ones
                evidence
                    .computeIfAbsent(k.occupation().group(), g -> new HashMap<>())
                    .put(x, mineWeights[i]);
              }
            }
          }
          if (telling) {
            candidates.add(new Candidate(k, dot / (mineNorm * k.norm()), head));
          }
        }
      }
      double groupScore = 0;
      for (Map<String, Double> words : evidence.values()) {
        groupScore = Math.max(groupScore, words.values().stream().mapToDouble(d -> d).sum());
      }
      double total = 0;
      for (double w : mineWeights) {
        total += w;
      }
      // the strongest groups, and in them the name most alike; too little shared says nothing
      // (社区团购团长 shares only 社区 with 社区护士: a place, not the work)
      Known best = null;
      double bestScore = 0;
      int bestHead = -1;
      if (groupScore >= MIN_EVIDENCE_SHARE * total) {
        for (Candidate c : candidates) {
          double sum =
              evidence.get(c.known().occupation().group()).values().stream()
                  .mapToDouble(d -> d)
                  .sum();
          if (sum >= groupScore - 1e-9
              && better(c.score(), c.head(), c.known(), bestScore, bestHead, best)) {
            best = c.known();
            bestScore = c.score();
            bestHead = c.head();
          }
        }
      }
      if (best == null) {
        return new Resolved(name, Kind.UNKNOWN, null, null, own, own, List.of());
      }
      List<String> shared = new ArrayList<>(mine);
      shared.retainAll(best.words());
      return new Resolved(
          name,
          Kind.READ_AS,
          best.occupation(),
          best.name(),
          own,
          best.occupation().group(),
          List.copyOf(shared));
    }

    /**
     * More alike first; then the later shared word (a Chinese compound's head comes last: 快递分拣打包员
     * is a kind of 打包员); then the shorter name; then the name, so the choice never wavers.
     */
    private static boolean better(
        double score, int head, Known k, double bestScore, int bestHead, Known best) {
      if (best == null) {
        return true;
      }
      if (Math.abs(score - bestScore) > 1e-9) {
        return score > bestScore;
      }
      if (head != bestHead) {
        return head > bestHead;
      }
      if (k.name().length() != best.name().length()) {
        return k.name().length() < best.name().length();
      }
      return k.name().compareTo(best.name()) < 0;
    }

    private double norm(List<String> w) {
      double sum = 0;
      for (String x : w) {
        double wx = weight.getOrDefault(x, unseen);
        sum += wx * wx;
      }
      return Math.sqrt(Math.max(sum, 1e-12));
    }

    private static List<String> distinct(List<String> w) {
      return List.copyOf(new LinkedHashSet<>(w));
    }
  }
}
