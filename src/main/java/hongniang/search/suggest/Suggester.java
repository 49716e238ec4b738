package hongniang.search.suggest;

import hongniang.documents.DocumentSource;
import hongniang.occupations.Occupations;
import hongniang.search.analysis.Analysis;
import hongniang.search.index.IndexListener;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * Up to {@code limit} suggestions for what was typed, near-duplicates folded: names of one
   * occupation (保洁, 保洁员, 保洁工) are one suggestion, its listed name when that is among them.
   */
  public List<Suggestion> suggest(String typed, int limit) {
    Map<String, List<Suggestions.Suggestion>> folded = new LinkedHashMap<>();
    for (Suggestions.Suggestion s : current.suggest(typed, Suggestions.MAX_LIMIT)) {
      String key =
          "occupation".equals(s.kind())
              ? occupations.find(s.text()).map(Occupations.Occupation::code).orElse(s.text())
              : s.text();
      folded.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }
    List<Suggestion> out = new ArrayList<>();
    for (Map.Entry<String, List<Suggestions.Suggestion>> e : folded.entrySet()) {
      if (out.size() >= limit) {
        break;
      }
      Suggestions.Suggestion first = e.getValue().get(0);
      String listed = occupations.byCode(e.getKey()).map(Occupations.Occupation::name).orElse(null);
      String text =
          e.getValue().stream().map(Suggestions.Suggestion::text).anyMatch(t -> t.equals(listed))
              ? listed
              : first.text();
      out.add(new Suggestion(text, first.kind()));
    }
    return out;
  }
}
