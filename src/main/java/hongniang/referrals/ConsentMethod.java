package hongniang.referrals;

/** How a consent was given: by the resident signed in, or recorded by staff on their behalf. */
public enum ConsentMethod {
  /** The resident consented themself, signed in. */
  ONLINE,
  /** In person, with the resident's signature (the reference names the signed form). */
  IN_PERSON_SIGNATURE,
  /** By phone (the reference names the call, e.g. its time and number called from). */
  PHONE_CALL,
  /** On a paper form (the reference names the form). */
  PAPER_FORM
}
