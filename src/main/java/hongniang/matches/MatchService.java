package hongniang.matches;

import hongniang.common.ApiProblem;
import hongniang.matching.HardRules;
import hongniang.matching.Match;
import hongniang.matching.Opening;
import hongniang.matching.Scorer;
import hongniang.matching.Scorer.Perspective;
import hongniang.matching.Seeker;
import hongniang.search.MatchCandidates;
import hongniang.security.Caller;
import jakarta.inject.Singleton;
import java.time.Clock;
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
 * Ranked, explained matches both ways. The search index finds the exact top of every pair that
 * passes the hard rules; those are re-read from PostgreSQL, checked against every hard rule and
 * scored by {@link Scorer}, and explained.
 */
@Singleton
public class MatchService {

  static final int MAX_SIZE = 100;
  private static final int EXCLUDED_SHOWN = 10;

  /** How many more than asked the index gives, in case the freshest rows drop some. */
  private static final int SPARE = 5;

  /** The most the index is asked for when rows keep dropping out. */
  private static final int MAX_SEARCHED = 2_000;

  private final MatchCandidates candidates;
  private final MatchingSettings settings;
  private final Scorer scorer;
  private final Clock clock;

  MatchService(MatchCandidates candidates, MatchingSettings settings, Clock clock) {
    this.candidates = candidates;
    this.settings = settings;
    this.scorer = settings.scorer();
    this.clock = clock;
  }

  /** Open postings for a resident: the resident themself, their matchmaker, or an admin. */
  public PostingMatches forResident(Caller caller, long jobseekerId, Integer size, String explain) {
    int n = size(size);
    boolean whyNot = explain(explain);
    Seeker seeker =
        candidates
            .seeker(jobseekerId)
            .filter(s -> visible(caller, s))
            .orElseThrow(() -> ApiProblem.notFound("jobseeker", jobseekerId));
    LocalDate today = LocalDate.now(clock);
    List<PostingMatches.Hit> hits =
        rankOpenings(seeker, scorer, n).stream()
            .map(
                x ->
                    new PostingMatches.Hit(
                        x.item().id(),
                        x.item().title(),
                        x.item().unitId(),
                        x.item().work() == null ? null : x.item().work().name(),
                        x.item().communityId(),
                        x.item().city(),
                        x.item().schedule().name(),
                        x.item().wageMin(),
                        x.item().wageMax(),
                        x.item().remaining(),
                        PartView.round(x.match().score()),
                        x.match().max(),
                        PartView.of(x.match().parts())))
            .toList();
    List<PostingMatches.Excluded> excluded = null;
    if (whyNot) {
      List<Opening> all =
          candidates.openingsFor(seeker, scorer.weights(), settings.getCandidates());
      excluded =
          best(
                  all,
                  o -> !HardRules.allows(seeker, o, today),
                  o -> scorer.points(seeker, o, Perspective.FOR_RESIDENT, today),
                  o -> scorer.explain(seeker, o, Perspective.FOR_RESIDENT, today),
                  Opening::id,
                  EXCLUDED_SHOWN)
              .stream()
              .map(
                  x ->
                      new PostingMatches.Excluded(
                          x.item().id(),
                          x.item().title(),
                          PartView.round(x.match().score()),
                          ExclusionView.of(HardRules.check(seeker, x.item(), today))))
              .toList();
    }
    return new PostingMatches(jobseekerId, hits, excluded);
  }

  /**
   * Residents for a posting, for staff: a matchmaker sees their own community's residents, an admin
   * everyone's. Employers never reach this: they see residents only through referrals.
   */
  public ResidentMatches forPosting(Caller caller, long postingId, Integer size, String explain) {
    int n = size(size);
    boolean whyNot = explain(explain);
    if (!caller.isStaff()) {
      throw ApiProblem.forbidden("only matchmakers and admins rank residents for a posting");
    }
    Opening opening =
        candidates.opening(postingId).orElseThrow(() -> ApiProblem.notFound("posting", postingId));
    if (caller.isMatchmaker() && caller.communityId() == null) {
      throw ApiProblem.forbidden("this matchmaker account is bound to no community");
    }
    Long community = caller.isAdmin() ? null : caller.communityId();
    LocalDate today = LocalDate.now(clock);
    List<ResidentMatches.Hit> hits =
        rankSeekers(opening, scorer, n, community).stream()
            .map(
                x ->
                    new ResidentMatches.Hit(
                        x.item().id(),
                        x.item().name(),
                        x.item().communityId(),
                        today.getYear() - x.item().birthYear(),
                        x.item().status(),
                        PartView.round(x.match().score()),
                        x.match().max(),
                        PartView.of(x.match().parts())))
            .toList();
    List<ResidentMatches.Excluded> excluded = null;
    if (whyNot) {
      List<Seeker> all =
          candidates.seekersFor(opening, scorer.weights(), settings.getCandidates(), community);
      excluded =
          best(
                  all,
                  x -> !HardRules.allows(x, opening, today) && visible(caller, x),
                  x -> scorer.points(x, opening, Perspective.FOR_POSTING, today),
                  x -> scorer.explain(x, opening, Perspective.FOR_POSTING, today),
                  Seeker::id,
                  EXCLUDED_SHOWN)
              .stream()
              .map(
                  x ->
                      new ResidentMatches.Excluded(
                          x.item().id(),
                          x.item().name(),
                          PartView.round(x.match().score()),
                          ExclusionView.of(HardRules.check(x.item(), opening, today))))
              .toList();
    }
    return new ResidentMatches(postingId, hits, excluded);
  }

  /** The best {@code n} open postings for the resident under this scorer, hard rules applied. */
  List<Scored<Opening>> rankOpenings(Seeker seeker, Scorer with, int n) {
    LocalDate today = LocalDate.now(clock);
    return exact(
        k -> candidates.bestOpeningIdsFor(seeker, with, k, today),
        candidates::openings,
        o -> HardRules.allows(seeker, o, today),
        o -> with.points(seeker, o, Perspective.FOR_RESIDENT, today),
        o -> with.explain(seeker, o, Perspective.FOR_RESIDENT, today),
        Opening::id,
        n);
  }

  /** The best {@code n} residents for the posting, within a community when one is given. */
  List<Scored<Seeker>> rankSeekers(Opening opening, Scorer with, int n, Long community) {
    LocalDate today = LocalDate.now(clock);
    return exact(
        k -> candidates.bestSeekerIdsFor(opening, with, k, community, today),
        candidates::seekers,
        s -> HardRules.allows(s, opening, today),
        s -> with.points(s, opening, Perspective.FOR_POSTING, today),
        s -> with.explain(s, opening, Perspective.FOR_POSTING, today),
        Seeker::id,
        n);
  }

  /**
   * The index's exact top, checked and scored again from PostgreSQL (the index may lag a change by
   * a moment). The index is asked for a few more than {@code n}; only the first {@code n} are read,
   * and should some drop out, the next ones, then a larger top.
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

  /** A resident's own profile, their community's matchmaker, any admin. */
  private static boolean visible(Caller caller, Seeker s) {
    if (caller.isResident()) {
      return caller.jobseekerId() != null && caller.jobseekerId() == s.id();
    }
    return caller.seesCommunity(s.communityId());
  }

  /** An item with its explained score. */
  record Scored<T>(T item, Match match) {}

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

  private static int size(Integer size) {
    if (size == null) {
      return 20;
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ApiProblem.invalid("size", "Range", "size must be between 1 and " + MAX_SIZE);
    }
    return size;
  }

  private static boolean explain(String explain) {
    if (explain == null || explain.isBlank()) {
      return false;
    }
    if (!"excluded".equals(explain)) {
      throw ApiProblem.invalid("explain", "OneOf", "explain must be 'excluded' or absent");
    }
    return true;
  }
}
