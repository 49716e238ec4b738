package hongniang.security;

/** The four kinds of user. */
public enum Role {
  /** Street-office staff: everything, every community. */
  ADMIN,
  /** Community staff (社区红娘), bound to one community. */
  MATCHMAKER,
  /** Staff of a partner unit, bound to that unit. */
  EMPLOYER,
  /** A resident, bound to their own jobseeker profile. */
  RESIDENT;

  public static final String ADMIN_NAME = "ADMIN";
  public static final String MATCHMAKER_NAME = "MATCHMAKER";
  public static final String EMPLOYER_NAME = "EMPLOYER";
  public static final String RESIDENT_NAME = "RESIDENT";
}
