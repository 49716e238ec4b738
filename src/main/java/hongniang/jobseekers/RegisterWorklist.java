package hongniang.jobseekers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The register's lines of a matchmaker's worklist, for the worklist to call (it decides who may see
 * which community): residents who have not answered "still looking?" for the answer days, and
 * residents not heard of for a number of days. Names only, nothing else personal; nothing is
 * audited here.
 *
 * <p>"Heard of" (contact) is the later of the profile's creation or last change by staff, and the
 * resident's last answer or reactivation. Referral moves and follow-ups count only when their
 * feature reports them through {@link RegisterService#recordContact}; asks do not count.
 */
@Singleton
public class RegisterWorklist {

  private final CheckIns checkIns;
  private final RegisterSettings settings;
  private final Clock clock;

  RegisterWorklist(CheckIns checkIns, RegisterSettings settings, Clock clock) {
    this.checkIns = checkIns;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * A seeking resident whose "still looking?" has gone unanswered for the answer days or more: the
   * round now open (2 once asked again), when the first ask of the cycle and the open one were
   * sent, and when the resident becomes INACTIVE if nobody answers.
   */
  public record UnansweredAsk(
      long jobseekerId,
      String name,
      long communityId,
      int round,
      Instant firstAskedAt,
      Instant askedAt,
      Instant inactiveFrom) {}

  /** A seeking resident not heard of since {@code lastContactAt}. */
  public record NoContact(
      long jobseekerId,
      String name,
      long communityId,
      JobseekerStatus status,
      Instant lastContactAt) {}

  /**
   * The community's residents whose first ask of the cycle was sent {@code answer-days} or more ago
   * without an answer, the longest waiting first; every community's when {@code communityId} is
   * null. At most {@code limit} (1 to 1000).
   */
  @Transactional(readOnly = true)
  public List<UnansweredAsk> unansweredAsks(@Nullable Long communityId, int limit) {
    Duration wait = Duration.ofDays(settings.getAnswerDays());
    return checkIns.unanswered(communityId, clock.instant().minus(wait), wait, limit(limit));
  }

  /**
   * How many residents {@link #unansweredAsks} would list, per community id: of one community, or
   * of every community when {@code communityId} is null.
   */
  @Transactional(readOnly = true)
  public Map<Long, Long> unansweredAskCounts(@Nullable Long communityId) {
    return checkIns.unansweredCounts(
        communityId, clock.instant().minus(Duration.ofDays(settings.getAnswerDays())));
  }

  /**
   * The community's seeking residents not heard of for {@code days} days or more (the worklist's
   * "no contact in 30 days"), the longest silent first; at most {@code limit} (1 to 1000).
   */
  @Transactional(readOnly = true)
  public List<NoContact> noContactSince(long communityId, int days, int limit) {
    days(days);
    return checkIns.silent(communityId, clock.instant().minus(Duration.ofDays(days)), limit(limit));
  }

  /** How many residents {@link #noContactSince} would list, per community id. */
  @Transactional(readOnly = true)
  public Map<Long, Long> noContactCounts(int days) {
    days(days);
    return checkIns.silentCounts(clock.instant().minus(Duration.ofDays(days)));
  }

  private static void days(int days) {
    if (days < 1 || days > 3650) {
      throw new IllegalArgumentException("days from 1 to 3650, not " + days);
    }
  }

  private static int limit(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("a limit from 1 to 1000, not " + limit);
    }
    return limit;
  }
}
