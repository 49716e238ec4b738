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

  /** Chinese words, no synonyms: what documents are indexed with. */
  Analyzer index() {
    return analyzers.index();
  }

  /** Chinese words with synonyms expanded: what query text is analysed with. */
  Analyzer query() {
    return analyzers.query();
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
