package hongniang.referrals;

import hongniang.documents.MatchRecords;
import hongniang.inbox.Inbox;
import hongniang.inbox.Notice;
import hongniang.jobseekers.ResidentCards;
import hongniang.matching.Posting;
import hongniang.partners.PartnerService;
import jakarta.inject.Singleton;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Who hears of a referral's move, in the same transaction as the move: the resident of a referral
 * to consent to, an interview, an outcome; the unit of a consented candidate, a withdrawal and an
 * overdue answer; the matchmakers of a resident's request, consent or refusal, an employer's
 * outcome and an expiry. No message names an ID number or a phone; the unit's never names the
 * resident.
 */
@Singleton
class ReferralNotices {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Inbox inbox;
  private final MatchRecords records;
  private final ResidentCards residents;
  private final PartnerService partners;
  private final ReferralSettings settings;

  ReferralNotices(
      Inbox inbox,
      MatchRecords records,
      ResidentCards residents,
      PartnerService partners,
      ReferralSettings settings) {
    this.inbox = inbox;
    this.records = records;
    this.residents = residents;
    this.partners = partners;
    this.settings = settings;
  }

  /** Tells those who should hear that the referral moved from a state (null: it was made). */
  void moved(Referral r, ReferralState from, Moves.Actor actor) {
    ReferralState to = r.state();
    switch (to) {
      case REQUESTED -> toCommunity(r, Notice.REFERRAL_REQUESTED, Map.of());
      case PROPOSED ->
          inbox.toResident(
              r.jobseekerId(),
              notice(
                  r,
                  Notice.REFERRAL_CONSENT_REQUESTED,
                  Map.of("unit", unit(r), "title", title(r))));
      case CONSENTED -> {
        if (actor == Moves.Actor.RESIDENT) {
          toCommunity(r, Notice.REFERRAL_CONSENTED, Map.of());
        }
      }
      case DECLINED_BY_RESIDENT -> {
        if (actor == Moves.Actor.RESIDENT) {
          toCommunity(
              r,
              Notice.REFERRAL_DECLINED,
              Map.of("reason", r.endedReason() == null ? "" : r.endedReason()));
        }
      }
      case SENT -> toUnit(r, Notice.REFERRAL_CANDIDATE, Map.of());
      case INTERVIEW ->
          inbox.toResident(
              r.jobseekerId(),
              notice(
                  r,
                  Notice.REFERRAL_INTERVIEW,
                  Map.of(
                      "unit", unit(r),
                      "title", title(r),
                      "when", r.interviewAt().format(WHEN),
                      "place", r.interviewPlace())));
      case HIRED, NOT_HIRED -> {
        inbox.toResident(
            r.jobseekerId(),
            notice(r, Notice.REFERRAL_OUTCOME, Map.of("title", title(r), "outcome", to.name())));
        if (actor == Moves.Actor.EMPLOYER) {
          toCommunity(r, Notice.REFERRAL_OUTCOME_RECORDED, Map.of("outcome", to.name()));
        }
      }
      case WITHDRAWN, OBSOLETE -> {
        if (from == ReferralState.SENT || from == ReferralState.INTERVIEW) {
          toUnit(r, Notice.REFERRAL_CONSENT_WITHDRAWN, Map.of());
        }
      }
      case EXPIRED -> toCommunity(r, Notice.REFERRAL_EXPIRED, Map.of());
    }
  }

  /** Tells the unit its answer to a sent referral is overdue. */
  void replyOverdue(Referral r) {
    toUnit(
        r, Notice.REFERRAL_REPLY_OVERDUE, Map.of("days", String.valueOf(settings.getReplyDays())));
  }

  private void toCommunity(Referral r, String kind, Map<String, String> more) {
    Map<String, String> params = new java.util.HashMap<>(more);
    params.put("resident", residents.card(r.jobseekerId()).map(c -> c.name()).orElse(""));
    params.put("title", title(r));
    inbox.toCommunity(r.communityId(), notice(r, kind, params));
  }

  private void toUnit(Referral r, String kind, Map<String, String> more) {
    Map<String, String> params = new java.util.HashMap<>(more);
    params.put("title", title(r));
    inbox.toUnit(r.partnerUnitId(), notice(r, kind, params));
  }

  private static Notice notice(Referral r, String kind, Map<String, String> params) {
    return new Notice(kind, ReferralService.SUBJECT, r.id(), params);
  }

  private String title(Referral r) {
    return records.posting(r.postingId()).map(Posting::title).orElse("");
  }

  private String unit(Referral r) {
    return partners.unitName(r.partnerUnitId()).orElse("");
  }
}
