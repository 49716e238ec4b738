package hongniang.postings;

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
 * Hourly: a unit hears once, in its inbox, that an open posting's validity ends within {@value
 * #NOTICE_DAYS} days, so it can extend or close it before residents stop seeing it.
 */
@Singleton
@Requires(property = "hongniang.jobs.enabled", notEquals = "false")
public class PostingJobs {

  static final int NOTICE_DAYS = 7;
  private static final int BATCH = 500;

  private final JdbcOperations jdbc;
  private final Inbox inbox;
  private final Clock clock;

  PostingJobs(JdbcOperations jdbc, Inbox inbox, Clock clock) {
    this.jdbc = jdbc;
    this.inbox = inbox;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "2m")
  void run() {
    while (tellExpiring() == BATCH) {
      // the next batch
    }
  }

  private record Expiring(long id, long unitId, String title, LocalDate validThrough) {}

  /** Tells one batch of units of their postings about to lapse; returns how many. */
  @Transactional
  public int tellExpiring() {
    LocalDate today = LocalDate.now(clock);
    List<Expiring> due =
        jdbc.prepareStatement(
            "UPDATE posting SET expiry_told_for = valid_through WHERE id IN (SELECT id FROM posting"
                + " WHERE status = 'OPEN' AND valid_through BETWEEN ? AND ?"
                + " AND expiry_told_for IS DISTINCT FROM valid_through ORDER BY id LIMIT ?"
                + " FOR UPDATE SKIP LOCKED) RETURNING id, partner_unit_id, title, valid_through",
            ps -> {
              ps.setObject(1, today);
              ps.setObject(2, today.plusDays(NOTICE_DAYS));
              ps.setInt(3, BATCH);
              List<Expiring> rows = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  rows.add(
                      new Expiring(
                          rs.getLong(1),
                          rs.getLong(2),
                          rs.getString(3),
                          rs.getObject(4, LocalDate.class)));
                }
              }
              return rows;
            });
    for (Expiring p : due) {
      inbox.toUnit(
          p.unitId(),
          new Notice(
              Notice.POSTING_EXPIRING,
              "posting",
              p.id(),
              Map.of("title", p.title(), "date", p.validThrough().toString())));
    }
    return due.size();
  }
}
