package hongniang.demo;

import hongniang.partners.AgreementStatus;
import java.time.LocalDate;

/** A generated labour-information agreement, signed by a community (named) with its unit. */
record DemoAgreement(
    String number,
    String signingCommunity,
    LocalDate signedOn,
    LocalDate validUntil,
    AgreementStatus status,
    String notes) {

  /** True when the agreement entitles the unit to open postings on that day. */
  boolean isValidOn(LocalDate day) {
    return status == AgreementStatus.ACTIVE && !signedOn.isAfter(day) && !validUntil.isBefore(day);
  }
}
