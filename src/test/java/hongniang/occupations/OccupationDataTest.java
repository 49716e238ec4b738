package hongniang.occupations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.ResourceFiles;
import hongniang.occupations.Occupations.Occupation;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The vocabulary's data files agree with each other and with the 职业分类大典: the classification is a
 * well-formed tree of the documented size, every code of occupations.tsv is an occupation of it or
 * an HN-* code placed under it, every occupation of it is named, and groups follow the prefix map.
 */
class OccupationDataTest {

  static final String CLASSIFICATION = "occupation-classification.tsv";
  static final String GROUP_MAP = "occupation-group-map.tsv";
  static final String LOCAL_CODES = "occupation-local-codes.tsv";

  /** Code shapes by level: 大类 4, 中类 4-10, 小类 4-10-01, 职业 4-10-01-05. */
  private static final Map<Integer, Pattern> CODE_SHAPES =
      Map.of(
          1, Pattern.compile("[1-8]"),
          2, Pattern.compile("[1-8]-\\d\\d"),
          3, Pattern.compile("[1-8]-\\d\\d-\\d\\d"),
          4, Pattern.compile("[1-8]-\\d\\d-\\d\\d-\\d\\d"));

  /**
   * Nodes per level, as the source counts them, and the official totals of the 2022 edition that
   * the README gives (449 small groups and 1,636 occupations announced; the source tree has 450 and
   * 1,639).
   */
  private static final Map<Integer, int[]> LEVEL_COUNTS =
      Map.of(
          1,
          new int[] {8, 8},
          2,
          new int[] {79, 79},
          3,
          new int[] {449, 450},
          4,
          new int[] {1636, 1639});

  /** HN codes whose group is not their parent's, and why (see occupations.tsv). */
  private static final Map<String, String> GROUP_EXCEPTIONS =
      Map.of(
          // 天车工 (an overhead crane in a works) keeps the group it had; 起重装卸机械操作工 is driving
          "HN-CRANE", "manufacturing");

  /** Names residents and employers write, and the code each must resolve to. */
  private static final Map<String, String> COLLOQUIAL =
      Map.ofEntries(
          Map.entry("美甲师", "4-10-03-03"),
          Map.entry("拣货员", "HN-SORTER"),
          Map.entry("架子工", "6-29-01-05"),
          Map.entry("抄表员", "4-11-01-01"),
          Map.entry("网约车司机", "HN-TAXI-DRIVER"),
          Map.entry("代驾", "4-10-08-02"),
          Map.entry("陪诊员", "HN-MEDICAL-ESCORT"),
          Map.entry("整理收纳师", "HN-HOME-ORGANISER"),
          Map.entry("宠物美容师", "4-10-07-03"),
          Map.entry("开锁匠", "4-12-04-04"),
          Map.entry("药店营业员", "4-01-05-02"));

  private final Occupations occupations = Occupations.load();
  private final List<String[]> classification =
      ResourceFiles.table(CLASSIFICATION, "code", "level", "name");
  private final List<String[]> names =
      ResourceFiles.table(Occupations.OCCUPATIONS, "name", "code", "group");
  private final Map<String, String> groupMap =
      mapOf(ResourceFiles.table(GROUP_MAP, "prefix", "group"));
  private final Map<String, String> parents = new LinkedHashMap<>();
  private final Map<String, String> localNames = new LinkedHashMap<>();
  private final Map<String, Integer> levels = new LinkedHashMap<>();
  private final Map<String, String> officialNames = new LinkedHashMap<>();

  OccupationDataTest() {
    for (String[] row : classification) {
      levels.putIfAbsent(row[0], Integer.parseInt(row[1]));
      officialNames.putIfAbsent(row[0], row[2]);
    }
    for (String[] row : ResourceFiles.table(LOCAL_CODES, "code", "parent", "name")) {
      parents.merge(row[0], row[1], (a, b) -> a + " and " + b);
      localNames.putIfAbsent(row[0], row[2]);
    }
  }

  @Test
  void classificationIsAWellFormedTreeOfTheDocumentedSize() {
    List<String> bad = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    Map<Integer, Integer> counts = new TreeMap<>();
    for (String[] row : classification) {
      String code = row[0];
      int level = Integer.parseInt(row[1]);
      if (!seen.add(code)) {
        bad.add(code + " twice");
      }
      Pattern shape = CODE_SHAPES.get(level);
      if (shape == null || !shape.matcher(code).matches()) {
        bad.add(code + " is not a code of level " + level);
      }
      if (level > 1 && !seen.contains(parentOf(code))) {
        bad.add(code + " comes without its parent " + parentOf(code) + " before it");
      }
      if (row[2].isBlank() || !row[2].equals(row[2].strip()) || row[2].contains(" ")) {
        bad.add(code + " has the name [" + row[2] + "]");
      }
      counts.merge(level, 1, Integer::sum);
    }
    assertEquals(List.of(), bad);
    for (Map.Entry<Integer, int[]> e : LEVEL_COUNTS.entrySet()) {
      int n = counts.getOrDefault(e.getKey(), 0);
      assertTrue(
          n >= e.getValue()[0] && n <= e.getValue()[1],
          () -> "level " + e.getKey() + " has " + n + " nodes");
    }
  }

  @Test
  void everyOfficialCodeIsAnOccupationOfTheClassification() {
    List<String> unknown =
        names.stream()
            .map(row -> row[1])
            .distinct()
            .filter(code -> !code.startsWith("HN-"))
            .filter(code -> levels.getOrDefault(code, 0) != 4)
            .toList();
    assertEquals(List.of(), unknown);
  }

  @Test
  void everyLocalCodeHasOneParentInTheClassification() {
    List<String> bad = new ArrayList<>();
    Set<String> used =
        names.stream()
            .map(row -> row[1])
            .filter(c -> c.startsWith("HN-"))
            .collect(Collectors.toSet());
    for (String code : used) {
      String parent = parents.get(code);
      if (parent == null) {
        bad.add(code + " has no row in " + LOCAL_CODES);
      } else if (!levels.containsKey(parent) || levels.get(parent) < 3) {
        bad.add(code + "'s parent " + parent + " is no occupation or small group");
      } else if (!localNames.get(code).equals(occupationOf(code).name())) {
        bad.add(code + " is named " + occupationOf(code).name() + ", not " + localNames.get(code));
      }
    }
    parents.keySet().stream()
        .filter(code -> !used.contains(code))
        .forEach(code -> bad.add(code + " is in " + LOCAL_CODES + " but names nothing"));
    assertEquals(List.of(), bad);
  }

  @Test
  void everyOccupationOfTheClassificationIsNamed() {
    List<String> unnamed = new ArrayList<>();
    for (Map.Entry<String, Integer> e : levels.entrySet()) {
      if (e.getValue() != 4) {
        continue;
      }
      String code = e.getKey();
      String name = officialNames.get(code);
      String found = occupations.find(name).map(Occupation::code).orElse("nothing");
      // under its own code, or (保洁员) under the HN code that narrows it
      if (!found.equals(code) && !code.equals(parents.get(found))) {
        unnamed.add(code + " " + name + " -> " + found);
      }
    }
    assertEquals(List.of(), unnamed);
  }

  @Test
  void officialCodesOpenWithTheirOfficialName() {
    List<String> bad = new ArrayList<>();
    for (Occupation o : occupations.all()) {
      if (!o.code().startsWith("HN-") && !o.name().equals(officialNames.get(o.code()))) {
        bad.add(o.code() + " opens with " + o.name() + ", not " + officialNames.get(o.code()));
      }
    }
    assertEquals(List.of(), bad);
  }

  @Test
  void everyOccupationOfTheClassificationHasAGroup() {
    List<String> uncovered =
        levels.entrySet().stream()
            .filter(e -> e.getValue() == 4 && mappedGroup(e.getKey()) == null)
            .map(Map.Entry::getKey)
            .toList();
    assertEquals(List.of(), uncovered);
    List<String> badPrefixes =
        groupMap.keySet().stream().filter(prefix -> !levels.containsKey(prefix)).toList();
    assertEquals(List.of(), badPrefixes, "prefixes that are no code of the classification");
  }

  @Test
  void everyCodeIsInTheGroupTheMapGivesIt() {
    List<String> wrong = new ArrayList<>();
    for (Occupation o : occupations.all()) {
      String expected =
          o.code().startsWith("HN-")
              ? GROUP_EXCEPTIONS.getOrDefault(o.code(), mappedGroup(parents.get(o.code())))
              : mappedGroup(o.code());
      if (!o.group().equals(expected)) {
        wrong.add(o.code() + " " + o.name() + " is " + o.group() + ", the map says " + expected);
      }
    }
    assertEquals(List.of(), wrong);
    GROUP_EXCEPTIONS.forEach(
        (code, group) ->
            assertTrue(
                !group.equals(mappedGroup(parents.get(code))),
                () -> code + " needs no exception any more"));
  }

  @Test
  void everyGroupUsedIsLabelled() {
    Set<String> labelled = occupations.groups();
    List<String> unlabelled = new ArrayList<>();
    groupMap.values().stream().filter(g -> !labelled.contains(g)).forEach(unlabelled::add);
    names.stream().map(row -> row[2]).filter(g -> !labelled.contains(g)).forEach(unlabelled::add);
    assertEquals(List.of(), unlabelled.stream().distinct().toList());
    assertTrue(labelled.size() <= 28, () -> labelled.size() + " groups");
  }

  @Test
  void listsAtLeastFifteenHundredNames() {
    assertTrue(occupations.names().size() >= 1500, () -> occupations.names().size() + " names");
    Map<String, String> folded = new HashMap<>();
    List<String> twice = new ArrayList<>();
    for (String[] row : names) {
      String previous = folded.put(key(row[0]), row[0]);
      if (previous != null) {
        twice.add(previous + " / " + row[0]);
      }
    }
    assertEquals(List.of(), twice);
  }

  @Test
  void resolvesTheNamesResidentsAndEmployersWrite() {
    Map<String, String> resolved = new TreeMap<>();
    COLLOQUIAL
        .keySet()
        .forEach(n -> resolved.put(n, occupations.find(n).map(Occupation::code).orElse("nothing")));
    assertEquals(new TreeMap<>(COLLOQUIAL), resolved);
  }

  private Occupation occupationOf(String code) {
    return occupations.all().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow();
  }

  /** The group of the longest prefix of a code in the map; null if none. */
  private String mappedGroup(String code) {
    if (code == null) {
      return null;
    }
    for (String prefix = code; ; prefix = parentOf(prefix)) {
      String group = groupMap.get(prefix);
      if (group != null || !prefix.contains("-")) {
        return group;
      }
    }
  }

  private static String parentOf(String code) {
    return code.substring(0, code.lastIndexOf('-'));
  }

  private static Map<String, String> mapOf(List<String[]> rows) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String[] row : rows) {
      if (map.put(row[0], row[1]) != null) {
        throw new IllegalStateException(GROUP_MAP + ": " + row[0] + " twice");
      }
    }
    return map;
  }

  private static String key(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
    return folded.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }
}
