package hongniang.inbox;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inbox's two tables in SQL, on the connection of the current transaction: {@code
 * inbox_message} and the read marks of {@code inbox_read} (migration V10).
 */
@Singleton
class InboxStore {

  /** A message as stored, with whether this reader has read it. */
  record Stored(
      long id,
      String kind,
      Map<String, String> params,
      String subjectType,
      Long subjectId,
      Instant createdAt,
      boolean read) {}

  private static final Argument<Map<String, String>> PARAMS =
      Argument.mapOf(String.class, String.class);

  private final JdbcOperations jdbc;
  private final JsonMapper json;

  InboxStore(JdbcOperations jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Stores a message to the audience; returns its id. */
  long insert(Address to, Notice notice, Instant at) {
    String column = to.audience().column();
    String sql =
        "INSERT INTO inbox_message (audience, kind, params, subject_type, subject_id, created_at"
            + (column == null ? "" : ", " + column)
            + ") VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?"
            + (column == null ? "" : ", ?")
            + ") RETURNING id";
    return jdbc.prepareStatement(
        sql,
        ps -> {
          ps.setString(1, to.audience().name());
          ps.setString(2, notice.kind());
          ps.setString(3, write(notice.params()));
          ps.setString(4, notice.subjectType());
          ps.setObject(5, notice.subjectId(), Types.BIGINT);
          ps.setTimestamp(6, Timestamp.from(at));
          if (column != null) {
            ps.setLong(7, to.id());
          }
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /**
   * One page of the audience's messages, newest first, with this reader's marks; {@code read} null
   * for all, false for the unread only, true for the read only.
   */
  List<Stored> page(Address to, String username, Boolean read, long offset, int limit) {
    String sql =
        "SELECT m.id, m.kind, m.params::text, m.subject_type, m.subject_id, m.created_at,"
            + " r.message_id IS NOT NULL"
            + from(to, read)
            + " ORDER BY m.id DESC LIMIT ? OFFSET ?";
    return jdbc.prepareStatement(
        sql,
        ps -> {
          int next = bind(ps, to, username);
          ps.setInt(next, limit);
          ps.setLong(next + 1, offset);
          List<Stored> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new Stored(
                      rs.getLong(1),
                      rs.getString(2),
                      read(rs.getString(3)),
                      rs.getString(4),
                      rs.getObject(5, Long.class),
                      rs.getTimestamp(6).toInstant(),
                      rs.getBoolean(7)));
            }
          }
          return out;
        });
  }

  /** How many of the audience's messages there are: all, unread or read ({@code read} as above). */
  long count(Address to, String username, Boolean read) {
    return jdbc.prepareStatement(
        "SELECT count(*)" + from(to, read),
        ps -> {
          bind(ps, to, username);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Marks one message of the audience read; false when the audience has no such message. */
  boolean markRead(Address to, String username, long id, Instant at) {
    return jdbc.prepareStatement(
        "WITH visible AS (SELECT m.id FROM inbox_message m WHERE m.id = ? AND "
            + to.where()
            + "), marked AS (INSERT INTO inbox_read (username, message_id, read_at)"
            + " SELECT ?, id, ? FROM visible ON CONFLICT DO NOTHING)"
            + " SELECT count(*) FROM visible",
        ps -> {
          ps.setLong(1, id);
          int next = bindWhere(ps, to, 2);
          ps.setString(next, username);
          ps.setTimestamp(next + 1, Timestamp.from(at));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
          }
        });
  }

  /** Marks every message of the audience read; returns how many were unread. */
  int markAllRead(Address to, String username, Instant at) {
    return jdbc.prepareStatement(
        "INSERT INTO inbox_read (username, message_id, read_at) SELECT ?, m.id, ?"
            + " FROM inbox_message m WHERE "
            + to.where()
            + " ON CONFLICT DO NOTHING",
        ps -> {
          ps.setString(1, username);
          ps.setTimestamp(2, Timestamp.from(at));
          bindWhere(ps, to, 3);
          return ps.executeUpdate();
        });
  }

  private static String from(Address to, Boolean read) {
    return " FROM inbox_message m LEFT JOIN inbox_read r ON r.message_id = m.id AND r.username = ?"
        + " WHERE "
        + to.where()
        + (read == null
            ? ""
            : read ? " AND r.message_id IS NOT NULL" : " AND r.message_id IS NULL");
  }

  /** Binds the reader and the audience of {@link #from}; returns the next parameter's index. */
  private static int bind(PreparedStatement ps, Address to, String username) throws SQLException {
    ps.setString(1, username);
    return bindWhere(ps, to, 2);
  }

  private static int bindWhere(PreparedStatement ps, Address to, int first) throws SQLException {
    int i = first;
    for (Object arg : to.whereArgs()) {
      ps.setObject(i++, arg);
    }
    return i;
  }

  private String write(Map<String, String> params) {
    try {
      return json.writeValueAsString(params);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> read(String text) {
    try {
      return json.readValue(text, PARAMS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
