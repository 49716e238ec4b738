package hongniang.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;

/**
 * Builds documents and adds them to an index on worker threads while the caller reads rows. A
 * rebuild spends nine tenths of its time analysing text and inverting documents, work that does not
 * depend on the order of rows, and the index writer takes documents from several threads at once;
 * read and built on one thread, it used one of the machine's cores. Rows go out in batches, and at
 * most two batches per worker wait, so memory stays bounded however large the table.
 */
final class ParallelBuild<R> implements AutoCloseable {

  static final int BATCH = 500;

  private final IndexWriter writer;
  private final Function<R, Document> build;
  private final ExecutorService workers;
  private final Semaphore waiting;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private List<R> batch = new ArrayList<>(BATCH);

  ParallelBuild(IndexWriter writer, Function<R, Document> build, int threads) {
    this.writer = writer;
    this.build = build;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "index-build-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.waiting = new Semaphore(2 * threads);
  }

  /** Queues a row; throws at once if an earlier batch failed. */
  void add(R row) {
    batch.add(row);
    if (batch.size() == BATCH) {
      send();
    }
  }

  /** Waits until every row is in the index; rethrows the first failure. */
  void finish() {
    send();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(1, TimeUnit.HOURS)) {
        throw new IllegalStateException("documents still being built after an hour");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while documents were built", e);
    }
    rethrow();
  }

  private void send() {
    rethrow();
    if (batch.isEmpty()) {
      return;
    }
    List<R> rows = batch;
    batch = new ArrayList<>(BATCH);
    waiting.acquireUninterruptibly();
    workers.execute(
        () -> {
          try {
            if (failure.get() == null) {
              for (R row : rows) {
                writer.addDocument(build.apply(row));
              }
            }
          } catch (IOException e) {
            failure.compareAndSet(null, new UncheckedIOException(e));
          } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
          } finally {
            waiting.release();
          }
        });
  }

  private void rethrow() {
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }

  /** Stops the workers; rows not yet added are dropped (the rebuild is being abandoned). */
  @Override
  public void close() {
    workers.shutdownNow();
    try {
      // no worker may still be adding when the caller closes the writer
      workers.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
