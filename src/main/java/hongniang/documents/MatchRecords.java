package hongniang.documents;

import hongniang.matching.Jobseeker;
import hongniang.matching.Posting;
import hongniang.matching.RecordSource;
import hongniang.occupations.NameResolver;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Matching's records read fresh from PostgreSQL: the documents of {@link DocumentSource} as {@link
 * Resolution} makes them, for the exact matches (which the index may lag), the "why not" lists and
 * the match board.
 */
@Singleton
public class MatchRecords implements RecordSource {

  private final DocumentSource source;
  private final Resolution resolution;

  MatchRecords(DocumentSource source, NameResolver names, Clock clock) {
    this.source = source;
    this.resolution = new Resolution(names, clock.getZone());
  }

  /** The jobseeker, if they exist. */
  public Optional<Jobseeker> jobseeker(long id) {
    return source.jobseeker(id).map(resolution::jobseeker);
  }

  /** The posting, if it exists. */
  public Optional<Posting> posting(long id) {
    return source.matchedPosting(id).map(resolution::posting);
  }

  @Override
  public List<Jobseeker> jobseekers(Collection<Long> ids) {
    Map<Long, Jobseeker> byId = new HashMap<>();
    source.jobseekers(ids).forEach(r -> byId.put(r.id(), resolution.jobseeker(r)));
    return inOrder(ids, byId);
  }

  @Override
  public List<Posting> postings(Collection<Long> ids) {
    Map<Long, Posting> byId = new HashMap<>();
    source.matchedPostings(ids).forEach(r -> byId.put(r.id(), resolution.posting(r)));
    return inOrder(ids, byId);
  }

  /** Every open posting: brute-force comparisons read them all. */
  public void eachOpenPosting(Consumer<Posting> sink) {
    source.eachOpenPosting(r -> sink.accept(resolution.posting(r)));
  }

  /** Every jobseeker: brute-force comparisons read them all. */
  public void eachJobseeker(Consumer<Jobseeker> sink) {
    source.eachJobseeker(r -> sink.accept(resolution.jobseeker(r)));
  }

  /** The ids of residents looking for work, in a community or everywhere, at most {@code limit}. */
  public List<Long> seekingJobseekerIds(Long communityId, int limit) {
    return source.seekingJobseekerIds(communityId, limit);
  }

  /** The ids of open postings with places left, newest first, at most {@code limit}. */
  public List<Long> openPostingIdsWithPlaces(int limit) {
    return source.openPostingIdsWithPlaces(limit);
  }

  private static <T> List<T> inOrder(Collection<Long> ids, Map<Long, T> byId) {
    List<T> out = new ArrayList<>(byId.size());
    for (Long id : ids) {
      T t = byId.get(id);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }
}
