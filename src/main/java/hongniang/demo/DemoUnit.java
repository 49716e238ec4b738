package hongniang.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A generated partner unit with its agreements, oldest first; {@code homeCommunity} is null for an
 * employer outside the district.
 */
record DemoUnit(
    String name,
    String creditCode,
    String address,
    String contactPerson,
    String contactPhone,
    String industry,
    String homeCommunity,
    String city,
    List<PostingKind> kinds,
    boolean publicSector,
    List<DemoAgreement> agreements) {

  /** The last day of the unit's partnership, if one of its agreements is valid on the day. */
  Optional<LocalDate> partnerUntil(LocalDate day) {
    return agreements.stream()
        .filter(a -> a.isValidOn(day))
        .map(DemoAgreement::validUntil)
        .max(LocalDate::compareTo);
  }

  boolean isOutside() {
    return homeCommunity == null;
  }
}
