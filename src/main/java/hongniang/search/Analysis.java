package hongniang.search;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;

/**
 * The text analysis the indexes share: loaded once from {@code search-index/} on the class path.
 */
@Singleton
class Analysis {

  private final ChineseAnalyzers analyzers = ChineseAnalyzers.load();
  private final Occupations occupations = Occupations.load();
  private final Analyzer writer =
      new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(
          analyzers.index(),
          java.util.Map.of(
              IndexSchema.bigrams(IndexSchema.TITLE), analyzers.bigrams(),
              IndexSchema.bigrams(IndexSchema.OCCUPATION), analyzers.bigrams(),
              IndexSchema.bigrams(IndexSchema.SKILLS), analyzers.bigrams(),
              IndexSchema.bigrams(IndexSchema.DESIRED), analyzers.bigrams()));

  /** Chinese words, no synonyms: what documents are indexed with. */
  Analyzer index() {
    return analyzers.index();
  }

  /** Chinese words with synonyms expanded: what query text is analysed with. */
  Analyzer query() {
    return analyzers.query();
  }

  /**
   * What the index writers analyse with: Chinese words, and character pairs for the {@code _bi}
   * companions of short fields, which catch words smartcn splits by context (三明月嫂 → 明月).
   */
  Analyzer writer() {
    return writer;
  }

  /** Character pairs: the query side of the {@code _bi} fields. */
  Analyzer bigrams() {
    return analyzers.bigrams();
  }

  ChineseAnalyzers analyzers() {
    return analyzers;
  }

  Occupations occupations() {
    return occupations;
  }

  @PreDestroy
  void close() {
    analyzers.close();
  }
}
