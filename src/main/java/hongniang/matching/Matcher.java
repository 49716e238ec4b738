package hongniang.matching;

import hongniang.matching.Scorer.Perspective;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The question matching answers, and the one path a match takes: the best open postings for a
 * jobseeker or the best jobseekers for a posting, each explained, and the best pairs a hard rule
 * excluded, with the rules. The index gives the exact top ({@link CandidateSource}); those records
 * are read again from PostgreSQL ({@link RecordSource}), since the index may lag a change by a
 * moment, checked against every hard rule and scored by the {@link Scorer}.
 */
public final class Matcher {

  /** How many more than asked the index gives, in case the freshest rows drop some. */
  private static final int SPARE = 5;

  /** The most the index is asked for when rows keep dropping out. */
  private static final int MAX_SEARCHED = 2_000;

  /** An item with its explained score. */
  public record Scored<T>(T item, Match match) {}

  /** An item a hard rule excludes, with the score it would have had and the rules it breaks. */
  public record Excluded<T>(T item, Match match, List<Exclusion> rules) {}

  private final CandidateSource candidates;
  private final RecordSource records;
  private final Scorer scorer;

  public Matcher(CandidateSource candidates, RecordSource records, Scorer scorer) {
    this.candidates = candidates;
    this.records = records;
    this.scorer = scorer;
  }

  /** The scorer this matcher ranks with. */
  public Scorer scorer() {
    return scorer;
  }

  /** The best {@code n} open postings for the jobseeker, hard rules applied. */
  public List<Scored<Posting>> postingsFor(Jobseeker s, int n, LocalDate today) {
    return exact(
        k -> candidates.bestPostingIds(s, scorer, k, today),
        records::postings,
        o -> HardRules.allows(s, o, today),
        o -> scorer.points(s, o, Perspective.FOR_RESIDENT, today),
        o -> scorer.explain(s, o, Perspective.FOR_RESIDENT, today),
        Posting::id,
        n);
  }

  /** The best {@code n} jobseekers for the posting, within a community when one is given. */
  public List<Scored<Jobseeker>> jobseekersFor(
      Posting o, int n, Long communityId, LocalDate today) {
    return exact(
        k -> candidates.bestJobseekerIds(o, scorer, k, communityId, today),
        records::jobseekers,
        s -> HardRules.allows(s, o, today),
        s -> scorer.points(s, o, Perspective.FOR_POSTING, today),
        s -> scorer.explain(s, o, Perspective.FOR_POSTING, today),
        Jobseeker::id,
        n);
  }

  /**
   * The best {@code n} postings a hard rule excludes for the jobseeker, found among the {@code
   * searched} best of the looser query.
   */
  public List<Excluded<Posting>> excludedPostingsFor(
      Jobseeker s, int n, int searched, LocalDate today) {
    List<Long> ids = candidates.postingIds(LooseQuery.postingsFor(s, scorer, today), searched);
    return best(
            records.postings(ids),
            o -> !HardRules.allows(s, o, today),
            o -> scorer.points(s, o, Perspective.FOR_RESIDENT, today),
            o -> scorer.explain(s, o, Perspective.FOR_RESIDENT, today),
            Posting::id,
            n)
        .stream()
        .map(x -> new Excluded<>(x.item(), x.match(), HardRules.check(s, x.item(), today)))
        .toList();
  }

  /**
   * The best {@code n} jobseekers a hard rule excludes for the posting, among those {@code shown}
   * lets the caller see, within a community when one is given.
   */
  public List<Excluded<Jobseeker>> excludedJobseekersFor(
      Posting o,
      int n,
      int searched,
      Long communityId,
      Predicate<Jobseeker> shown,
      LocalDate today) {
    LooseQuery query = LooseQuery.jobseekersFor(o, scorer, communityId, today);
    List<Long> ids = candidates.jobseekerIds(query, searched);
    return best(
            records.jobseekers(ids),
            s -> !HardRules.allows(s, o, today) && shown.test(s),
            s -> scorer.points(s, o, Perspective.FOR_POSTING, today),
            s -> scorer.explain(s, o, Perspective.FOR_POSTING, today),
            Jobseeker::id,
            n)
        .stream()
        .map(x -> new Excluded<>(x.item(), x.match(), HardRules.check(x.item(), o, today)))
        .toList();
  }

  /**
   * The index's exact top, checked and scored again from PostgreSQL. The index is asked for a few
   * more than {@code n}; only the first {@code n} are read, and should some drop out, the next
   * ones, then a larger top.
   */
  private static <T> List<Scored<T>> exact(
      IntFunction<List<Long>> search,
      Function<List<Long>, List<T>> read,
      Predicate<T> keep,
      ToDoubleFunction<T> points,
      Function<T, Match> explain,
      ToLongFunction<T> id,
      int n) {
    int k = n + SPARE;
    List<Long> ranked = search.apply(k);
    Set<Long> seen = new HashSet<>();
    List<T> kept = new ArrayList<>();
    while (kept.size() < n) {
      List<Long> next =
          ranked.stream().filter(x -> !seen.contains(x)).limit(n - kept.size()).toList();
      if (next.isEmpty()) {
        if (ranked.size() < k || k >= MAX_SEARCHED) {
          break; // no more in the index
        }
        k = Math.min(MAX_SEARCHED, 4 * k);
        ranked = search.apply(k);
        continue;
      }
      seen.addAll(next);
      read.apply(next).stream().filter(keep).forEach(kept::add);
    }
    return best(kept, x -> true, points, explain, id, n);
  }

  private record Pointed<T>(T item, double score) {}

  /**
   * The {@code n} best items that pass the filter, best first (equal scores by id, so the order is
   * stable); only those are explained, since an explanation costs far more than a score.
   */
  private static <T> List<Scored<T>> best(
      List<T> items,
      Predicate<T> keep,
      ToDoubleFunction<T> points,
      Function<T, Match> explain,
      ToLongFunction<T> id,
      int n) {
    return items.stream()
        .filter(keep)
        .map(t -> new Pointed<>(t, points.applyAsDouble(t)))
        .sorted(
            Comparator.<Pointed<T>>comparingDouble(x -> -x.score())
                .thenComparingLong(x -> id.applyAsLong(x.item())))
        .limit(n)
        .map(x -> new Scored<>(x.item(), explain.apply(x.item())))
        .toList();
  }
}
