package hongniang.partners;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.Map;

/**
 * An agreement as the API shows it, names beside ids; {@code effectiveStatus} says EXPIRED once
 * past its date.
 */
@Serdeable
public record AgreementView(
    Long id,
    Long partnerUnitId,
    String unitName,
    String number,
    Long signingCommunityId,
    String signingCommunityName,
    LocalDate signedOn,
    LocalDate validUntil,
    AgreementStatus status,
    String effectiveStatus,
    String notes) {

  static AgreementView of(
      Agreement a, LocalDate today, Map<Long, String> units, Map<Long, String> communities) {
    return new AgreementView(
        a.id(),
        a.partnerUnitId(),
        units.get(a.partnerUnitId()),
        a.number(),
        a.signingCommunityId(),
        a.signingCommunityId() == null ? null : communities.get(a.signingCommunityId()),
        a.signedOn(),
        a.validUntil(),
        a.status(),
        a.effectiveStatus(today),
        a.notes());
  }
}
