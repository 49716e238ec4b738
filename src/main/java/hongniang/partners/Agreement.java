package hongniang.partners;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("agreement")
record Agreement(
    @Id @GeneratedValue @Nullable Long id,
    Long partnerUnitId,
    String number,
    Long signingCommunityId,
    LocalDate signedOn,
    LocalDate validUntil,
    AgreementStatus status,
    @Nullable String notes,
    @DateCreated @Nullable Instant createdAt,
    @DateUpdated @Nullable Instant updatedAt) {

  /** ACTIVE, EXPIRED (active but past its date), NOT_YET_VALID, SUSPENDED or TERMINATED. */
  String effectiveStatus(LocalDate today) {
    if (status != AgreementStatus.ACTIVE) {
      return status.name();
    }
    if (validUntil.isBefore(today)) {
      return "EXPIRED";
    }
    return signedOn.isAfter(today) ? "NOT_YET_VALID" : "ACTIVE";
  }
}
