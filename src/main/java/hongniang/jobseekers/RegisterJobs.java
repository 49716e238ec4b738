package hongniang.jobseekers;

import hongniang.inbox.Inbox;
import hongniang.inbox.Notice;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register's clockwork, every hour: seeking residents not heard of for the ask-every days are
 * asked "still looking?" (a {@code check_in} row and an inbox message, in one transaction); a first
 * ask unanswered for the answer days is asked once more; a second ask unanswered as long sets the
 * resident INACTIVE with the reason NO_ANSWER, which takes them out of matching. Each step runs in
 * batches that skip rows another transaction holds, so a resident answering or being edited is
 * never overwritten; what is skipped is done an hour later.
 */
@Singleton
@Requires(property = "hongniang.jobs.enabled", notEquals = "false")
public class RegisterJobs {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterJobs.class);
  private static final int BATCH = 500;

  private final CheckIns checkIns;
  private final RegisterSettings settings;
  private final Inbox inbox;
  private final Clock clock;

  RegisterJobs(CheckIns checkIns, RegisterSettings settings, Inbox inbox, Clock clock) {
    this.checkIns = checkIns;
    this.settings = settings;
    this.inbox = inbox;
    this.clock = clock;
  }

  /** How many residents one run asked, asked again, and set INACTIVE. */
  public record Run(int asked, int askedAgain, int deactivated) {}

  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  void scheduled() {
    Run run = runOnce();
    if (run.asked() + run.askedAgain() + run.deactivated() > 0) {
      LOG.info(
          "Register: {} residents asked, {} asked again, {} set inactive for no answer",
          run.asked(),
          run.askedAgain(),
          run.deactivated());
    }
  }

  /**
   * One pass of all three steps until nothing is left (or only rows others hold): the oldest asks
   * are settled first, so a resident never moves two steps in one run.
   */
  public Run runOnce() {
    int deactivated = drain(this::deactivateBatch);
    int askedAgain = drain(this::askAgainBatch);
    int asked = 0;
    long after = 0;
    Step step;
    do {
      step = askBatch(after);
      asked += step.acted();
      after = step.last();
    } while (step.settled() == BATCH);
    return new Run(asked, askedAgain, deactivated);
  }

  /**
   * What one batch did: how many rows it settled (a full batch means more may be waiting), on how
   * many residents it acted, and the last resident id it reached (for the asks, which go by id).
   */
  public record Step(int settled, int acted, long last) {}

  /** Asks one batch of residents (ids above {@code after}) whose last contact is too old. */
  @Transactional
  public Step askBatch(long after) {
    Instant now = clock.instant();
    Map<Long, Long> due =
        checkIns.lockDue(after, now.minus(Duration.ofDays(settings.getAskEveryDays())), BATCH);
    due.forEach((id, community) -> ask(id, community, 1, now, now));
    long last = due.keySet().stream().mapToLong(Long::longValue).max().orElse(after);
    return new Step(due.size(), due.size(), last);
  }

  /** Asks once more the residents of one batch of first asks unanswered for the answer days. */
  @Transactional
  public Step askAgainBatch() {
    Instant now = clock.instant();
    List<CheckIns.Ask> lapsed = checkIns.lockLapsed(1, cutoff(now), BATCH);
    checkIns.close(lapsed.stream().map(CheckIns.Ask::id).toList(), now);
    int asked = 0;
    for (CheckIns.Ask a : lapsed) {
      // a resident no longer seeking (employed, or set inactive by hand) is not asked again
      if (a.seeking()) {
        ask(a.jobseekerId(), a.communityId(), 2, a.firstAskedAt(), now);
        asked++;
      }
    }
    return new Step(lapsed.size(), asked, 0);
  }

  /** Sets INACTIVE (NO_ANSWER) the residents of one batch of second asks unanswered as long. */
  @Transactional
  public Step deactivateBatch() {
    Instant now = clock.instant();
    List<CheckIns.Ask> lapsed = checkIns.lockLapsed(2, cutoff(now), BATCH);
    checkIns.close(lapsed.stream().map(CheckIns.Ask::id).toList(), now);
    List<Long> seeking =
        lapsed.stream().filter(CheckIns.Ask::seeking).map(CheckIns.Ask::jobseekerId).toList();
    int changed = checkIns.deactivate(seeking, InactiveReason.NO_ANSWER, now);
    return new Step(lapsed.size(), changed, 0);
  }

  private Instant cutoff(Instant now) {
    return now.minus(Duration.ofDays(settings.getAnswerDays()));
  }

  private void ask(long jobseekerId, long communityId, int round, Instant first, Instant now) {
    checkIns.ask(jobseekerId, communityId, round, first, now);
    inbox.toResident(
        jobseekerId,
        new Notice(Notice.REGISTER_STILL_LOOKING, JobseekerService.SUBJECT, jobseekerId, Map.of()));
  }

  /** Runs a batch step until it comes back short; returns on how many residents it acted. */
  private static int drain(Supplier<Step> batch) {
    int total = 0;
    Step step;
    do {
      step = batch.get();
      total += step.acted();
    } while (step.settled() == BATCH);
    return total;
  }
}
