package hongniang.pages.admin;

import hongniang.search.index.SearchIndex;
import hongniang.search.suggest.Suggester;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebuild the overview's button starts: the same rebuild as {@code POST /api/v1/search/rebuild}
 * (both indexes, then the suggestions), run in the background so that the page can show that it
 * runs and, when it ends, what it did. One at a time.
 */
@Singleton
public class IndexRebuilds {

  private static final Logger LOG = LoggerFactory.getLogger(IndexRebuilds.class);

  private final SearchIndex index;
  private final Suggester suggester;
  private final Clock clock;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "page-index-rebuild");
            t.setDaemon(true);
            return t;
          });
  private final AtomicReference<State> state = new AtomicReference<>(State.NONE);

  IndexRebuilds(SearchIndex index, Suggester suggester, Clock clock) {
    this.index = index;
    this.suggester = suggester;
    this.clock = clock;
  }

  /**
   * The last rebuild started from a page: when it started, when it ended (null while it runs), its
   * report, or that it failed.
   */
  public record State(
      @Nullable Instant started,
      @Nullable Instant ended,
      @Nullable SearchIndex.RebuildReport report,
      boolean failed) {

    static final State NONE = new State(null, null, null, false);

    public boolean running() {
      return started != null && ended == null;
    }
  }

  public State state() {
    return state.get();
  }

  /** Starts a rebuild unless one runs; returns whether it started. */
  public boolean start() {
    State before = state.get();
    if (before.running()) {
      return false;
    }
    State running = new State(clock.instant(), null, null, false);
    if (!state.compareAndSet(before, running)) {
      return false;
    }
    runner.execute(
        () -> {
          try {
            SearchIndex.RebuildReport report = index.rebuild();
            suggester.refresh();
            state.set(new State(running.started(), clock.instant(), report, false));
          } catch (RuntimeException e) {
            LOG.warn("Search index rebuild from the admin's page failed: {}", e.toString());
            state.set(new State(running.started(), clock.instant(), null, true));
          }
        });
    return true;
  }

  @PreDestroy
  void stop() {
    runner.shutdown();
  }
}
