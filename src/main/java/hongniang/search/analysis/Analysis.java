package hongniang.search.analysis;

import hongniang.occupations.Occupations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.util.QueryBuilder;

/**
 * The text analysis the indexes share: smartcn words with the vocabulary's job names joined and its
 * synonyms as group tokens, character pairs, and pinyin. Built once from the stop words under
 * {@code search-index/} and the occupation vocabulary.
 */
@Singleton
public class Analysis implements AutoCloseable {

  private final ChineseAnalyzers analyzers;
  private final PinyinFields pinyin;

  public Analysis(Occupations vocabulary) {
    this.analyzers = ChineseAnalyzers.load(vocabulary);
    this.pinyin = new PinyinFields(analyzers);
  }

  /** The files under {@code search-index/} that analysis reads besides the vocabulary's. */
  public static List<String> files() {
    return List.of(ChineseAnalyzers.STOPWORDS);
  }

  /** Chinese words with each synonym group's token beside its members: for documents. */
  public Analyzer index() {
    return analyzers.index();
  }

  /** Chinese words with synonyms expanded: what query text is analysed with. */
  public Analyzer query() {
    return analyzers.query();
  }

  /** Character pairs, for the {@code _bi} companions of short fields, documents and queries. */
  public Analyzer bigrams() {
    return analyzers.bigrams();
  }

  /** A query builder on the query analyzer: a word and its group token become one query. */
  public QueryBuilder queryBuilder() {
    return analyzers.queryBuilder();
  }

  /** smartcn's words of a text, in order, nothing joined: 小区保洁员 gives [小区, 保洁, 员]. */
  public List<String> words(String text) {
    return analyzers.words(text);
  }

  /** The pinyin companions of short texts. */
  public PinyinFields pinyin() {
    return pinyin;
  }

  /**
   * Appends the full pinyin and the initials of a text in one pass, either may be null: 保洁 gives
   * {@code baojie} and {@code bj}; ASCII letters and digits stay whole in both.
   */
  public static void spell(CharSequence text, StringBuilder full, StringBuilder initials) {
    Pinyin.spell(text, full, initials);
  }

  /** True for a synonym group's token, which documents and queries carry beside each member. */
  public static boolean isGroupToken(String term) {
    return term.startsWith(SynonymGroups.MARK);
  }

  @Override
  @PreDestroy
  public void close() {
    analyzers.close();
  }
}
