package hongniang.postings;

/** A posting's lifecycle: DRAFT, then OPEN and PAUSED back and forth, until FILLED or CLOSED. */
public enum PostingStatus {
  DRAFT,
  OPEN,
  PAUSED,
  FILLED,
  CLOSED
}
