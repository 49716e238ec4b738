package hongniang.jobseekers;

/**
 * How a resident agreed to the service keeping their personal data, as the matchmaker who
 * registered them recorded it (个人信息保护法 Art. 13-14: the resident is told what is kept and why, and
 * agrees).
 */
public enum DataConsent {
  /** A signed paper form, kept at the community's office. */
  SIGNED_FORM,
  /** Said yes in person, to the matchmaker registering them. */
  IN_PERSON,
  /** Said yes on the phone. */
  PHONE,
  /** Agreed online. */
  ONLINE
}
