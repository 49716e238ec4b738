package hongniang.referrals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A referral as its viewer may see it. Staff and the resident see all of it; an employer sees it
 * only while the resident's consent stands, and of the resident only the fields consented to, no
 * notes, no board reasons and no other referral's existence.
 *
 * @param next the states this caller may move the referral to now
 * @param replyDue when the employer's answer is due (sent referrals)
 * @param expiresOn the day an open referral expires if nobody touches it
 * @param history every transition, oldest first (one referral read on its own)
 */
@Serdeable
public record ReferralView(
    long id,
    ReferralState state,
    ReferralOrigin origin,
    long postingId,
    @Nullable String postingTitle,
    long partnerUnitId,
    @Nullable String unitName,
    Resident resident,
    @Nullable String note,
    @Nullable Double boardScore,
    @Nullable JsonNode boardReasons,
    @Nullable Interview interview,
    @Nullable ConsentView consent,
    @Nullable String endedReason,
    @Nullable Instant sentAt,
    @Nullable Instant replyDue,
    boolean replyOverdue,
    @Nullable Instant answeredAt,
    @Nullable Instant createdAt,
    Instant touchedAt,
    @Nullable LocalDate expiresOn,
    List<ReferralState> next,
    long version,
    @Nullable List<Event> history) {

  /**
   * The resident as this viewer may see them: staff and the resident see id, name and community; an
   * employer sees exactly the consented fields (and no id).
   */
  @Serdeable
  public record Resident(
      @Nullable Long id,
      @Nullable String name,
      @Nullable Long communityId,
      @Nullable String communityName,
      @Nullable Integer age,
      @Nullable String phone,
      @Nullable List<String> skills,
      @Nullable List<String> licences,
      @Nullable String workHistory,
      @Nullable List<String> desiredOccupations,
      @Nullable List<String> hardship,
      @Nullable String disability) {}

  @Serdeable
  public record Interview(LocalDate date, LocalTime time, String place, String contact) {}

  /** The consent standing (or last withdrawn); an employer sees which fields and when only. */
  @Serdeable
  public record ConsentView(
      List<SharedField> fields,
      @Nullable ConsentMethod method,
      @Nullable String reference,
      @Nullable String recordedBy,
      Instant givenAt,
      @Nullable Instant withdrawnAt) {}

  /** One transition: who (in which role), when, from, to, why. */
  @Serdeable
  public record Event(
      Instant at,
      String actor,
      String role,
      @Nullable ReferralState from,
      ReferralState to,
      @Nullable RefusalReason reason,
      @Nullable String note) {}
}
