package hongniang.referrals;

/** How a referral began. */
public enum ReferralOrigin {
  /** A matchmaker proposed it. */
  MATCHMAKER,
  /** The resident asked for it ("I'm interested"). */
  RESIDENT,
  /** A matchmaker accepted the match board's proposal. */
  BOARD
}
