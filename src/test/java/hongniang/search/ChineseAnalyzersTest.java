package hongniang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseAnalyzersTest {

  private static ChineseAnalyzers analyzers;
  private static TestIndex index;

  @BeforeAll
  static void indexAFewPostings() throws IOException {
    analyzers = ChineseAnalyzers.load();
    index =
        new TestIndex(
            analyzers,
            "家政服务员",
            "小区保洁员",
            "超市防损员",
            "月嫂",
            "外卖骑手",
            "餐厅服务员",
            "仓库管理员",
            "餐饮公司服务周到，招聘保洁员",
            "三明月嫂服务中心",
            "超市收银");
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
    analyzers.close();
  }

  @Test
  void splitsJobTitlesIntoWords() {
    assertEquals(List.of("保洁", "员"), analyzers.words("保洁员"));
    assertEquals(List.of("小区", "保洁", "员"), analyzers.words("小区保洁员"));
    assertEquals(List.of("社区", "环境", "保洁", "员", "公益性", "岗位"), analyzers.words("社区环境保洁员（公益性岗位）"));
  }

  @Test
  void dropsPunctuationStopWordsAndControlCharacters() {
    assertEquals(List.of("保洁", "员", "2", "名"), analyzers.words("招聘：保洁员\u0000（2名）的!"));
    assertEquals(List.of(), analyzers.words("*\"：；\u0007 "));
  }

  @Test
  void keepsLatinAndDigitsLowerCased() {
    assertEquals(List.of("c", "1", "驾照", "java", "3000", "元"), analyzers.words("C1驾照 ＪＡＶＡ 3000元"));
  }

  @Test
  void queryAnalyzerExpandsSynonymsAndIndexAnalyzerDoesNot() throws IOException {
    Set<String> expanded = terms(analyzers, "保姆");
    assertTrue(expanded.containsAll(Set.of("保姆", "家政", "服务", "员", "钟点工")), expanded::toString);
    assertEquals(List.of("保姆"), analyzers.words("保姆"));
  }

  @ParameterizedTest(name = "{0} finds {1}")
  @CsvSource({"保姆, 家政服务员", "保安, 超市防损员", "清洁工, 小区保洁员", "快递, 外卖骑手", "母婴护理, 月嫂", "门卫, 超市防损员"})
  void synonymsFindTheOtherNames(String typed, String posting) throws IOException {
    Query plain = new QueryBuilder(analyzers.query()).createBooleanQuery(TestIndex.FIELD, typed);
    assertTrue(index.search(plain).contains(posting), () -> plain + " misses " + posting);
    Query phrased = analyzers.queryBuilder().createBooleanQuery(TestIndex.FIELD, typed);
    assertTrue(index.search(phrased).contains(posting), () -> phrased + " misses " + posting);
  }

  @Test
  void multiWordSynonymsMatchAsPhrasesNotAsLooseWords() throws IOException {
    // 服务员 expands to 餐饮服务员 = 餐饮 服务 员, which the cleaning job's text holds apart
    String scattered = "餐饮公司服务周到，招聘保洁员";
    Query loose = new QueryBuilder(analyzers.query()).createBooleanQuery(TestIndex.FIELD, "服务员");
    assertTrue(index.search(loose).contains(scattered), loose::toString);
    Query phrased = analyzers.queryBuilder().createBooleanQuery(TestIndex.FIELD, "服务员");
    assertEquals(List.of("餐厅服务员"), index.search(phrased));
  }

  @Test
  void bigramsFindWhatContextDependentWordsMiss() throws IOException {
    // smartcn reads 三明月嫂 as 三 明月 嫂 and 收银 alone as 收 银: the word field misses both
    Query words = analyzers.queryBuilder().createBooleanQuery(TestIndex.FIELD, "月嫂");
    assertFalse(index.search(words).contains("三明月嫂服务中心"));
    QueryBuilder pairs = new QueryBuilder(analyzers.bigrams());
    assertEquals(
        List.of("三明月嫂服务中心"), index.search(pairs.createPhraseQuery(TestIndex.BIGRAMS, "三明月嫂")));
    assertTrue(index.search(pairs.createPhraseQuery(TestIndex.BIGRAMS, "月嫂")).contains("三明月嫂服务中心"));
    assertEquals(List.of("超市收银"), index.search(pairs.createPhraseQuery(TestIndex.BIGRAMS, "收银")));
  }

  @Test
  void synonymsFileHasAtLeastFortyGroups() {
    List<String> groups = IndexResources.lines(ChineseAnalyzers.SYNONYMS);
    assertTrue(groups.size() >= 40, () -> "only " + groups.size() + " synonym groups");
  }

  @Test
  void noSynonymTermIsInTwoGroups() {
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    for (String line : IndexResources.lines(ChineseAnalyzers.SYNONYMS)) {
      for (String term : line.split(",")) {
        if (!seen.add(term.strip())) {
          twice.add(term.strip());
        }
      }
    }
    assertEquals(List.of(), twice);
  }

  @Test
  void everyStopWordIsOneWordAndIsRemoved() {
    List<String> stopWords = IndexResources.lines(ChineseAnalyzers.STOPWORDS);
    assertFalse(stopWords.isEmpty());
    for (String word : stopWords) {
      assertEquals(List.of(), analyzers.words(word), word + " is not removed");
    }
  }

  private static Set<String> terms(ChineseAnalyzers analyzers, String text) throws IOException {
    Set<String> terms = new HashSet<>();
    try (TokenStream stream = analyzers.query().tokenStream(TestIndex.FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }
}
