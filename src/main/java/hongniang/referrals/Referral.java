package hongniang.referrals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.time.LocalDateTime;

/** A referral row; {@link ReferralService} changes it only through the moves of {@link Moves}. */
@MappedEntity("referral")
record Referral(
    @Id @GeneratedValue @Nullable Long id,
    long jobseekerId,
    long postingId,
    long partnerUnitId,
    long communityId,
    ReferralState state,
    ReferralOrigin origin,
    @Nullable String note,
    @Nullable @TypeDef(type = DataType.JSON) String boardReasons,
    @Nullable Double boardScore,
    @Nullable LocalDateTime interviewAt,
    @Nullable String interviewPlace,
    @Nullable String interviewContact,
    @Nullable Instant sentAt,
    @Nullable Instant answeredAt,
    Instant touchedAt,
    @Nullable String endedReason,
    @Nullable Instant replyRemindedAt,
    String createdBy,
    @DateCreated @Nullable Instant createdAt,
    @DateUpdated @Nullable Instant updatedAt,
    @Version long version) {

  /** A new referral, touched now; the board's score and reasons when it came from a board run. */
  static Referral start(
      long jobseekerId,
      long postingId,
      long partnerUnitId,
      long communityId,
      ReferralState state,
      ReferralOrigin origin,
      String note,
      String boardReasons,
      Double boardScore,
      Instant now,
      String createdBy) {
    return new Referral(
        null,
        jobseekerId,
        postingId,
        partnerUnitId,
        communityId,
        state,
        origin,
        note,
        boardReasons,
        boardScore,
        null,
        null,
        null,
        null,
        null,
        now,
        null,
        null,
        createdBy,
        null,
        null,
        0);
  }

  /** This referral moved to another state at a moment, with the reason it ended (if it did). */
  Referral moved(ReferralState to, Instant at, String reason) {
    boolean answered =
        answeredAt == null
            && state == ReferralState.SENT
            && (to == ReferralState.INTERVIEW || to == ReferralState.NOT_HIRED);
    return copy(
        to,
        interviewAt,
        interviewPlace,
        interviewContact,
        to == ReferralState.SENT && sentAt == null ? at : sentAt,
        answered ? at : answeredAt,
        at,
        to.isOpen() ? null : reason);
  }

  /** This referral with an interview arranged. */
  Referral withInterview(LocalDateTime at, String place, String contact) {
    return copy(state, at, place, contact, sentAt, answeredAt, touchedAt, endedReason);
  }

  /** This referral with the fields a move changes. */
  private Referral copy(
      ReferralState state,
      LocalDateTime interviewAt,
      String interviewPlace,
      String interviewContact,
      Instant sentAt,
      Instant answeredAt,
      Instant touchedAt,
      String endedReason) {
    return new Referral(
        id,
        jobseekerId,
        postingId,
        partnerUnitId,
        communityId,
        state,
        origin,
        note,
        boardReasons,
        boardScore,
        interviewAt,
        interviewPlace,
        interviewContact,
        sentAt,
        answeredAt,
        touchedAt,
        endedReason,
        replyRemindedAt,
        createdBy,
        createdAt,
        updatedAt,
        version);
  }
}
