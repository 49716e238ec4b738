package hongniang.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.ResourceFiles;
import hongniang.occupations.Occupations;
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
    analyzers = ChineseAnalyzers.load(Occupations.load());
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
  void documentsAndQueriesCarryTheSameGroupTokenBesideEachSynonym() throws IOException {
    // the query is the word and its group's token: two terms, not every member of the group
    Set<String> query = terms(analyzers, "保姆");
    assertEquals(2, query.size(), query::toString);
    assertTrue(query.contains("保姆"), query::toString);
    String group =
        query.stream().filter(t -> t.startsWith(SynonymGroups.MARK)).findFirst().orElseThrow();
    // 家政服务员 is one known name: joined, it carries the group token of 保姆's group
    List<String> doc = indexTerms("家政服务员");
    assertTrue(doc.contains("家政服务员") && doc.contains(group), doc::toString);
    // a word of no group gets no group token, and the plain words stay plain
    assertEquals(List.of("小区"), indexTerms("小区"));
    assertEquals(List.of("保姆"), analyzers.words("保姆"));
  }

  @Test
  void knownJobNamesAreJoinedIntoOneWord() throws IOException {
    // documents keep the parts and add the joined name at the first part's position
    assertEquals(List.of("小区", "保洁", "保洁员", "员"), words(indexTerms("小区保洁员")));
    assertEquals(List.of("环卫", "环卫工人", "工人"), words(indexTerms("环卫工人招聘")));
    // not across a removed stop word, and not for a name the lists do not hold
    assertFalse(indexTerms("保洁的员").contains("保洁员"), indexTerms("保洁的员")::toString);
    // queries see the joined word only, so synonyms expand it as one term
    Query q = analyzers.queryBuilder().createBooleanQuery(TestIndex.FIELD, "保洁员");
    assertFalse(q.toString().contains("\""), q::toString);
  }

  /** The terms without the synonym group tokens. */
  private static List<String> words(List<String> terms) {
    return terms.stream().filter(t -> !t.startsWith(SynonymGroups.MARK)).toList();
  }

  private List<String> indexTerms(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzers.index().tokenStream("f", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(t.toString());
      }
      ts.end();
    }
    return out;
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
  void theWordTypedRanksAboveItsSynonyms() throws IOException {
    try (TestIndex small = new TestIndex(analyzers, "招聘门卫", "招聘保安", "招聘巡逻员")) {
      Query q = analyzers.queryBuilder().createBooleanQuery(TestIndex.FIELD, "保安");
      List<String> found = small.search(q);
      assertEquals(3, found.size(), found::toString);
      assertEquals("招聘保安", found.get(0), found::toString);
    }
  }

  @Test
  void multiWordSynonymsMatchTheWholeNameNotLooseWords() throws IOException {
    // 服务员 expands to 餐饮服务员 (餐饮 服务 员 to smartcn), which the cleaning job's text holds
    // apart: joined names make the match exact without a phrase query
    String scattered = "餐饮公司服务周到，招聘保洁员";
    Query q = analyzers.queryBuilder().createBooleanQuery(TestIndex.FIELD, "服务员");
    assertFalse(index.search(q).contains(scattered), q::toString);
    assertEquals(List.of("餐厅服务员"), index.search(q));
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
  void everyStopWordIsOneWordAndIsRemoved() {
    List<String> stopWords = ResourceFiles.lines(ChineseAnalyzers.STOPWORDS);
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
