package hongniang.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.occupations.Occupations;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinyinFieldsTest {

  private static ChineseAnalyzers analyzers;
  private static PinyinFields pinyin;
  private static TestIndex index;

  @BeforeAll
  static void indexAFewPostings() throws IOException {
    analyzers = ChineseAnalyzers.load(Occupations.load());
    pinyin = new PinyinFields(analyzers);
    index = new TestIndex(analyzers, "小区保洁员", "保安员", "家政服务员", "外卖骑手", "C1驾照送货司机");
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
    analyzers.close();
  }

  @Test
  void indexesEachWordRunAndTheWholeText() {
    PinyinFields.Tokens tokens = pinyin.tokens("小区保洁员");
    assertEquals(List.of("xiaoqubaojieyuan", "baojieyuan", "yuan"), tokens.full());
    assertEquals(List.of("xqbjy", "bjy", "y"), tokens.initials());

    List<String> long_ = pinyin.tokens("社区环境保洁员（公益性岗位）").full();
    assertEquals("shequhuanjingbaojieyuan", long_.get(0), "a window of four words");
    assertTrue(long_.contains("shequhuanjingbaojieyuangongyixinggangwei"), "and the whole text");
  }

  @Test
  void boundsTermsOfHugeText() {
    PinyinFields.Tokens tokens = pinyin.tokens("a".repeat(10_000) + " 保洁".repeat(2_000));
    assertTrue(tokens.full().stream().allMatch(t -> t.length() <= PinyinFields.MAX_TERM));
    assertTrue(tokens.full().size() <= PinyinFields.MAX_WORDS + 1);
  }

  @ParameterizedTest(name = "{0} finds 小区保洁员")
  @ValueSource(
      strings = {
        "baojie",
        "bao",
        "baojieyuan",
        "xiaoqubao",
        "bj",
        "bjy",
        "xqbj",
        "bao jie",
        "Bao'Jie",
        "ＢＡＯＪＩＥ"
      })
  void findsChineseByPinyinPrefix(String typed) throws IOException {
    List<String> hits = search(typed);
    assertTrue(hits.contains("小区保洁员"), () -> typed + " gave " + hits);
  }

  @Test
  void findsOnlyWhatThePinyinSays() throws IOException {
    assertEquals(Set.of("小区保洁员", "保安员"), Set.copyOf(search("bao")));
    assertEquals(List.of("家政服务员"), search("jiazheng"));
    assertEquals(List.of("外卖骑手"), search("waimai"));
    assertEquals(List.of("外卖骑手"), search("qishou"));
    assertEquals(List.of("C1驾照送货司机"), search("c1jz"));
    assertEquals(List.of(), search("baomu"));
  }

  @ParameterizedTest(name = "[{index}] not a pinyin query")
  @ValueSource(strings = {"", " ", "*", "\"", "保洁", "保jie", "\u0000\u0007", "：；"})
  void ignoresInputThatIsNotPinyin(String typed) {
    assertEquals(Optional.empty(), PinyinFields.prefixQuery(TestIndex.FIELD, typed));
  }

  @Test
  void survivesHugeInput() throws IOException {
    assertEquals(List.of(), search("x".repeat(10_000)));
    assertEquals(Optional.empty(), PinyinFields.prefixQuery(TestIndex.FIELD, null));
  }

  private static List<String> search(String typed) throws IOException {
    Optional<Query> query = PinyinFields.prefixQuery(TestIndex.FIELD, typed);
    return query.isEmpty() ? List.of() : index.search(query.get());
  }
}
