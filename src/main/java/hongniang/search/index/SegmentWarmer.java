package hongniang.search.index;

import org.apache.lucene.index.LeafReader;

/**
 * Reads ahead what searches will need of each segment (decoded columns, say), so that no search
 * waits for it: every segment when the index opens, and each merged segment as its merge ends,
 * before searches see it. Implementations keep what they read by the segment's core.
 */
public interface SegmentWarmer {

  /** A segment of the postings index. */
  void warmPostings(LeafReader segment);

  /** A segment of the jobseekers index. */
  void warmJobseekers(LeafReader segment);
}
