package hongniang.jobseekers;

/** Why a resident is {@link JobseekerStatus#INACTIVE}: out of matching until reactivated. */
public enum InactiveReason {
  /** two "still looking?" asks went unanswered */
  NO_ANSWER,
  /** the resident (or their matchmaker for them) answered that they no longer look for work */
  NOT_LOOKING,
  /** a duplicate profile, merged into the one named by {@code mergedInto} */
  MERGED,
  /** set through the profile's status (an edit or an import), with no reason given */
  SET_BY_STAFF
}
