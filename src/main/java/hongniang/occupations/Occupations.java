package hongniang.occupations;

import hongniang.common.ResourceFiles;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The vocabulary of work: occupation names (official and colloquial) to a code and a group, and the
 * synonym groups of job names and skills, from the files in {@code search-index/}. Search analyses
 * text with it, matching resolves names and skills through it. Immutable and thread-safe.
 */
public final class Occupations {

  /** Names to codes to groups. */
  public static final String OCCUPATIONS = "occupations.tsv";

  /** Groups and their labels. */
  public static final String GROUPS = "occupation-groups.tsv";

  /** Synonym groups of job names and skills, one group a line, members separated by commas. */
  public static final String SYNONYMS = "synonyms.txt";

  /** The 职业分类大典 (2022): every major, medium and small group and occupation. */
  public static final String CLASSIFICATION = "occupation-classification.tsv";

  /** This project's HN-* codes and the 大典 node each belongs under. */
  public static final String LOCAL_CODES = "occupation-local-codes.tsv";

  /** A node of the classification: its code and name. */
  public record Node(String code, String name) {}

  /** The files the vocabulary is read from. */
  public static final List<String> FILES = List.of(OCCUPATIONS, GROUPS, SYNONYMS);

  private static final Pattern SPACE = Pattern.compile("\\s+");

  /** An occupation: its name (the first name listed for its code), code and group id. */
  public record Occupation(String name, String code, String group) {}

  private record Labels(String zh, String en) {}

  private final Map<String, Labels> groups;
  private final Map<String, Occupation> byCode;
  private final Map<String, Occupation> byName;
  private final Map<Character, List<Map.Entry<String, Occupation>>> namesByFirstChar;
  private final List<Occupation> all;
  private final Map<String, Set<String>> namesByGroup;
  private final List<Set<String>> synonymGroups;
  private final Map<String, List<Set<String>>> synonymGroupsByTerm;
  private Map<String, String> nodes; // classification code to name, read on first use
  private Map<String, String> parents; // HN-* code to its 大典 node

  private Occupations(List<String[]> groupRows, List<String[]> rows, List<String> synonymLines) {
    Map<String, Labels> groups = new LinkedHashMap<>();
    for (String[] row : groupRows) {
      groups.put(row[0], new Labels(row[1], row[2]));
    }
    Map<String, Occupation> byCode = new LinkedHashMap<>();
    Map<String, Occupation> byName = new HashMap<>();
    Map<String, Set<String>> namesByGroup = new LinkedHashMap<>();
    groups.keySet().forEach(g -> namesByGroup.put(g, new LinkedHashSet<>()));
    for (String[] row : rows) {
      String name = row[0];
      String group = row[2];
      if (!groups.containsKey(group)) {
        throw new IllegalStateException(OCCUPATIONS + ": unknown group " + group + " of " + name);
      }
      Occupation occupation =
          byCode.computeIfAbsent(row[1], code -> new Occupation(name, code, group));
      if (!occupation.group().equals(group)) {
        throw new IllegalStateException(OCCUPATIONS + ": code " + row[1] + " is in two groups");
      }
      if (byName.put(key(name), occupation) != null) {
        throw new IllegalStateException(OCCUPATIONS + ": " + name + " is listed twice");
      }
      namesByGroup.get(group).add(name);
    }
    List<Set<String>> synonymGroups = parseSynonyms(synonymLines);
    Map<String, List<Set<String>>> synonymGroupsByTerm = new HashMap<>();
    for (Set<String> group : synonymGroups) {
      for (String term : group) {
        synonymGroupsByTerm.computeIfAbsent(key(term), k -> new ArrayList<>()).add(group);
      }
    }
    this.groups = Collections.unmodifiableMap(groups);
    this.byCode = Collections.unmodifiableMap(byCode);
    this.byName = Map.copyOf(byName);
    List<Map.Entry<String, Occupation>> longest = new ArrayList<>(byName.entrySet());
    // names of two characters or more (one says too little), longest first at each position
    longest.removeIf(e -> e.getKey().length() < 2);
    longest.sort(
        Comparator.<Map.Entry<String, Occupation>>comparingInt(e -> -e.getKey().length())
            .thenComparing(Map.Entry::getKey));
    Map<Character, List<Map.Entry<String, Occupation>>> byFirst = new HashMap<>();
    for (Map.Entry<String, Occupation> e : longest) {
      byFirst.computeIfAbsent(e.getKey().charAt(0), c -> new ArrayList<>()).add(e);
    }
    this.namesByFirstChar = Map.copyOf(byFirst);
    this.all = List.copyOf(byCode.values());
    namesByGroup.replaceAll((g, names) -> Collections.unmodifiableSet(names));
    this.namesByGroup = Collections.unmodifiableMap(namesByGroup);
    this.synonymGroups = List.copyOf(synonymGroups);
    this.synonymGroupsByTerm = Map.copyOf(synonymGroupsByTerm);
  }

  /** The vocabulary shipped under {@code search-index/}. */
  public static Occupations load() {
    return new Occupations(
        ResourceFiles.table(GROUPS, "group", "zh", "en"),
        ResourceFiles.table(OCCUPATIONS, "name", "code", "group"),
        ResourceFiles.lines(SYNONYMS));
  }

  /**
   * The occupation of a name: a listed name (清洁工 gives 保洁员), else the first listed member of the
   * name's synonym group (公益性岗位 gives 社区协管员). Case, width and spaces do not matter.
   */
  public Optional<Occupation> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = key(name);
    Occupation direct = byName.get(key);
    if (direct != null) {
      return Optional.of(direct);
    }
    for (Set<String> group : synonymGroupsByTerm.getOrDefault(key, List.of())) {
      for (String member : group) {
        Occupation occupation = byName.get(key(member));
        if (occupation != null) {
          return Optional.of(occupation);
        }
      }
    }
    return Optional.empty();
  }

  /** The occupation of a code, if it is listed. */
  public Optional<Occupation> byCode(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  /**
   * Where a code stands in the 职业分类大典, major group first: 4-09-08-01 gives 4 社会生产服务和生活服务人员, 4-09,
   * 4-09-08 and 4-09-08-01 保洁员; an HN-* code the path of the node it belongs under; empty for a
   * code of neither.
   */
  public synchronized List<Node> classification(String code) {
    if (nodes == null) {
      Map<String, String> n = new HashMap<>();
      ResourceFiles.table(CLASSIFICATION, "code", "level", "name").forEach(r -> n.put(r[0], r[2]));
      Map<String, String> p = new HashMap<>();
      ResourceFiles.table(LOCAL_CODES, "code", "parent", "name").forEach(r -> p.put(r[0], r[1]));
      nodes = n;
      parents = p;
    }
    String at = code == null ? null : parents.getOrDefault(code, code);
    if (at == null || !nodes.containsKey(at)) {
      return List.of();
    }
    List<Node> path = new ArrayList<>();
    String[] parts = at.split("-");
    StringBuilder prefix = new StringBuilder();
    for (String part : parts) {
      prefix.append(prefix.length() == 0 ? "" : "-").append(part);
      String name = nodes.get(prefix.toString());
      if (name != null) {
        path.add(new Node(prefix.toString(), name));
      }
    }
    return List.copyOf(path);
  }

  /** True for a group id of the list. */
  public boolean isGroup(String group) {
    return groups.containsKey(group);
  }

  /** Every occupation once, in file order. */
  public List<Occupation> all() {
    return all;
  }

  /** Every listed name, official and colloquial. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    namesByGroup.values().forEach(names::addAll);
    return Collections.unmodifiableSet(names);
  }

  /** The group ids, in file order. */
  public Set<String> groups() {
    return groups.keySet();
  }

  /** A group's label: Chinese for a Chinese locale, English otherwise; the id if unknown. */
  public String groupLabel(String group, Locale locale) {
    Labels labels = groups.get(group);
    if (labels == null) {
      return group;
    }
    return "zh".equals(locale.getLanguage()) ? labels.zh() : labels.en();
  }

  /** All listed names in the same occupation group as a name (保安 gives 停车管理员 too); or none. */
  public Set<String> sameGroup(String name) {
    return find(name).map(o -> namesByGroup.get(o.group())).orElse(Set.of());
  }

  /** The members of a term's synonym group, the term included; empty if it is in none. */
  public Set<String> synonymsOf(String term) {
    if (term == null) {
      return Set.of();
    }
    List<Set<String>> groups = synonymGroupsByTerm.getOrDefault(key(term), List.of());
    if (groups.size() == 1) {
      return groups.get(0);
    }
    // a term in two groups: the analyzer expands to both, so say both
    Set<String> members = new LinkedHashSet<>();
    groups.forEach(members::addAll);
    return Collections.unmodifiableSet(members);
  }

  /** The synonym groups of synonyms.txt, in file order. */
  public List<Set<String>> synonymGroups() {
    return synonymGroups;
  }

  /**
   * A skill's key: the first member of its synonym group (保洁 and 清洁卫生 share one), else the skill
   * itself, folded like a lookup key. Matching compares skills by key.
   */
  public String skillKey(String skill) {
    if (skill == null) {
      return "";
    }
    List<Set<String>> groups = synonymGroupsByTerm.getOrDefault(key(skill), List.of());
    return groups.isEmpty() ? key(skill) : key(groups.get(0).iterator().next());
  }

  /** Where a listed name stands in a folded text: {@code [start, end)}, and its occupation. */
  public record Mention(int start, int end, Occupation occupation) {}

  /**
   * The occupations a text names (a work history: "在医院做过三年保洁员"), each once, in the order they first
   * appear. Names are looked up by their first character, so a long history costs a few hundred
   * comparisons, not one scan per listed name.
   */
  public List<Occupation> mentionedIn(String text) {
    Map<String, Occupation> found = new LinkedHashMap<>();
    mentions(key(text == null ? "" : text))
        .forEach(m -> found.putIfAbsent(m.occupation().code(), m.occupation()));
    return List.copyOf(found.values());
  }

  /**
   * The listed names in a text folded as {@link #key} folds it, longest first at each place, none
   * inside another (挡车工 is not also 车工).
   */
  List<Mention> mentions(String folded) {
    List<Mention> out = new ArrayList<>();
    int i = 0;
    while (i < folded.length()) {
      int next = i + 1;
      for (Map.Entry<String, Occupation> e :
          namesByFirstChar.getOrDefault(folded.charAt(i), List.of())) {
        if (folded.startsWith(e.getKey(), i)) {
          out.add(new Mention(i, i + e.getKey().length(), e.getValue()));
          next = i + e.getKey().length();
          break;
        }
      }
      i = next;
    }
    return out;
  }

  private static List<Set<String>> parseSynonyms(List<String> lines) {
    List<Set<String>> groups = new ArrayList<>();
    for (String line : lines) {
      if (line.contains("=>")) {
        // every member of a group stands for every other: search and matching both read it so
        throw new IllegalStateException(
            SYNONYMS + ": one-way rules (=>) are not supported: " + line);
      }
      Set<String> members = new LinkedHashSet<>();
      for (String term : line.split(",")) {
        if (!term.isBlank()) {
          members.add(term.strip());
        }
      }
      groups.add(Collections.unmodifiableSet(members));
    }
    return groups;
  }

  /** A name as a lookup key: full width folded, lower case, no spaces. */
  static String key(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
    return SPACE.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
