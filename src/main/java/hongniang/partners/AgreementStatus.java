package hongniang.partners;

/** The stored status of an agreement; "expired" is not stored, it follows from the date. */
public enum AgreementStatus {
  ACTIVE,
  SUSPENDED,
  TERMINATED
}
