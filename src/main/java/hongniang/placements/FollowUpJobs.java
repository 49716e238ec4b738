package hongniang.placements;

import hongniang.inbox.Inbox;
import hongniang.inbox.Notice;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hourly: a community's matchmakers hear once, in their inbox, that a follow-up of one of their
 * placements has come due ({@value FollowUpState#DUE_DAYS} days before its date, when it may be
 * recorded). One already {@value #STALE_DAYS} days overdue when first seen (a placement recorded
 * late) is on the worklist only: a pile of old notices would bury the new ones.
 */
@Singleton
@Requires(property = "hongniang.jobs.enabled", notEquals = "false")
public class FollowUpJobs {

  static final int STALE_DAYS = 30;
  private static final int BATCH = 500;

  private final JdbcOperations jdbc;
  private final Inbox inbox;
  private final Clock clock;

  FollowUpJobs(JdbcOperations jdbc, Inbox inbox, Clock clock) {
    this.jdbc = jdbc;
    this.inbox = inbox;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "3m")
  void run() {
    while (tellDue() == BATCH) {
      // the next batch
    }
  }

  private record Due(
      long placementId, int months, LocalDate dueOn, long communityId, String resident) {}

  /** Tells one batch of communities of their follow-ups come due; returns how many. */
  @Transactional
  public int tellDue() {
    LocalDate today = LocalDate.now(clock);
    List<Due> due =
        jdbc.prepareStatement(
            "WITH due AS (SELECT f.id FROM follow_up f JOIN placement p ON p.id = f.placement_id"
                + " WHERE f.outcome IS NULL AND f.due_told_at IS NULL AND f.due_on BETWEEN ? AND ?"
                + " AND p.ended_on IS NULL AND p.cancelled_at IS NULL"
                + " ORDER BY f.id LIMIT ? FOR UPDATE OF f SKIP LOCKED),"
                + " told AS (UPDATE follow_up f SET due_told_at = now() FROM due"
                + " WHERE f.id = due.id RETURNING f.placement_id, f.months, f.due_on)"
                + " SELECT t.placement_id, t.months, t.due_on, p.community_id, j.name FROM told t"
                + " JOIN placement p ON p.id = t.placement_id"
                + " JOIN jobseeker j ON j.id = p.jobseeker_id ORDER BY t.due_on, t.placement_id",
            ps -> {
              ps.setObject(1, today.minusDays(STALE_DAYS));
              ps.setObject(2, today.plusDays(FollowUpState.DUE_DAYS));
              ps.setInt(3, BATCH);
              List<Due> rows = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  rows.add(
                      new Due(
                          rs.getLong(1),
                          rs.getInt(2),
                          rs.getObject(3, LocalDate.class),
                          rs.getLong(4),
                          rs.getString(5)));
                }
              }
              return rows;
            });
    for (Due d : due) {
      inbox.toCommunity(
          d.communityId(),
          new Notice(
              Notice.FOLLOW_UP_DUE,
              PlacementService.PLACEMENT,
              d.placementId(),
              Map.of(
                  "resident",
                  d.resident(),
                  "months",
                  Integer.toString(d.months()),
                  "date",
                  d.dueOn().toString())));
    }
    return due.size();
  }
}
