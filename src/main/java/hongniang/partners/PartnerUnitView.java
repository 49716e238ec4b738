package hongniang.partners;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** A partner unit as the API shows it, with whether it is a partner today and until when. */
@Serdeable
public record PartnerUnitView(
    Long id,
    String name,
    String creditCode,
    String address,
    String contactPerson,
    String contactPhone,
    String industry,
    boolean partner,
    LocalDate partnerUntil) {

  static PartnerUnitView of(PartnerUnit u, LocalDate partnerUntil) {
    return new PartnerUnitView(
        u.id(),
        u.name(),
        u.creditCode(),
        u.address(),
        u.contactPerson(),
        u.contactPhone(),
        u.industry(),
        partnerUntil != null,
        partnerUntil);
  }
}
