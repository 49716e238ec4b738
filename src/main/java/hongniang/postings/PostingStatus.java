package hongniang.postings;

/**
 * A posting's lifecycle: DRAFT, then OPEN and PAUSED back and forth, until FILLED or CLOSED. FILLED
 * is reached when placements fill the last place, or by the fill action: no more places wanted, the
 * places filled as they are; an OPEN or PAUSED posting always has a place left. REVIEW holds a
 * posting that was to open (or was open) while its text has a blocking screening finding no admin
 * has approved; a rewrite without one, or an approval, returns it to DRAFT. EXPIRED is never
 * stored: it is how an OPEN posting past its {@code validThrough} reads, and a list filter.
 */
public enum PostingStatus {
  DRAFT,
  REVIEW,
  OPEN,
  PAUSED,
  FILLED,
  CLOSED,
  EXPIRED
}
