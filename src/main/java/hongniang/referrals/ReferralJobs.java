package hongniang.referrals;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The referrals' clockwork: every quarter hour, open referrals untouched for the expiry days
 * expire, and units whose answer to a sent referral is overdue are told once. Both run in batches
 * that skip rows another transaction holds, so a move in progress is never overwritten.
 */
@Singleton
@Requires(property = "hongniang.jobs.enabled", notEquals = "false")
public class ReferralJobs {

  private static final Logger LOG = LoggerFactory.getLogger(ReferralJobs.class);
  private static final int BATCH = 500;

  private final ReferralRepository referrals;
  private final ConsentRepository consents;
  private final Transitions transitions;
  private final ReferralSettings settings;
  private final ReferralNotices notices;

  ReferralJobs(
      ReferralRepository referrals,
      ConsentRepository consents,
      Transitions transitions,
      ReferralSettings settings,
      ReferralNotices notices) {
    this.referrals = referrals;
    this.consents = consents;
    this.transitions = transitions;
    this.settings = settings;
    this.notices = notices;
  }

  @Scheduled(fixedDelay = "15m", initialDelay = "1m")
  void run() {
    int expired = 0;
    int batch;
    do {
      batch = expireBatch();
      expired += batch;
    } while (batch == BATCH);
    int reminded = remindBatch();
    if (expired > 0 || reminded > 0) {
      LOG.info("Referrals: {} expired, {} overdue answers told to their units", expired, reminded);
    }
  }

  /** Expires one batch of untouched open referrals; returns how many. */
  @Transactional
  public int expireBatch() {
    Instant now = transitions.now();
    Instant cutoff = now.minus(Duration.ofDays(settings.getExpireAfterDays()));
    LocalDateTime cutoffLocal = LocalDateTime.ofInstant(cutoff, transitions.zone());
    List<Referral> due = referrals.untouchedSince(cutoff, cutoffLocal, BATCH);
    for (Referral r : due) {
      transitions.move(
          r,
          ReferralState.EXPIRED,
          Transitions.SERVICE_ACTOR,
          Transitions.SERVICE_ROLE,
          RefusalReason.UNTOUCHED,
          null,
          null);
      consents.withdraw(r.id(), now, Transitions.SERVICE_ACTOR);
    }
    return due.size();
  }

  /** Tells units once of sent referrals unanswered past the reply days; returns how many. */
  @Transactional
  public int remindBatch() {
    Instant now = transitions.now();
    List<Referral> due =
        referrals.unansweredSince(now.minus(Duration.ofDays(settings.getReplyDays())), BATCH);
    if (!due.isEmpty()) {
      referrals.markReminded(due.stream().map(Referral::id).toList(), now);
      due.forEach(notices::replyOverdue);
    }
    return due.size();
  }
}
