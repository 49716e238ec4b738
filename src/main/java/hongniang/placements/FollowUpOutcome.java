package hongniang.placements;

/** What a follow-up found. LEFT ends the placement and returns the resident to seeking. */
public enum FollowUpOutcome {
  STILL_EMPLOYED,
  CHANGED_JOB,
  LEFT,
  UNREACHABLE
}
