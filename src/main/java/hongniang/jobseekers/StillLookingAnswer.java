package hongniang.jobseekers;

/** A resident's answer to "still looking for work?". */
public enum StillLookingAnswer {
  /** still looking: the resident stays in matching, and the next ask is a full period away */
  STILL_LOOKING,
  /** no longer looking: the resident becomes INACTIVE with the reason NOT_LOOKING */
  NOT_LOOKING
}
