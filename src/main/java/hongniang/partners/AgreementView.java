package hongniang.partners;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** An agreement as the API shows it; {@code effectiveStatus} says EXPIRED once past its date. */
@Serdeable
public record AgreementView(
    Long id,
    Long partnerUnitId,
    String number,
    Long signingCommunityId,
    LocalDate signedOn,
    LocalDate validUntil,
    AgreementStatus status,
    String effectiveStatus,
    String notes) {

  static AgreementView of(Agreement a, LocalDate today) {
    return new AgreementView(
        a.id(),
        a.partnerUnitId(),
        a.number(),
        a.signingCommunityId(),
        a.signedOn(),
        a.validUntil(),
        a.status(),
        a.effectiveStatus(today),
        a.notes());
  }
}
