package hongniang.search.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.occupations.Occupations;
import hongniang.search.analysis.Analysis;
import hongniang.search.suggest.Suggestions.Suggestion;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuggestionsTest {

  private static Analysis analyzers;
  private static Suggestions suggestions;

  @BeforeAll
  static void build() {
    analyzers = new Analysis(Occupations.load());
    Suggestions.Builder builder = Suggestions.builder(analyzers);
    added(builder, "小区保洁员", "title", 5);
    added(builder, "保安员", "title", 3);
    added(builder, "保洁员", "occupation", 2);
    added(builder, "保洁员", "title", 1);
    added(builder, "保姆", "occupation", 1);
    added(builder, "家政服务员", "occupation", 1);
    added(builder, "外卖骑手", "title", 1);
    added(builder, "餐厅服务员", "title", 1);
    suggestions = builder.build();
  }

  @AfterAll
  static void close() {
    analyzers.close();
  }

  @Test
  void suggestsByCharactersMostPopularFirst() {
    assertEquals(List.of("小区保洁员", "保安员", "保洁员", "保姆"), texts("保"));
    assertEquals(List.of("小区保洁员", "保洁员"), texts("保洁"));
  }

  @Test
  void suggestsByFullPinyinAndInitials() {
    assertEquals(texts("保"), texts("bao"));
    assertEquals(List.of("小区保洁员", "保洁员"), texts("baoj"));
    assertEquals(List.of("小区保洁员", "保洁员"), texts("bj"));
    assertEquals(List.of("小区保洁员", "保洁员"), texts("bjy"));
    assertEquals(texts("bao"), texts("BAO"));
    assertEquals(texts("baojie"), texts("bao'jie"));
    assertEquals(List.of("家政服务员", "餐厅服务员"), texts("fuwu"));
  }

  @Test
  void countsPopularityAcrossKindsAndKeepsTheCommonerKind() {
    Suggestion cleaner = suggestions.suggest("保洁员", 10).get(1);
    assertEquals(new Suggestion("保洁员", "occupation", 3), cleaner);
  }

  @Test
  void breaksTiesByShorterText() {
    Suggestions tie =
        Suggestions.builder(analyzers).add("小区保洁员", "title").add("保洁员", "title").build();
    assertEquals(
        List.of("保洁员", "小区保洁员"), tie.suggest("bj", 10).stream().map(Suggestion::text).toList());
  }

  @Test
  void respectsTheLimit() {
    assertEquals(2, suggestions.suggest("bao", 2).size());
    assertEquals(List.of(), suggestions.suggest("bao", 0));
    assertEquals(List.of(), suggestions.suggest("bao", -1));
    assertEquals(4, suggestions.suggest("bao", Integer.MAX_VALUE).size());
  }

  @ParameterizedTest(name = "[{index}] odd input gives nothing")
  @ValueSource(strings = {"", " ", "*", "\"", "\u0000\u0007", "：；（）", "程序员", "zzz"})
  void answersOddInputWithNothing(String typed) {
    assertEquals(List.of(), suggestions.suggest(typed, 10));
  }

  @Test
  void survivesNullHugeAndControlInput() {
    assertEquals(List.of(), suggestions.suggest(null, 10));
    assertEquals(List.of(), suggestions.suggest("保".repeat(10_000), 10));
    assertEquals(List.of("小区保洁员", "保洁员"), texts("保\u0000洁"));
  }

  @Test
  void staysUnchangedWhileTheNextOneIsBuilt() {
    Suggestions.Builder builder = Suggestions.builder(analyzers).add("保洁员", "title");
    Suggestions first = builder.build();
    builder.add("保安员", "title");
    Suggestions second = builder.build();
    assertEquals(1, first.size());
    assertEquals(2, second.size());
    assertEquals(0, Suggestions.empty().size());
    assertTrue(Suggestions.empty().suggest("bao", 10).isEmpty());
  }

  private static List<String> texts(String typed) {
    return suggestions.suggest(typed, 10).stream().map(Suggestion::text).toList();
  }

  private static void added(Suggestions.Builder builder, String text, String kind, int times) {
    for (int i = 0; i < times; i++) {
      builder.add(text, kind);
    }
  }
}
