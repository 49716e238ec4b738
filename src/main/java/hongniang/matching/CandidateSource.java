package hongniang.matching;

import java.time.LocalDate;
import java.util.List;

/**
 * Where matching finds its candidates: the search index, which {@code search} reads for it. The
 * best ids are exact (every pair that passes the hard rules counted, none guessed at) as the index
 * has the records, which may lag PostgreSQL by a moment; {@link Matcher} reads them again.
 */
public interface CandidateSource {

  /**
   * The ids of the {@code k} best open postings for the jobseeker on {@code today}, best first,
   * equal scores by lower id.
   */
  List<Long> bestPostingIds(Jobseeker jobseeker, Scorer scorer, int k, LocalDate today);

  /**
   * The ids of the {@code k} best jobseekers for the posting, within one community when {@code
   * communityId} is given, best first.
   */
  List<Long> bestJobseekerIds(
      Posting posting, Scorer scorer, int k, Long communityId, LocalDate today);

  /** The ids of up to {@code k} open postings the looser query ranks best, no rule applied. */
  List<Long> postingIds(LooseQuery query, int k);

  /** The ids of up to {@code k} jobseekers the looser query ranks best, no rule applied. */
  List<Long> jobseekerIds(LooseQuery query, int k);
}
