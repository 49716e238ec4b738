package hongniang.search.index;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one indexer: opens the index at start (catching up from the outbox, or rebuilding), then
 * applies pending outbox rows in order every {@code hongniang.search.poll-ms} and makes them
 * searchable at once (near-real-time refresh, no fsync). A second thread commits the index every
 * {@code hongniang.search.commit-ms} and only then marks the committed rows done, so a crash at any
 * point loses nothing: rows applied but not committed are still pending after a restart.
 */
@Singleton
@Requires(notEnv = "cli")
public class Indexer {

  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
  // a long catch-up commits on the way, so the uncommitted set stays small
  private static final int MAX_UNCOMMITTED = 20_000;

  private final SearchIndex index;
  private final OutboxStore outbox;
  private final List<IndexListener> listeners;
  private final long pollMillis;
  private final long commitMillis;
  private final int batchSize;
  private final ScheduledExecutorService executor = daemon("search-indexer");
  private final ScheduledExecutorService committer = daemon("search-committer");
  // outbox ids applied to the index but not yet committed; guarded by itself
  private final Set<Long> uncommitted = new LinkedHashSet<>();
  private final Object commitLock = new Object();
  private volatile long lastPrune;
  private volatile long lastCommit;

  /**
   * How often the second thread wakes: suggestions follow changes within a few seconds, while the
   * index commits only every {@code commit-ms}. A commit deletes the files of segments merged away,
   * under the writer's lock that a refresh needs too; on a disk that discards freed blocks at once
   * a delete costs milliseconds, so commits once a second held changes back (p99 visibility over a
   * second with 1,000 ms, far less with 10,000: docs/benchmarks.md). Rows applied but not committed
   * stay pending, so a crash still loses nothing; it only re-applies more.
   */
  private static final long COMMITTER_TICK_MS = 1000;

  Indexer(
      SearchIndex index,
      OutboxStore outbox,
      List<IndexListener> listeners,
      @Value("${hongniang.search.poll-ms:50}") long pollMillis,
      @Value("${hongniang.search.commit-ms:10000}") long commitMillis,
      @Value("${hongniang.search.batch-size:1000}") int batchSize) {
    this.index = index;
    this.outbox = outbox;
    this.listeners = List.copyOf(listeners);
    this.pollMillis = pollMillis;
    this.commitMillis = commitMillis;
    this.batchSize = batchSize;
  }

  private static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  @EventListener
  void onStartup(StartupEvent event) {
    index.open();
    long pending = outbox.pendingCount();
    if (pending > 0) {
      LOG.info("Catching up {} pending search changes", pending);
    }
    drain();
    commit();
    listeners.forEach(IndexListener::opened);
    executor.scheduleWithFixedDelay(this::tick, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    lastCommit = System.nanoTime();
    committer.scheduleWithFixedDelay(
        this::commitTick, COMMITTER_TICK_MS, COMMITTER_TICK_MS, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      int applied = drain();
      if (applied > 0) {
        listeners.forEach(l -> l.applied(applied));
      }
    } catch (RuntimeException e) {
      // the rows stay pending and are tried again on the next tick
      LOG.warn("Indexing failed, will retry: {}", e.toString());
    }
  }

  private void commitTick() {
    try {
      if (System.nanoTime() - lastCommit >= TimeUnit.MILLISECONDS.toNanos(commitMillis)) {
        commit();
        lastCommit = System.nanoTime();
      }
      // here, not on the applying thread: a rebuild of the suggestions takes a few hundred ms
      // and would hold back changes waiting to become searchable
      listeners.forEach(IndexListener::idle);
      if (System.currentTimeMillis() - lastPrune > Duration.ofHours(1).toMillis()) {
        outbox.prune(Duration.ofDays(1));
        lastPrune = System.currentTimeMillis();
      }
    } catch (RuntimeException e) {
      // uncommitted rows stay pending in the outbox; the next commit covers them
      LOG.warn("Committing the search index failed, will retry: {}", e.toString());
    }
  }

  /** Applies every pending change and makes it searchable; returns how many rows were applied. */
  public synchronized int drain() {
    int applied = 0;
    while (true) {
      List<OutboxStore.Change> batch = outbox.pending(batchSize, uncommittedIds());
      if (batch.isEmpty()) {
        return applied;
      }
      index.apply(batch);
      int waiting;
      synchronized (uncommitted) {
        batch.forEach(c -> uncommitted.add(c.id()));
        waiting = uncommitted.size();
      }
      applied += batch.size();
      if (waiting >= MAX_UNCOMMITTED) {
        commit();
      }
    }
  }

  /**
   * Commits the index and marks every row applied before the commit began done. Rows applied while
   * it runs may or may not be in it; they stay uncommitted for the next one.
   */
  void commit() {
    // not the drain's monitor: applying goes on while the index commits
    synchronized (commitLock) {
      List<Long> snapshot = uncommittedIds();
      if (snapshot.isEmpty()) {
        return;
      }
      index.commit();
      outbox.markDone(snapshot);
      synchronized (uncommitted) {
        snapshot.forEach(uncommitted::remove);
      }
    }
  }

  private List<Long> uncommittedIds() {
    synchronized (uncommitted) {
      return new ArrayList<>(uncommitted);
    }
  }

  /**
   * Stops the periods and lets a batch in progress finish: an interrupt in the middle of Lucene's
   * file I/O closes its channels and invalidates the index's write lock ("FileLock invalidated by
   * an external force"). Rows applied but not committed are applied again at the next start.
   */
  @PreDestroy
  void stop() {
    executor.shutdown();
    committer.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
      if (!committer.awaitTermination(5, TimeUnit.SECONDS)) {
        committer.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      committer.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
