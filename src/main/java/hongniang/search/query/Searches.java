package hongniang.search.query;

import hongniang.search.analysis.Analysis;
import hongniang.search.index.SearchIndex;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Searches the indexes: open postings for anyone (postings hold no personal data), resident
 * profiles for staff. Text is analysed, never parsed; filters narrow; facets count; a 400 names a
 * bad parameter.
 */
@Singleton
public class Searches {

  private final PostingSearch postings;
  private final JobseekerSearch jobseekers;

  Searches(SearchIndex index, Analysis analysis, Clock clock) {
    this.postings = new PostingSearch(index, analysis, clock);
    this.jobseekers = new JobseekerSearch(index, analysis, clock);
  }

  /** What a person typed, as searches take it: no control characters, trimmed, cut short. */
  public static String clean(String typed) {
    return QueryText.clean(typed);
  }

  /** A page of open postings. */
  public PostingHits postings(PostingQuery query) {
    return postings.search(query);
  }

  /** A page of resident profiles; the caller has already bounded a matchmaker's community. */
  public JobseekerHits jobseekers(JobseekerQuery query) {
    return jobseekers.search(query);
  }
}
