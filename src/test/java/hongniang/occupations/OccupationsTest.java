package hongniang.occupations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.ResourceFiles;
import hongniang.occupations.Occupations.Occupation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OccupationsTest {

  /** The occupation names the demo data gives postings and work histories. */
  private static final List<String> DEMO_NAMES =
      List.of(
          "仓管员", "保安员", "保洁员", "停车管理员", "公厕管理员", "养老护理员", "分拣员", "助餐员", "包装工", "厨工", "叉车司机",
          "家政服务员", "导购员", "快递员", "挡车工", "操作工", "收银员", "普工", "机修工", "治安巡防员", "焊工", "理货员", "电工",
          "社区协管员", "绿化工", "缝纫工", "育婴员", "营业员", "装配工", "质检员", "车工", "配送员", "钳工", "面点师", "餐厅服务员",
          "驾驶员", "会计", "保全工", "保安", "保育员", "化工操作工", "印染工", "天车工", "帮厨", "木工", "水电工", "泥水工", "流水线普工",
          "炉前工", "电焊工", "细纱工", "送货司机", "钟点工");

  private final Occupations occupations = Occupations.load();

  @Test
  void listsAtLeastEightyNames() {
    assertTrue(occupations.names().size() >= 80, () -> occupations.names().size() + " names");
    assertTrue(occupations.all().size() >= 40, () -> occupations.all().size() + " occupations");
  }

  @Test
  void resolvesEverySynonym() {
    List<String> unresolved = new ArrayList<>();
    for (Set<String> group : occupations.synonymGroups()) {
      group.stream().filter(t -> occupations.find(t).isEmpty()).forEach(unresolved::add);
    }
    assertEquals(List.of(), unresolved);
  }

  @Test
  void resolvesEveryNameTheDemoDataUses() {
    assertEquals(
        List.of(), DEMO_NAMES.stream().filter(n -> occupations.find(n).isEmpty()).toList());
  }

  @Test
  void keepsEachSynonymGroupInOneOccupationGroup() {
    List<String> mixed = new ArrayList<>();
    for (Set<String> group : occupations.synonymGroups()) {
      Set<String> groups =
          group.stream()
              .map(t -> occupations.find(t).map(Occupation::group).orElse("?"))
              .collect(Collectors.toSet());
      if (groups.size() != 1) {
        mixed.add(group + " -> " + groups);
      }
    }
    assertEquals(List.of(), mixed);
  }

  @Test
  void labelsTenToTwentyEightGroupsInBothLanguages() {
    Set<String> groups = occupations.groups();
    assertTrue(groups.size() >= 10 && groups.size() <= 28, groups::toString);
    for (String group : groups) {
      String zh = occupations.groupLabel(group, Locale.SIMPLIFIED_CHINESE);
      String en = occupations.groupLabel(group, Locale.ENGLISH);
      assertTrue(
          zh.codePoints()
              .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
          () -> group + " zh: " + zh);
      assertTrue(en.matches("[A-Z][A-Za-z ,-]+"), () -> group + " en: " + en);
    }
    Set<String> used =
        occupations.all().stream().map(Occupation::group).collect(Collectors.toSet());
    assertEquals(groups, used, "every group has occupations");
  }

  @Test
  void findsByOfficialColloquialAndSynonymName() {
    Occupation cleaner = new Occupation("保洁员", "HN-CLEANER", "cleaning");
    assertEquals(Optional.of(cleaner), occupations.find("保洁员"));
    assertEquals(Optional.of(cleaner), occupations.find("清洁工"));
    assertEquals(Optional.of(cleaner), occupations.find(" 保 洁 "));
    assertEquals("4-07-05-01", occupations.find("门卫").orElseThrow().code());
    // not listed itself: resolved through its synonym group
    assertEquals("社区协管员", occupations.find("公益性岗位").orElseThrow().name());
    assertEquals("cleaning", occupations.find("环卫").orElseThrow().group());
  }

  @Test
  void findsNothingForUnknownOrOddNames() {
    assertEquals(Optional.empty(), occupations.find("程序员"));
    assertEquals(Optional.empty(), occupations.find(""));
    assertEquals(Optional.empty(), occupations.find(null));
    assertEquals(Optional.empty(), occupations.find("*\"\u0000"));
    assertEquals(Optional.empty(), occupations.find("保".repeat(10_000)));
  }

  @Test
  void namesTheSameGroup() {
    Set<String> security = occupations.sameGroup("保安");
    assertTrue(security.containsAll(Set.of("保安员", "门卫", "停车管理员", "防损员")), security::toString);
    assertFalse(security.contains("保洁员"));
    assertEquals(Set.of(), occupations.sameGroup("程序员"));
  }

  @Test
  void namesSynonymsForExplaining() {
    assertTrue(occupations.synonymsOf("保姆").containsAll(Set.of("保姆", "家政服务员", "钟点工")));
    assertTrue(occupations.synonymsOf("快递").contains("骑手"));
    assertEquals(Set.of(), occupations.synonymsOf("程序员"));
    assertEquals(Set.of(), occupations.synonymsOf(null));
  }

  @Test
  void labelsGroupsByLanguageAndFallsBackToTheId() {
    assertEquals("保洁环卫", occupations.groupLabel("cleaning", Locale.SIMPLIFIED_CHINESE));
    assertEquals("保洁环卫", occupations.groupLabel("cleaning", Locale.TRADITIONAL_CHINESE));
    assertEquals("Cleaning and sanitation", occupations.groupLabel("cleaning", Locale.ENGLISH));
    assertEquals("Cleaning and sanitation", occupations.groupLabel("cleaning", Locale.GERMAN));
    assertEquals("nonesuch", occupations.groupLabel("nonesuch", Locale.CHINESE));
  }

  @Test
  void synonymsFileHasAtLeastFortyGroups() {
    List<String> groups = ResourceFiles.lines(Occupations.SYNONYMS);
    assertTrue(groups.size() >= 40, () -> "only " + groups.size() + " synonym groups");
  }

  @Test
  void noSynonymTermIsInTwoGroups() {
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    for (String line : ResourceFiles.lines(Occupations.SYNONYMS)) {
      for (String term : line.split(",")) {
        if (!seen.add(term.strip())) {
          twice.add(term.strip());
        }
      }
    }
    assertEquals(List.of(), twice);
  }
}
