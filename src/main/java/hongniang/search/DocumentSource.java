package hongniang.search;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads what the indexes hold straight from PostgreSQL, the source of truth. Search knows the
 * tables, not the feature packages: the features know nothing of search.
 */
@Singleton
class DocumentSource {

  /** What matching reads of a posting: all but the texts only the index and its pages show. */
  private static final String MATCHED_COLUMNS =
      "p.id, p.partner_unit_id, p.title, p.occupation, p.skills, p.headcount, p.filled_count,"
          + " p.wage_min, p.wage_max, p.schedule, p.work_community_id, p.city, p.min_age,"
          + " p.max_age, p.min_education, p.required_licences, p.public_welfare, p.accommodation,"
          + " p.disability_friendly, p.valid_through, p.status, p.created_at,"
          + " (SELECT max(a.valid_until) FROM agreement a WHERE a.partner_unit_id = p.partner_unit_id"
          + "  AND a.status = 'ACTIVE' AND a.signed_on <= ?) AS agreement_until";

  private static final String POSTINGS =
      "SELECT "
          + MATCHED_COLUMNS
          + ", u.name AS unit_name, p.description, p.wage_note"
          + " FROM posting p JOIN partner_unit u ON u.id = p.partner_unit_id";

  /**
   * Postings without the unit's name, the description and the wage note (null in their rows): a
   * third of the cost of a read of a few rows by id is the join and the long texts.
   */
  private static final String MATCHED_POSTINGS =
      "SELECT "
          + MATCHED_COLUMNS
          + ", NULL AS unit_name, NULL AS description, NULL AS wage_note FROM posting p";

  private static final String JOBSEEKERS = "SELECT j.* FROM jobseeker j";

  private final DataSource dataSource;
  private final Clock clock;

  DocumentSource(DataSource dataSource, Clock clock) {
    // the pool itself: the indexer runs outside any request transaction
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    this.clock = clock;
  }

  /** The postings with these ids that still exist. */
  List<PostingRow> postings(Collection<Long> ids) {
    return postings(POSTINGS, ids);
  }

  /**
   * The postings with these ids that still exist, as matching reads them: {@link
   * PostingRow#unitName()}, {@link PostingRow#description()} and {@link PostingRow#wageNote()} are
   * null. Never for the index.
   */
  List<PostingRow> matchedPostings(Collection<Long> ids) {
    return postings(MATCHED_POSTINGS, ids);
  }

  /** One posting as matching reads it (see {@link #matchedPostings}), if it exists. */
  Optional<PostingRow> matchedPosting(long id) {
    List<PostingRow> rows = new ArrayList<>();
    query(
        MATCHED_POSTINGS + " WHERE p.id = ?",
        ps -> {
          ps.setObject(1, LocalDate.now(clock));
          ps.setLong(2, id);
        },
        rs -> rows.add(posting(rs)));
    return rows.stream().findFirst();
  }

  private List<PostingRow> postings(String select, Collection<Long> ids) {
    List<PostingRow> rows = new ArrayList<>();
    query(select + " WHERE p.id = ANY (?)", ids, rs -> rows.add(posting(rs)), true);
    return rows;
  }

  /** The ids of every posting of these units. */
  List<Long> postingIdsOfUnits(Collection<Long> unitIds) {
    List<Long> ids = new ArrayList<>();
    query(
        "SELECT id FROM posting WHERE partner_unit_id = ANY (?)",
        unitIds,
        rs -> ids.add(rs.getLong(1)),
        false);
    return ids;
  }

  /** The jobseekers with these ids that still exist. */
  List<JobseekerRow> jobseekers(Collection<Long> ids) {
    List<JobseekerRow> rows = new ArrayList<>();
    query(JOBSEEKERS + " WHERE j.id = ANY (?)", ids, rs -> rows.add(jobseeker(rs)), false);
    return rows;
  }

  /**
   * One jobseeker, if they exist: by {@code id = ?}, which PostgreSQL plans once for the
   * connection, where {@code = ANY (?)} is planned on every call (0.17 against 0.38 ms here).
   */
  Optional<JobseekerRow> jobseeker(long id) {
    List<JobseekerRow> rows = new ArrayList<>();
    query(JOBSEEKERS + " WHERE j.id = ?", ps -> ps.setLong(1, id), rs -> rows.add(jobseeker(rs)));
    return rows.stream().findFirst();
  }

  /** The ids of residents looking for work, in a community or everywhere, oldest first. */
  List<Long> seekingJobseekerIds(Long communityId, int limit) {
    String sql =
        "SELECT id FROM jobseeker WHERE status IN ('SEEKING', 'REFERRED')"
            + (communityId == null ? "" : " AND community_id = ?")
            + " ORDER BY id LIMIT ?";
    List<Object> params = new ArrayList<>();
    if (communityId != null) {
      params.add(communityId);
    }
    params.add(limit);
    return ids(sql, params);
  }

  /** The ids of open postings with places left and a valid partner, newest first. */
  List<Long> openPostingIdsWithPlaces(int limit) {
    LocalDate today = LocalDate.now(clock);
    return ids(
        "SELECT p.id FROM posting p WHERE p.status = 'OPEN' AND p.filled_count < p.headcount"
            + " AND p.valid_through >= ? AND EXISTS (SELECT 1 FROM agreement a"
            + " WHERE a.partner_unit_id = p.partner_unit_id AND a.status = 'ACTIVE'"
            + " AND a.signed_on <= ? AND a.valid_until >= ?)"
            + " ORDER BY p.created_at DESC, p.id DESC LIMIT ?",
        List.of(today, today, today, limit));
  }

  private List<Long> ids(String sql, List<Object> params) {
    List<Long> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new SearchException("reading ids failed", e);
    }
  }

  /** Streams every open posting, for a rebuild. */
  void eachOpenPosting(Consumer<PostingRow> sink) {
    stream(
        POSTINGS + " WHERE p.status = 'OPEN' ORDER BY p.id", true, rs -> sink.accept(posting(rs)));
  }

  /** Streams the title and occupation of every open posting, for suggestions. */
  void eachOpenTitle(java.util.function.BiConsumer<String, String> sink) {
    stream(
        "SELECT title, occupation FROM posting WHERE status = 'OPEN'",
        false,
        rs -> sink.accept(rs.getString(1), rs.getString(2)));
  }

  /** Streams every jobseeker, for a rebuild. */
  void eachJobseeker(Consumer<JobseekerRow> sink) {
    stream(JOBSEEKERS + " ORDER BY j.id", false, rs -> sink.accept(jobseeker(rs)));
  }

  private interface RowHandler {
    void handle(ResultSet rs) throws SQLException;
  }

  private interface Parameters {
    void set(PreparedStatement ps) throws SQLException;
  }

  private void query(String sql, Collection<Long> ids, RowHandler handler, boolean withDay) {
    if (ids.isEmpty()) {
      return;
    }
    query(
        sql,
        ps -> {
          int i = 1;
          if (withDay) {
            ps.setObject(i++, LocalDate.now(clock));
          }
          ps.setArray(i, ps.getConnection().createArrayOf("bigint", ids.toArray()));
        },
        handler);
  }

  private void query(String sql, Parameters parameters, RowHandler handler) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      parameters.set(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.handle(rs);
        }
      }
    } catch (SQLException e) {
      throw new SearchException("reading documents failed", e);
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
          ps.setObject(1, LocalDate.now(clock));
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
      throw new SearchException("reading documents failed", e);
    }
  }

  private static PostingRow posting(ResultSet rs) throws SQLException {
    return new PostingRow(
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

  private static JobseekerRow jobseeker(ResultSet rs) throws SQLException {
    return new JobseekerRow(
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

  private static java.time.Instant instant(Timestamp ts) {
    return ts == null ? java.time.Instant.EPOCH : ts.toInstant();
  }
}
