package hongniang.placements;

/**
 * Where a placement stands: OPEN while the resident is in the work, ENDED once a follow-up found
 * they left, CANCELLED when it was recorded in error (it then counts nowhere).
 */
public enum PlacementStatus {
  OPEN,
  ENDED,
  CANCELLED
}
