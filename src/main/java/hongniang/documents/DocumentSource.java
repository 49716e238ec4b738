package hongniang.documents;

import hongniang.common.Unavailable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reads postings and jobseekers as the search index and matching see them, from the one SQL source
 * of each ({@code posting_document(today)} and {@code jobseeker_document}, in {@code migrations/}),
 * by column name. The columns read are listed here once; {@code DocumentSourceIT} fails when the
 * source lacks one.
 */
@Singleton
public class DocumentSource {

  /** Every column of {@code posting_document} the reader reads, in its order. */
  static final List<String> POSTING_COLUMNS =
      List.of(
          "id",
          "partner_unit_id",
          "unit_name",
          "title",
          "description",
          "occupation",
          "skills",
          "headcount",
          "filled_count",
          "wage_min",
          "wage_max",
          "wage_note",
          "schedule",
          "work_community_id",
          "city",
          "min_age",
          "max_age",
          "min_education",
          "required_licences",
          "public_welfare",
          "accommodation",
          "disability_friendly",
          "valid_through",
          "status",
          "created_at",
          "agreement_until");

  /**
   * The columns only the index shows (null when matching reads): a third of the cost of reading a
   * few postings by id was the unit's name (a join) and the long texts.
   */
  static final Set<String> SHOWN_ONLY = Set.of("unit_name", "description", "wage_note");

  /** Every column of {@code jobseeker_document} the reader reads, in its order. */
  static final List<String> JOBSEEKER_COLUMNS =
      List.of(
          "id",
          "name",
          "gender",
          "birth_year",
          "community_id",
          "education",
          "skills",
          "experience",
          "desired_occupations",
          "min_wage",
          "acceptable_schedules",
          "willing_outside",
          "licences",
          "difficulty_categories",
          "unemployed_since",
          "status",
          "updated_at");

  static final String POSTINGS =
      "SELECT " + String.join(", ", POSTING_COLUMNS) + " FROM posting_document(?)";

  static final String MATCHED_POSTINGS =
      "SELECT "
          + POSTING_COLUMNS.stream()
              .map(c -> SHOWN_ONLY.contains(c) ? "NULL AS " + c : c)
              .collect(Collectors.joining(", "))
          + " FROM posting_document(?)";

  static final String JOBSEEKERS =
      "SELECT " + String.join(", ", JOBSEEKER_COLUMNS) + " FROM jobseeker_document";

  private final DataSource dataSource;
  private final Clock clock;
  private final ConnectionOperations<Connection> connections;

  DocumentSource(DataSource dataSource, Clock clock, ConnectionOperations<Connection> connections) {
    this.connections = connections;
    // the pool itself: the indexer runs outside any request transaction
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    this.clock = clock;
  }

  /** The postings with these ids that still exist, every column: for the index. */
  public List<PostingDocument> postings(Collection<Long> ids) {
    return postings(POSTINGS, ids);
  }

  /**
   * The postings with these ids that still exist, as matching reads them: {@link
   * PostingDocument#unitName()}, {@link PostingDocument#description()} and {@link
   * PostingDocument#wageNote()} are null.
   */
  public List<PostingDocument> matchedPostings(Collection<Long> ids) {
    return postings(MATCHED_POSTINGS, ids);
  }

  /** One posting as matching reads it, if it exists. */
  public Optional<PostingDocument> matchedPosting(long id) {
    List<PostingDocument> rows = new ArrayList<>();
    query(
        MATCHED_POSTINGS + " WHERE id = ?",
        ps -> {
          ps.setObject(1, today());
          ps.setLong(2, id);
        },
        rs -> rows.add(posting(rs)));
    return rows.stream().findFirst();
  }

  private List<PostingDocument> postings(String select, Collection<Long> ids) {
    List<PostingDocument> rows = new ArrayList<>();
    if (!ids.isEmpty()) {
      query(
          select + " WHERE id = ANY (?)",
          ps -> {
            ps.setObject(1, today());
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", ids.toArray()));
          },
          rs -> rows.add(posting(rs)));
    }
    return rows;
  }

  /** Every community's name, by id: the labels facets show beside ids. */
  public Map<Long, String> communityNames() {
    Map<Long, String> names = new HashMap<>();
    query(
        "SELECT id, name FROM community",
        ps -> {},
        rs -> names.put(rs.getLong(1), rs.getString(2)));
    return names;
  }

  /** The ids of every posting of these units. */
  public List<Long> postingIdsOfUnits(Collection<Long> unitIds) {
    List<Long> ids = new ArrayList<>();
    if (!unitIds.isEmpty()) {
      query(
          "SELECT id FROM posting WHERE partner_unit_id = ANY (?)",
          ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", unitIds.toArray())),
          rs -> ids.add(rs.getLong(1)));
    }
    return ids;
  }

  /** The jobseekers with these ids that still exist. */
  public List<JobseekerDocument> jobseekers(Collection<Long> ids) {
    List<JobseekerDocument> rows = new ArrayList<>();
    if (!ids.isEmpty()) {
      query(
          JOBSEEKERS + " WHERE id = ANY (?)",
          ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids.toArray())),
          rs -> rows.add(jobseeker(rs)));
    }
    return rows;
  }

  /**
   * One jobseeker, if they exist: by {@code id = ?}, which PostgreSQL plans once for the
   * connection, where {@code = ANY (?)} is planned on every call (0.17 against 0.38 ms here).
   */
  public Optional<JobseekerDocument> jobseeker(long id) {
    List<JobseekerDocument> rows = new ArrayList<>();
    query(JOBSEEKERS + " WHERE id = ?", ps -> ps.setLong(1, id), rs -> rows.add(jobseeker(rs)));
    return rows.stream().findFirst();
  }

  /** The ids of residents looking for work, in a community or everywhere, oldest first. */
  public List<Long> seekingJobseekerIds(Long communityId, int limit) {
    List<Long> ids = new ArrayList<>();
    query(
        "SELECT id FROM jobseeker_document WHERE status IN ('SEEKING', 'REFERRED')"
            + (communityId == null ? "" : " AND community_id = ?")
            + " ORDER BY id LIMIT ?",
        ps -> {
          int i = 1;
          if (communityId != null) {
            ps.setLong(i++, communityId);
          }
          ps.setInt(i, limit);
        },
        rs -> ids.add(rs.getLong(1)));
    return ids;
  }

  /** The ids of open postings with places left and a valid agreement, newest first. */
  public List<Long> openPostingIdsWithPlaces(int limit) {
    List<Long> ids = new ArrayList<>();
    LocalDate today = today();
    query(
        "SELECT id FROM posting_document(?) WHERE status = 'OPEN' AND filled_count < headcount"
            + " AND valid_through >= ? AND agreement_until >= ?"
            + " ORDER BY created_at DESC, id DESC LIMIT ?",
        ps -> {
          ps.setObject(1, today);
          ps.setObject(2, today);
          ps.setObject(3, today);
          ps.setInt(4, limit);
        },
        rs -> ids.add(rs.getLong(1)));
    return ids;
  }

  /** Streams every open posting, every column: a rebuild, the board, brute force. */
  public void eachOpenPosting(Consumer<PostingDocument> sink) {
    stream(POSTINGS + " WHERE status = 'OPEN' ORDER BY id", true, rs -> sink.accept(posting(rs)));
  }

  /** Streams the title and occupation of every open posting, for suggestions. */
  public void eachOpenTitle(BiConsumer<String, String> sink) {
    stream(
        "SELECT title, occupation FROM posting WHERE status = 'OPEN'",
        false,
        rs -> sink.accept(rs.getString(1), rs.getString(2)));
  }

  /** Streams every jobseeker. */
  public void eachJobseeker(Consumer<JobseekerDocument> sink) {
    stream(JOBSEEKERS + " ORDER BY id", false, rs -> sink.accept(jobseeker(rs)));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private interface RowHandler {
    void handle(ResultSet rs) throws SQLException;
  }

  private interface Parameters {
    void set(PreparedStatement ps) throws SQLException;
  }

  /**
   * Runs a query on the connection of the transaction in progress when there is one (a request that
   * reads records while it writes: one request never holds two of the pool's connections, and it
   * reads its own writes), else on a connection of its own.
   */
  private void query(String sql, Parameters parameters, RowHandler handler) {
    try {
      Optional<ConnectionStatus<Connection>> current = connections.findConnectionStatus();
      if (current.isPresent()) {
        query(current.get().getConnection(), sql, parameters, handler);
      } else {
        try (Connection c = dataSource.getConnection()) {
          query(c, sql, parameters, handler);
        }
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private static void query(Connection c, String sql, Parameters parameters, RowHandler handler)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      parameters.set(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.handle(rs);
        }
      }
    }
  }

  /** Reads with a cursor (autocommit off, fetch size) so a million rows never sit in memory. */
  private void stream(String sql, boolean withDay, RowHandler handler) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(2000);
        if (withDay) {
          ps.setObject(1, today());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            handler.handle(rs);
          }
        }
      } finally {
        c.rollback();
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private static Unavailable unavailable(SQLException e) {
    return new Unavailable(
        "postings and jobseekers cannot be read right now", "reading documents failed", e);
  }

  private static PostingDocument posting(ResultSet rs) throws SQLException {
    return new PostingDocument(
        rs.getLong("id"),
        rs.getLong("partner_unit_id"),
        rs.getString("unit_name"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("occupation"),
        strings(rs.getArray("skills")),
        rs.getInt("headcount"),
        rs.getInt("filled_count"),
        rs.getInt("wage_min"),
        rs.getInt("wage_max"),
        rs.getString("wage_note"),
        rs.getString("schedule"),
        rs.getObject("work_community_id", Long.class),
        rs.getString("city"),
        rs.getObject("min_age", Integer.class),
        rs.getObject("max_age", Integer.class),
        rs.getString("min_education"),
        strings(rs.getArray("required_licences")),
        rs.getBoolean("public_welfare"),
        rs.getBoolean("accommodation"),
        rs.getBoolean("disability_friendly"),
        rs.getObject("valid_through", LocalDate.class),
        rs.getString("status"),
        rs.getObject("agreement_until", LocalDate.class),
        instant(rs.getTimestamp("created_at")));
  }

  private static JobseekerDocument jobseeker(ResultSet rs) throws SQLException {
    return new JobseekerDocument(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("gender"),
        rs.getInt("birth_year"),
        rs.getLong("community_id"),
        rs.getString("education"),
        strings(rs.getArray("skills")),
        rs.getString("experience"),
        strings(rs.getArray("desired_occupations")),
        rs.getObject("min_wage", Integer.class),
        strings(rs.getArray("acceptable_schedules")),
        rs.getBoolean("willing_outside"),
        strings(rs.getArray("licences")),
        strings(rs.getArray("difficulty_categories")),
        rs.getObject("unemployed_since", LocalDate.class),
        rs.getString("status"),
        instant(rs.getTimestamp("updated_at")));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? Instant.EPOCH : ts.toInstant();
  }
}
