package hongniang.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams generated rows into PostgreSQL with COPY, one transaction per {@value
 * #ROWS_PER_TRANSACTION} rows, while a second thread encodes the next ones; and reserves ids from a
 * table's sequence, so that rows that others refer to can be copied with their ids already known.
 */
final class Copier {

  private static final int ROWS_PER_TRANSACTION = 50_000;
  private static final int COPY_FLUSH_CHARS = 1 << 20;

  private final DataSource dataSource;

  /**
   * @param dataSource a plain pooled data source (COPY and manual commits need one)
   */
  Copier(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Encoded rows on their way to COPY; the last chunk of a transaction says so. */
  private record Chunk(byte[] bytes, int rows, boolean endsTransaction) {}

  private static final Chunk END = new Chunk(new byte[0], 0, true);

  /**
   * The next {@code count} values of the table's id sequence, in the order drawn. Other writers may
   * draw values in between, so they need not be consecutive; they are unique.
   */
  long[] reserveIds(String table, int count) throws SQLException {
    long[] ids = new long[count];
    if (count == 0) {
      return ids;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)")) {
      s.setString(1, table);
      s.setInt(2, count);
      try (ResultSet rs = s.executeQuery()) {
        for (int i = 0; rs.next(); i++) {
          ids[i] = rs.getLong(1);
        }
      }
    }
    return ids;
  }

  /**
   * Streams rows into COPY, committing every {@value #ROWS_PER_TRANSACTION} rows; returns how many
   * were stored. A second thread generates and encodes while PostgreSQL ingests: on two cores that
   * took a million jobseekers from 56 to 49 seconds.
   */
  <T> long copy(
      String sql,
      Iterator<T> rows,
      BiConsumer<T, CopyText> encode,
      String what,
      long expected,
      Consumer<String> progress)
      throws SQLException {
    BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(8);
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Thread producer =
        new Thread(() -> encodeChunks(rows, encode, queue, failure), "demo-data-" + what);
    producer.setDaemon(true);
    producer.start();
    long stored = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      PGConnection pg = c.unwrap(PGConnection.class);
      CopyIn in = null;
      try {
        for (Chunk chunk = take(queue); chunk != END; chunk = take(queue)) {
          if (in == null) {
            in = pg.getCopyAPI().copyIn(sql);
          }
          in.writeToCopy(chunk.bytes(), 0, chunk.bytes().length);
          if (chunk.endsTransaction()) {
            stored += in.endCopy();
            in = null;
            c.commit();
            progress.accept(what + ": " + stored + " of " + expected);
          }
        }
      } finally {
        if (in != null && in.isActive()) {
          in.cancelCopy();
        }
      }
    } finally {
      producer.interrupt();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return stored;
  }

  private static <T> void encodeChunks(
      Iterator<T> rows,
      BiConsumer<T, CopyText> encode,
      BlockingQueue<Chunk> queue,
      AtomicReference<RuntimeException> failure) {
    try {
      CopyText text = new CopyText();
      int inTransaction = 0;
      int inChunk = 0;
      while (rows.hasNext()) {
        encode.accept(rows.next(), text);
        text.endRow();
        inTransaction++;
        inChunk++;
        boolean last = inTransaction == ROWS_PER_TRANSACTION || !rows.hasNext();
        if (last || text.length() >= COPY_FLUSH_CHARS) {
          queue.put(new Chunk(text.drain(), inChunk, last));
          inChunk = 0;
          inTransaction = last ? 0 : inTransaction;
        }
      }
    } catch (InterruptedException e) {
      // the writer gave up; it reports its own failure
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      failure.set(e);
    }
    try {
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Chunk take(BlockingQueue<Chunk> queue) throws SQLException {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while storing demo data", e);
    }
  }
}
