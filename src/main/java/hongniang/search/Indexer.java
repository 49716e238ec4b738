package hongniang.search;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one indexer: opens the index at start (catching up from the outbox, or rebuilding), then
 * applies pending outbox rows in order every {@code hongniang.search.poll-ms} and marks them done
 * only after the index has committed them, so a crash at any point loses nothing.
 */
@Singleton
@Requires(notEnv = "cli")
public class Indexer {

  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

  private final SearchIndex index;
  private final OutboxStore outbox;
  private final Suggester suggester;
  private final long pollMillis;
  private final int batchSize;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "search-indexer");
            t.setDaemon(true);
            return t;
          });
  private volatile long lastPrune;

  Indexer(
      SearchIndex index,
      OutboxStore outbox,
      Suggester suggester,
      @Value("${hongniang.search.poll-ms:100}") long pollMillis,
      @Value("${hongniang.search.batch-size:1000}") int batchSize) {
    this.index = index;
    this.outbox = outbox;
    this.suggester = suggester;
    this.pollMillis = pollMillis;
    this.batchSize = batchSize;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    index.open();
    long pending = outbox.pendingCount();
    if (pending > 0) {
      LOG.info("Catching up {} pending search changes", pending);
    }
    drain();
    suggester.refresh();
    executor.scheduleWithFixedDelay(this::tick, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      if (drain() > 0) {
        suggester.refreshSoon();
      }
      suggester.refreshIfDue();
      if (System.currentTimeMillis() - lastPrune > Duration.ofHours(1).toMillis()) {
        outbox.prune(Duration.ofDays(1));
        lastPrune = System.currentTimeMillis();
      }
    } catch (RuntimeException e) {
      // the rows stay pending and are tried again on the next tick
      LOG.warn("Indexing failed, will retry: {}", e.toString());
    }
  }

  /** Applies every pending change now; returns how many rows were applied. */
  public synchronized int drain() {
    int applied = 0;
    while (true) {
      List<OutboxStore.Change> batch = outbox.pending(batchSize);
      if (batch.isEmpty()) {
        return applied;
      }
      index.apply(batch);
      outbox.markDone(batch);
      applied += batch.size();
    }
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
