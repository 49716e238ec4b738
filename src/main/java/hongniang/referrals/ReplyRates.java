package hongniang.referrals;

import hongniang.common.ApiProblem;
import hongniang.partners.PartnerService;
import hongniang.security.Caller;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Partner units' reply rates and median reply times, kept by the referrals themselves. */
@Singleton
public class ReplyRates {

  private final ReferralRepository referrals;
  private final ReferralSettings settings;
  private final PartnerService partners;
  private final Clock clock;

  ReplyRates(
      ReferralRepository referrals,
      ReferralSettings settings,
      PartnerService partners,
      Clock clock) {
    this.referrals = referrals;
    this.settings = settings;
    this.partners = partners;
    this.clock = clock;
  }

  /** Every unit's figures (staff), or one unit's; an employer sees only its own (others 404). */
  public List<ReplyRate> of(Caller caller, Long partnerUnitId) {
    Long unit = partnerUnitId;
    if (caller.isEmployer()) {
      if (unit != null && !unit.equals(caller.partnerUnitId())) {
        throw ApiProblem.notFound("partner unit", unit);
      }
      unit = caller.partnerUnitId();
    }
    List<ReplyRateRow> rows = referrals.replyRates(unit, settings.getReplyDays(), clock.instant());
    Map<Long, PartnerService.UnitCard> units =
        partners.unitCards(rows.stream().map(ReplyRateRow::unitId).toList());
    return rows.stream()
        .map(
            r ->
                new ReplyRate(
                    r.unitId(),
                    units.containsKey(r.unitId()) ? units.get(r.unitId()).name() : null,
                    r.sent(),
                    r.answered(),
                    r.answeredInTime(),
                    r.due(),
                    r.overdue(),
                    r.due() == 0
                        ? null
                        : Math.round(1000.0 * r.answeredInTime() / r.due()) / 1000.0,
                    r.medianHours() == null ? null : Math.round(r.medianHours() * 10) / 10.0))
        .toList();
  }
}
