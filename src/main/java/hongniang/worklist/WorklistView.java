package hongniang.worklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A worklist: its sections in the order a matchmaker works them, each with how many items it holds
 * in all and the first of them, every item saying why it is there.
 *
 * @param communityId the community, or null for an admin's view across communities
 * @param byCommunity an admin's counts per community and section (null for one community)
 */
@Serdeable
public record WorklistView(
    @Nullable Long communityId,
    @Nullable String communityName,
    LocalDate today,
    List<Section> sections,
    @Nullable List<CommunityCounts> byCommunity) {

  /** One section: {@code key} names it (residents, waiting, consents, …). */
  @Serdeable
  public record Section(String key, String title, long count, List<Item> items) {}

  /**
   * One thing to do. Which ids are set depends on the section: a resident, a referral (with its
   * resident and posting), an agreement, a follow-up.
   *
   * @param waitingOn whom a referral waits on: MATCHMAKER, RESIDENT or EMPLOYER
   * @param since when the wait began (the referral's last move, the resident's last contact)
   * @param due the day it is due or expires
   */
  @Serdeable
  public record Item(
      @Nullable Long jobseekerId,
      @Nullable String residentName,
      @Nullable Long communityId,
      @Nullable Long referralId,
      @Nullable String state,
      @Nullable Long postingId,
      @Nullable String postingTitle,
      @Nullable Long partnerUnitId,
      @Nullable String unitName,
      @Nullable Long agreementId,
      @Nullable Long followUpId,
      @Nullable String waitingOn,
      @Nullable Instant since,
      @Nullable LocalDate due,
      List<Why> why) {

    /** A resident who needs attention, or whose answer is awaited. */
    static Item resident(
        long jobseekerId,
        String name,
        Long communityId,
        String waitingOn,
        Instant since,
        LocalDate due,
        List<Why> why) {
      return new Item(
          jobseekerId,
          name,
          communityId,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          waitingOn,
          since,
          due,
          why);
    }

    /** A follow-up of a resident's placement. */
    static Item followUp(
        long jobseekerId, String name, Long communityId, long followUpId, LocalDate due, Why why) {
      return new Item(
          jobseekerId,
          name,
          communityId,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          followUpId,
          null,
          null,
          due,
          List.of(why));
    }

    /** A partner unit's agreement. */
    static Item agreement(
        Long communityId, long unitId, String unitName, long agreementId, LocalDate due, Why why) {
      return new Item(
          null,
          null,
          communityId,
          null,
          null,
          null,
          null,
          unitId,
          unitName,
          agreementId,
          null,
          null,
          null,
          due,
          List.of(why));
    }
  }

  /** A reason as a code and a sentence in the caller's language. */
  @Serdeable
  public record Why(String code, String text) {}

  /** An admin's view: each community's counts by section key. */
  @Serdeable
  public record CommunityCounts(long communityId, String name, Map<String, Long> counts) {}
}
