package hongniang.placements;

import java.time.LocalDate;

/**
 * Where a follow-up stands on a day: DONE once recorded; SKIPPED when its placement ended or was
 * cancelled before it was recorded (nobody is to visit any more); otherwise OVERDUE after its due
 * date, DUE from {@value #DUE_DAYS} days before it, UPCOMING before that.
 */
public enum FollowUpState {
  UPCOMING,
  DUE,
  OVERDUE,
  DONE,
  SKIPPED;

  /** How many days before its due date a follow-up is due (and may be recorded). */
  public static final int DUE_DAYS = 7;

  static FollowUpState of(
      FollowUpOutcome outcome, boolean placementOpen, LocalDate dueOn, LocalDate today) {
    if (outcome != null) {
      return DONE;
    }
    if (!placementOpen) {
      return SKIPPED;
    }
    if (dueOn.isBefore(today)) {
      return OVERDUE;
    }
    return dueOn.isAfter(today.plusDays(DUE_DAYS)) ? UPCOMING : DUE;
  }
}
