package hongniang.search.suggest;

import hongniang.documents.DocumentSource;
import hongniang.occupations.Occupations;
import hongniang.search.analysis.Analysis;
import hongniang.search.index.IndexListener;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Suggestions as one types: open postings' titles and the occupation list, matched by characters,
 * full pinyin or initials. Rebuilt in the background after changes, at most every few seconds, and
 * swapped in whole.
 */
@Singleton
public class Suggester implements IndexListener {

  private static final long MIN_INTERVAL_MS = 3000;

  /** One suggestion: the text and whether it is a title or an occupation. */
  @Serdeable
  public record Suggestion(String text, String kind) {}

  private final DocumentSource source;
  private final Analysis analysis;
  private final Occupations occupations;
  private volatile Suggestions current = Suggestions.empty();
  private volatile boolean dirty;
  private volatile long lastRefresh;

  Suggester(DocumentSource source, Analysis analysis, Occupations occupations) {
    this.source = source;
    this.analysis = analysis;
    this.occupations = occupations;
  }

  @Override
  public void opened() {
    refresh();
  }

  @Override
  public void applied(int changes) {
    refreshSoon();
  }

  @Override
  public void idle() {
    refreshIfDue();
  }

  /** Rebuilds the suggestions now. */
  public synchronized void refresh() {
    Suggestions.Builder builder = Suggestions.builder(analysis);
    for (String name : occupations.names()) {
      builder.add(name, "occupation");
    }
    source.eachOpenTitle(
        (title, occupation) -> {
          builder.add(title, "title");
          builder.add(occupation, "occupation");
        });
    current = builder.build();
    dirty = false;
    lastRefresh = System.currentTimeMillis();
  }

  /** Notes that postings changed; the next due refresh rebuilds. */
  void refreshSoon() {
    dirty = true;
  }

  /** Rebuilds if something changed and the last rebuild is a few seconds old. */
  void refreshIfDue() {
    if (dirty && System.currentTimeMillis() - lastRefresh >= MIN_INTERVAL_MS) {
      refresh();
    }
  }

  /** Up to {@code limit} suggestions for what was typed. */
  public List<Suggestion> suggest(String typed, int limit) {
    return current.suggest(typed, limit).stream()
        .map(s -> new Suggestion(s.text(), s.kind()))
        .toList();
  }
}
