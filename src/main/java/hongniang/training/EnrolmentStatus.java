package hongniang.training;

/**
 * Where an enrolment stands: ENROLLED holds a seat; COMPLETED keeps it, passed or not; WITHDRAWN
 * gives it back (and may enrol again).
 */
public enum EnrolmentStatus {
  ENROLLED,
  COMPLETED,
  WITHDRAWN
}
