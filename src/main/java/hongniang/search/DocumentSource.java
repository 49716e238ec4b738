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
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads what the indexes hold straight from PostgreSQL, the source of truth. Search knows the
 * tables, not the feature packages: the features know nothing of search.
 */
@Singleton
class DocumentSource {

  private static final String POSTINGS =
      "SELECT p.*, u.name AS unit_name,"
          + " (SELECT max(a.valid_until) FROM agreement a WHERE a.partner_unit_id = p.partner_unit_id"
          + "  AND a.status = 'ACTIVE' AND a.signed_on <= ?) AS agreement_until"
          + " FROM posting p JOIN partner_unit u ON u.id = p.partner_unit_id";

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
    List<PostingRow> rows = new ArrayList<>();
    query(POSTINGS + " WHERE p.id = ANY (?)", ids, rs -> rows.add(posting(rs)), true);
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

  private void query(String sql, Collection<Long> ids, RowHandler handler, boolean withDay) {
    if (ids.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (withDay) {
        ps.setObject(i++, LocalDate.now(clock));
      }
      ps.setArray(i, c.createArrayOf("bigint", ids.toArray()));
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
