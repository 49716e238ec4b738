package hongniang.search.index;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/** The search outbox in PostgreSQL: rows that triggers write, the indexer reads and marks done. */
@Singleton
class OutboxStore {

  /** One change to apply: which entity, which id. */
  record Change(long id, String entity, long entityId) {}

  private final DataSource dataSource;

  OutboxStore(DataSource dataSource) {
    // the pool itself: the indexer runs outside any request transaction
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
  }

  /**
   * The oldest pending changes, in order, leaving out those already applied but not yet committed
   * (they are marked done after the next commit).
   */
  List<Change> pending(int limit, Collection<Long> applied) {
    return read(
        "SELECT id, entity, entity_id FROM search_outbox WHERE done_at IS NULL"
            + " AND NOT (id = ANY (?)) ORDER BY id LIMIT ?",
        (c, ps) -> {
          ps.setArray(1, c.createArrayOf("bigint", applied.toArray()));
          ps.setInt(2, limit);
        });
  }

  /** Every change written since the instant, done or not: a rebuild re-applies them. */
  List<Change> since(Instant instant) {
    return read(
        "SELECT id, entity, entity_id FROM search_outbox WHERE created_at >= ? ORDER BY id",
        (c, ps) -> ps.setTimestamp(1, Timestamp.from(instant)));
  }

  /** How many changes wait. */
  long pendingCount() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM search_outbox WHERE done_at IS NULL");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new SearchException("reading the outbox failed", e);
    }
  }

  /** Marks the changes done (after the index committed them). */
  void markDone(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    execute(
        "UPDATE search_outbox SET done_at = clock_timestamp() WHERE id = ANY (?)",
        (c, ps) -> ps.setArray(1, c.createArrayOf("bigint", ids.toArray())));
  }

  /** Deletes done rows older than the retention, so the table stays small. */
  void prune(Duration retention) {
    execute(
        "DELETE FROM search_outbox WHERE done_at IS NOT NULL AND done_at < ?",
        (c, ps) -> ps.setTimestamp(1, Timestamp.from(Instant.now().minus(retention))));
  }

  /** The database's clock: rebuilds compare it with the rows' creation times. */
  Instant now() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT clock_timestamp()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getTimestamp(1).toInstant();
    } catch (SQLException e) {
      throw new SearchException("reading the database clock failed", e);
    }
  }

  private interface ConnectionBinder {
    void bind(Connection c, PreparedStatement ps) throws SQLException;
  }

  private List<Change> read(String sql, ConnectionBinder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(c, ps);
      List<Change> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Change(rs.getLong(1), rs.getString(2), rs.getLong(3)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new SearchException("reading the outbox failed", e);
    }
  }

  private void execute(String sql, ConnectionBinder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(c, ps);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new SearchException("writing the outbox failed", e);
    }
  }
}
