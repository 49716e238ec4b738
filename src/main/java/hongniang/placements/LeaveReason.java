package hongniang.placements;

/** Why a resident left their placement; OTHER says it in the note. */
public enum LeaveReason {
  WAGE,
  HOURS,
  HEALTH,
  FAMILY,
  CONTRACT_ENDED,
  DISMISSED,
  OTHER
}
