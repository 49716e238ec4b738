package hongniang.training;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;

/**
 * The figures of training in a period, in one query: the totals and each kind's (a grouping set
 * each), so that "174 trained" is a query away and the parts add up to it.
 */
@Singleton
class TrainingFigures {

  /** A completion in the period; its columns repeat in each FILTER, which cannot name an alias. */
  private static final String DONE = "e.status = 'COMPLETED' AND e.completed_on BETWEEN ? AND ?";

  private static final String ENROLLED =
      "e.status <> 'WITHDRAWN' AND e.enrolled_at >= ? AND e.enrolled_at < ?";

  private static final String SQL =
      "SELECT c.kind, GROUPING(c.kind) AS total,"
          + " count(DISTINCT e.jobseeker_id) FILTER (WHERE "
          + DONE
          + ") AS trained,"
          + " count(*) FILTER (WHERE "
          + DONE
          + ") AS completions,"
          + " count(*) FILTER (WHERE "
          + DONE
          + " AND e.passed) AS passed,"
          + " count(*) FILTER (WHERE "
          + DONE
          + " AND e.passed AND c.licence IS NOT NULL) AS certificates,"
          + " count(DISTINCT e.jobseeker_id) FILTER (WHERE "
          + ENROLLED
          + ") AS enrolled"
          + " FROM enrolment e JOIN course c ON c.id = e.course_id"
          + " JOIN jobseeker j ON j.id = e.jobseeker_id"
          + " WHERE (CAST(? AS BIGINT) IS NULL OR j.community_id = ?)"
          + " GROUP BY GROUPING SETS ((), (c.kind))";

  private final JdbcOperations jdbc;

  TrainingFigures(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  TrainingSummary summary(LocalDate from, LocalDate to, Long communityId, ZoneId zone) {
    return jdbc.prepareStatement(
        SQL,
        ps -> {
          int i = 1;
          for (int done = 0; done < 4; done++) {
            i = period(ps, i, from, to);
          }
          ps.setTimestamp(i++, Timestamp.from(from.atStartOfDay(zone).toInstant()));
          ps.setTimestamp(i++, Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
          ps.setObject(i++, communityId, java.sql.Types.BIGINT);
          ps.setObject(i, communityId, java.sql.Types.BIGINT);
          Map<CourseKind, TrainingSummary.Kind> kinds = new EnumMap<>(CourseKind.class);
          for (CourseKind k : CourseKind.values()) {
            kinds.put(k, new TrainingSummary.Kind(k, 0, 0, 0, 0, 0));
          }
          TrainingSummary.Kind total = new TrainingSummary.Kind(null, 0, 0, 0, 0, 0);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              CourseKind kind =
                  rs.getInt("total") == 1 ? null : CourseKind.valueOf(rs.getString("kind"));
              TrainingSummary.Kind row =
                  new TrainingSummary.Kind(
                      kind,
                      rs.getLong("trained"),
                      rs.getLong("completions"),
                      rs.getLong("passed"),
                      rs.getLong("certificates"),
                      rs.getLong("enrolled"));
              if (kind == null) {
                total = row;
              } else {
                kinds.put(kind, row);
              }
            }
          }
          return new TrainingSummary(
              from,
              to,
              communityId,
              total.residentsTrained(),
              total.completions(),
              total.passed(),
              total.certificatesEarned(),
              total.residentsEnrolled(),
              new ArrayList<>(kinds.values()));
        });
  }

  private static int period(PreparedStatement ps, int at, LocalDate from, LocalDate to)
      throws SQLException {
    ps.setDate(at, Date.valueOf(from));
    ps.setDate(at + 1, Date.valueOf(to));
    return at + 2;
  }
}
