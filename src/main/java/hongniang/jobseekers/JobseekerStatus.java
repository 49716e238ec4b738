package hongniang.jobseekers;

/** Where a resident stands in their search for work. */
public enum JobseekerStatus {
  SEEKING,
  REFERRED,
  EMPLOYED,
  INACTIVE
}
