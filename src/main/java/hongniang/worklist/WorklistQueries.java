package hongniang.worklist;

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

  /** Seeking residents who need attention: a category, a year out of work, no contact. */
  static final String ATTENTION =
      "(cardinality(j.difficulty_categories) > 0 OR j.unemployed_since <= ? OR"
          + " greatest(j.updated_at, j.contacted_at, r.touched) < ?)";

  private final JdbcOperations jdbc;

  WorklistQueries(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Seeking residents by how much they need attention: 3 points a difficulty category, a point each
   * half year out of work (at most 4), 2 without an open referral, 2 without contact (a change of
   * their profile or a referral's move) since {@code quiet}.
   */
  Found residents(Long community, LocalDate today, Instant quiet, int limit) {
    String sql =
        "WITH r AS (SELECT jobseeker_id, max(touched_at) AS touched,"
            + " bool_or(state IN "
            + OPEN
            + ") AS open FROM referral WHERE (CAST(? AS BIGINT) IS NULL OR community_id = ?)"
            + " GROUP BY jobseeker_id)"
            + " SELECT j.id, j.name, j.community_id, j.difficulty_categories, j.unemployed_since,"
            + " greatest(j.updated_at, j.contacted_at, r.touched) AS contact, coalesce(r.open, FALSE) AS open,"
            + " count(*) FILTER (WHERE "
            + ATTENTION
            + ") OVER () AS total"
            + " FROM jobseeker j LEFT JOIN r ON r.jobseeker_id = j.id"
            + " WHERE j.status IN ('SEEKING', 'REFERRED')"
            + " AND (CAST(? AS BIGINT) IS NULL OR j.community_id = ?)"
            + " ORDER BY 3 * cardinality(j.difficulty_categories)"
            + " + CASE WHEN j.unemployed_since IS NULL THEN 0"
            + "   ELSE least(4, (CAST(? AS DATE) - j.unemployed_since) / 182) END"
            + " + CASE WHEN coalesce(r.open, FALSE) THEN 0 ELSE 2 END"
            + " + CASE WHEN greatest(j.updated_at, j.contacted_at, r.touched) < ? THEN 2 ELSE 0 END DESC,"
            + " j.unemployed_since NULLS LAST, j.id LIMIT ?";
    LocalDate yearAgo = today.minusYears(1);
    return found(
        sql,
        community,
        community,
        yearAgo,
        Timestamp.from(quiet),
        community,
        community,
        today,
        Timestamp.from(quiet),
        limit);
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

  private static final String REFERRAL_COLUMNS =
      "SELECT r.id, r.state, r.jobseeker_id, j.name, r.community_id, r.posting_id, p.title,"
          + " r.partner_unit_id, u.name AS unit, r.touched_at, r.sent_at, r.interview_at,"
          + " r.interview_place, count(*) OVER () AS total FROM referral r"
          + " JOIN jobseeker j ON j.id = r.jobseeker_id JOIN posting p ON p.id = r.posting_id"
          + " JOIN partner_unit u ON u.id = r.partner_unit_id";

  /** Referrals of the community that pass the condition, in the order given. */
  Found referrals(Long community, String where, String order, int limit, Object... params) {
    Object[] all = new Object[params.length + 3];
    System.arraycopy(params, 0, all, 0, params.length);
    all[params.length] = community;
    all[params.length + 1] = community;
    all[params.length + 2] = limit;
    return found(
        REFERRAL_COLUMNS
            + " WHERE "
            + where
            + " AND (CAST(? AS BIGINT) IS NULL OR r.community_id = ?) ORDER BY "
            + order
            + " LIMIT ?",
        all);
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

  /** Follow-ups not yet recorded of placements still running, due by the day (or overdue). */
  Found followUps(Long community, LocalDate dueBy, int limit) {
    return found(
        "SELECT f.id, f.months, f.due_on, pl.jobseeker_id, j.name, pl.community_id,"
            + " count(*) OVER () AS total"
            + FOLLOW_UPS.replace(" WHERE", " JOIN jobseeker j ON j.id = pl.jobseeker_id WHERE")
            + " AND (CAST(? AS BIGINT) IS NULL OR pl.community_id = ?)"
            + " ORDER BY f.due_on, f.id LIMIT ?",
        dueBy,
        community,
        community,
        limit);
  }

  Map<Long, Long> followUpCounts(LocalDate dueBy) {
    return counts("SELECT pl.community_id, count(*)" + FOLLOW_UPS + " GROUP BY 1", dueBy);
  }

  private static final String AGREEMENTS =
      " FROM agreement a JOIN partner_unit u ON u.id = a.partner_unit_id"
          + " WHERE a.status = 'ACTIVE' AND a.valid_until BETWEEN ? AND ?";

  /** Active agreements the community signed that end within the days. */
  Found agreements(Long community, LocalDate today, int days, int limit) {
    return found(
        "SELECT a.id, a.number, a.partner_unit_id, u.name AS unit, a.valid_until,"
            + " a.signing_community_id AS community_id, count(*) OVER () AS total"
            + AGREEMENTS
            + " AND (CAST(? AS BIGINT) IS NULL OR a.signing_community_id = ?)"
            + " ORDER BY a.valid_until, a.id LIMIT ?",
        today,
        today.plusDays(days),
        community,
        community,
        limit);
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
