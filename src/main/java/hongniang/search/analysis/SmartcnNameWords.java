package hongniang.search.analysis;

import hongniang.occupations.NameWords;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * The vocabulary's words of a name: smartcn's, as search's analyzers start from them (lower-cased,
 * punctuation and stop words dropped), without the vocabulary's own joins and synonyms, which would
 * hide the words a name shares with another.
 */
@Singleton
public class SmartcnNameWords implements NameWords, AutoCloseable {

  private final Analyzer analyzer = ChineseAnalyzers.plainWords();

  @Override
  public List<String> words(String text) {
    return ChineseAnalyzers.words(analyzer, text);
  }

  @Override
  @PreDestroy
  public void close() {
    analyzer.close();
  }
}
