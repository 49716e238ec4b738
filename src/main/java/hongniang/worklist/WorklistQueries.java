package hongniang.worklist;

import hongniang.common.DifficultyCategory;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worklist's SQL: one query per section, its items and their total in one pass ({@code count(*)
 * OVER ()}), and for an admin the totals grouped by community. A null community means all.
 */
@Singleton
class WorklistQueries {

  /** A row of a section: its columns by name, and the section's total. */
  record Row(Map<String, Object> values) {

    Long id(String column) {
      Object v = values.get(column);
      return v == null ? null : ((Number) v).longValue();
    }

    String text(String column) {
      Object v = values.get(column);
      return v == null ? null : v.toString();
    }

    Instant instant(String column) {
      Object v = values.get(column);
      return v == null ? null : ((Timestamp) v).toInstant();
    }

    LocalDate date(String column) {
      Object v = values.get(column);
      return v == null ? null : ((java.sql.Date) v).toLocalDate();
    }

    LocalDateTime dateTime(String column) {
      Object v = values.get(column);
      return v == null ? null : ((Timestamp) v).toLocalDateTime();
    }

    List<String> texts(String column) {
      Object v = values.get(column);
      return v == null ? List.of() : Arrays.asList((String[]) v);
    }

    boolean flag(String column) {
      return Boolean.TRUE.equals(values.get(column));
    }
  }

  /** A section's first rows and its total. */
  record Found(long total, List<Row> rows) {}

  static final String OPEN = "('REQUESTED', 'PROPOSED', 'CONSENTED', 'SENT', 'INTERVIEW')";

  private static final String CATEGORIES = "cardinality(j.difficulty_categories)";

  /**
   * The resident's own last contact: their profile's last change or their last answer to the
   * register (a referral's move aside).
   */
  private static final String OWN_CONTACT = "greatest(j.updated_at, j.contacted_at)";

  /** Seeking residents who need attention: a category, a year out of work, no contact. */
  static final String ATTENTION =
      "("
          + CATEGORIES
          + " > 0 OR j.unemployed_since <= ? OR greatest("
          + OWN_CONTACT
          + ", r.touched) < ?)";

  private final JdbcOperations jdbc;

  WorklistQueries(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Seeking residents by how much they need attention: 3 points a difficulty category, a point each
   * half year out of work (at most 4), 2 without an open referral, 2 without contact (a change of
   * their profile or a referral's move) since {@code quiet}; the total counts those with a
   * category, a year out of work or no contact.
   *
   * <p>A community has some 100,000 seeking residents and the first {@code limit} are wanted, so
   * the statement scores only those that can be among them. The first part of the score (categories
   * and time out of work: the resident's own) is at most 4 points below the whole. The scores of a
   * few residents of each number of categories, those out of work longest ({@code firsts}), give a
   * score the first {@code limit} reach at least ({@code bound}); whoever's first part is more than
   * 4 points below it cannot be among them ({@code cand}). Only the referrals that bear on a score
   * are read: the open ones and those moved since {@code quiet} ({@code act}). The total is counted
   * from two partial indexes alone (V12): the residents with a category, and those without one who
   * have been out of work a year or had no contact.
   */
  Found residents(Long community, LocalDate today, Instant quiet, int limit) {
    Timestamp since = Timestamp.from(quiet);
    int most = DifficultyCategory.values().length;
    Sql sql = new Sql();
    sql.add(
            "WITH act AS MATERIALIZED (SELECT jobseeker_id, bool_or(state IN "
                + OPEN
                + ") AS open,")
        .add(" bool_or(touched_at >= ?) AS recent FROM referral", since)
        .add(" WHERE (state IN " + OPEN + " OR touched_at >= ?)", since)
        .inCommunity("community_id", community)
        .add(" GROUP BY jobseeker_id),")
        .add(" firsts AS (SELECT x.* FROM generate_series(1, ?) AS c(n)", most)
        .add(" CROSS JOIN LATERAL (SELECT j.id, " + OWN_CONTACT + " AS own_contact, ")
        .base("c.n", today)
        .add(" AS base FROM jobseeker j WHERE ")
        .withCategories(community)
        .add(
            " AND " + CATEGORIES + " = c.n ORDER BY j.unemployed_since NULLS LAST LIMIT ?) x",
            limit)
        .add(" UNION ALL (SELECT j.id, " + OWN_CONTACT + ", ")
        .base("0", today)
        .add(" FROM jobseeker j WHERE ")
        .withoutCategories(community)
        .add(" ORDER BY j.unemployed_since NULLS LAST LIMIT ?)),", limit)
        .add(" bound AS (SELECT coalesce(min(score), -1000) AS t FROM (SELECT ")
        .score("f", since)
        .add(" AS score FROM firsts f LEFT JOIN act a ON a.jobseeker_id = f.id")
        .add(" ORDER BY 1 DESC LIMIT ?) s),", limit)
        .add(" cand AS (SELECT x.* FROM bound CROSS JOIN generate_series(1, ?) AS c(n)", most)
        .add(
            " CROSS JOIN LATERAL (SELECT j.id, j.unemployed_since, "
                + OWN_CONTACT
                + " AS own_contact, ")
        .base("c.n", today)
        .add(" AS base FROM jobseeker j WHERE ")
        .withCategories(community)
        .add(" AND " + CATEGORIES + " = c.n AND ")
        .outOfWork("bound.t - 4 - 3 * c.n", today)
        .add(") x WHERE bound.t - 4 - 3 * c.n <= 4")
        .add(" UNION ALL SELECT j.id, j.unemployed_since, " + OWN_CONTACT + ", ")
        .base("0", today)
        .add(" FROM bound, jobseeker j WHERE ")
        .withoutCategories(community)
        .add(" AND bound.t - 4 <= 4 AND ")
        .outOfWork("bound.t - 4", today)
        // more categories than there are: none, unless written around the API
        .add(" UNION ALL SELECT j.id, j.unemployed_since, " + OWN_CONTACT + ", ")
        .base(CATEGORIES, today)
        .add(" FROM jobseeker j WHERE ")
        .withCategories(community)
        .add(" AND " + CATEGORIES + " > ?),", most)
        .add(" top AS (SELECT c.id, c.unemployed_since, coalesce(a.open, FALSE) AS open, ")
        .score("c", since)
        .add(" AS score FROM cand c LEFT JOIN act a ON a.jobseeker_id = c.id")
        .add(" ORDER BY 4 DESC, c.unemployed_since NULLS LAST, c.id LIMIT ?)", limit)
        .add(" SELECT j.id, j.name, j.community_id, j.difficulty_categories, j.unemployed_since,")
        .add(" greatest(" + OWN_CONTACT + ", (SELECT max(r.touched_at) FROM referral r")
        .add(" WHERE r.jobseeker_id = j.id")
        .inCommunity("r.community_id", community)
        .add(")) AS contact, top.open,")
        .add(" (SELECT count(*) FROM jobseeker j WHERE ")
        .withCategories(community)
        .add(") + (SELECT count(*) FROM jobseeker j WHERE ")
        .withoutCategories(community)
        .add(" AND (j.unemployed_since <= ?", today.minusYears(1))
        .add(" OR (" + OWN_CONTACT + " < ? AND NOT EXISTS (SELECT 1 FROM act a", since)
        .add(" WHERE a.jobseeker_id = j.id AND a.recent)))) AS total")
        .add(" FROM top JOIN jobseeker j ON j.id = top.id")
        .add(" ORDER BY top.score DESC, top.unemployed_since NULLS LAST, top.id");
    return found(sql.text(), sql.params());
  }

  /** A statement built in parts, each with the parameters of its placeholders. */
  private static final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    Sql add(String part, Object... values) {
      if (part.chars().filter(ch -> ch == '?').count() != values.length) {
        throw new IllegalArgumentException("placeholders and values differ: " + part);
      }
      text.append(part);
      params.addAll(Arrays.asList(values));
      return this;
    }

    /** Seeking residents of the community (of all when it is null) with a difficulty category. */
    Sql withCategories(Long community) {
      return seeking(community).add(" AND " + CATEGORIES + " > 0");
    }

    /** Those without one (each of these two read by a partial index of V12). */
    Sql withoutCategories(Long community) {
      return seeking(community).add(" AND " + CATEGORIES + " = 0");
    }

    private Sql seeking(Long community) {
      return add("j.status IN ('SEEKING', 'REFERRED')").inCommunity("j.community_id", community);
    }

    /**
     * The community's rows, or every row when it is null. Two statements, not one with {@code (? IS
     * NULL OR column = ?)}: a prepared statement's generic plan would have to serve both and could
     * use no index on the column.
     */
    Sql inCommunity(String column, Long community) {
      return community == null ? this : add(" AND " + column + " = ?", community);
    }

    /** The score's first part: 3 points a category, a point each half year out of work (≤ 4). */
    Sql base(String categories, LocalDate today) {
      return add(
          "3 * "
              + categories
              + " + CASE WHEN j.unemployed_since IS NULL THEN 0"
              + " ELSE least(4, (CAST(? AS DATE) - j.unemployed_since) / 182) END",
          today);
    }

    /**
     * Out of work at least {@code halfYears} half years (its first part's points for it): all when
     * that is none, else since that day. (Rows out of work since a future day count none or fewer
     * points and are let through when none are needed: more rows than needed, never fewer.)
     */
    Sql outOfWork(String halfYears, LocalDate today) {
      return add(
          "("
              + halfYears
              + " <= 0 OR j.unemployed_since <= CAST(? AS DATE) - 182 * ("
              + halfYears
              + "))",
          today);
    }

    /** The whole score of {@code alias}'s row with its {@code act} row {@code a}. */
    Sql score(String alias, Timestamp quiet) {
      return add(
          alias
              + ".base + CASE WHEN coalesce(a.open, FALSE) THEN 0 ELSE 2 END + CASE WHEN "
              + alias
              + ".own_contact < ? AND NOT coalesce(a.recent, FALSE) THEN 2 ELSE 0 END",
          quiet);
    }

    String text() {
      return text.toString();
    }

    Object[] params() {
      return params.toArray();
    }
  }

  /** Each community's count of residents who need attention. */
  Map<Long, Long> residentCounts(LocalDate today, Instant quiet) {
    return counts(
        "SELECT j.community_id, count(*) FROM jobseeker j LEFT JOIN (SELECT jobseeker_id,"
            + " max(touched_at) AS touched FROM referral GROUP BY jobseeker_id) r"
            + " ON r.jobseeker_id = j.id WHERE j.status IN ('SEEKING', 'REFERRED') AND "
            + ATTENTION
            + " GROUP BY 1",
        today.minusYears(1),
        Timestamp.from(quiet));
  }

  /**
   * Referrals of the community that pass the condition, in the order given. The total is counted on
   * the referrals alone and only the first rows are joined to their resident, posting and unit
   * (each referral has all three): a community has thousands of open referrals.
   */
  Found referrals(Long community, String where, String order, int limit, Object... params) {
    Sql sql =
        new Sql()
            .add(
                "SELECT r.id, r.state, r.jobseeker_id, j.name, r.community_id, r.posting_id,"
                    + " p.title, r.partner_unit_id, u.name AS unit, r.touched_at, r.sent_at,"
                    + " r.interview_at, r.interview_place, r.total FROM (SELECT r.*,"
                    + " count(*) OVER () AS total FROM referral r WHERE "
                    + where,
                params)
            .inCommunity("r.community_id", community)
            .add(" ORDER BY " + order + " LIMIT ?", limit)
            .add(
                ") r JOIN jobseeker j ON j.id = r.jobseeker_id JOIN posting p ON p.id ="
                    + " r.posting_id JOIN partner_unit u ON u.id = r.partner_unit_id ORDER BY "
                    + order);
    return found(sql.text(), sql.params());
  }

  /** Each community's count of referrals that pass the condition. */
  Map<Long, Long> referralCounts(String where, Object... params) {
    return counts(
        "SELECT r.community_id, count(*) FROM referral r WHERE " + where + " GROUP BY 1", params);
  }

  private static final String FOLLOW_UPS =
      " FROM follow_up f JOIN placement pl ON pl.id = f.placement_id"
          + " WHERE f.outcome IS NULL AND pl.ended_on IS NULL AND pl.cancelled_at IS NULL"
          + " AND f.due_on <= ?";

  /**
   * Follow-ups not yet recorded of placements still running, due by the day (or overdue); only the
   * first are joined to their resident.
   */
  Found followUps(Long community, LocalDate dueBy, int limit) {
    Sql sql =
        new Sql()
            .add(
                "SELECT f.id, f.months, f.due_on, f.jobseeker_id, j.name, f.community_id, f.total"
                    + " FROM (SELECT f.id, f.months, f.due_on, pl.jobseeker_id, pl.community_id,"
                    + " count(*) OVER () AS total"
                    + FOLLOW_UPS,
                dueBy)
            .inCommunity("pl.community_id", community)
            .add(" ORDER BY f.due_on, f.id LIMIT ?", limit)
            .add(") f JOIN jobseeker j ON j.id = f.jobseeker_id ORDER BY f.due_on, f.id");
    return found(sql.text(), sql.params());
  }

  Map<Long, Long> followUpCounts(LocalDate dueBy) {
    return counts("SELECT pl.community_id, count(*)" + FOLLOW_UPS + " GROUP BY 1", dueBy);
  }

  private static final String AGREEMENTS =
      " FROM agreement a JOIN partner_unit u ON u.id = a.partner_unit_id"
          + " WHERE a.status = 'ACTIVE' AND a.valid_until BETWEEN ? AND ?";

  /** Active agreements the community signed that end within the days. */
  Found agreements(Long community, LocalDate today, int days, int limit) {
    Sql sql =
        new Sql()
            .add(
                "SELECT a.id, a.number, a.partner_unit_id, u.name AS unit, a.valid_until,"
                    + " a.signing_community_id AS community_id, count(*) OVER () AS total"
                    + AGREEMENTS,
                today,
                today.plusDays(days))
            .inCommunity("a.signing_community_id", community)
            .add(" ORDER BY a.valid_until, a.id LIMIT ?", limit);
    return found(sql.text(), sql.params());
  }

  Map<Long, Long> agreementCounts(LocalDate today, int days) {
    return counts(
        "SELECT a.signing_community_id, count(*)" + AGREEMENTS + " GROUP BY 1",
        today,
        today.plusDays(days));
  }

  private Found found(String sql, Object... params) {
    return jdbc.prepareStatement(
        sql,
        ps -> {
          bind(ps, params);
          List<Row> rows = new ArrayList<>();
          long total = 0;
          try (ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              Map<String, Object> values = new HashMap<>();
              for (int i = 1; i <= n; i++) {
                Object v = rs.getObject(i);
                if (v instanceof Array a) {
                  v = a.getArray();
                }
                values.put(rs.getMetaData().getColumnLabel(i), v);
              }
              total = ((Number) values.get("total")).longValue();
              rows.add(new Row(values));
            }
          }
          return new Found(total, rows);
        });
  }

  private Map<Long, Long> counts(String sql, Object... params) {
    return jdbc.prepareStatement(
        sql,
        ps -> {
          bind(ps, params);
          Map<Long, Long> out = new HashMap<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getLong(1), rs.getLong(2));
            }
          }
          return out;
        });
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p == null) {
        ps.setNull(i + 1, Types.BIGINT);
      } else if (p instanceof LocalDate d) {
        ps.setObject(i + 1, d);
      } else if (p instanceof LocalDateTime t) {
        ps.setTimestamp(i + 1, Timestamp.valueOf(t));
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }
}
