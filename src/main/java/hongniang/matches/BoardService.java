package hongniang.matches;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.matching.Allocation;
import hongniang.matching.BoardScores;
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
import java.util.stream.IntStream;

/**
 * The match board: proposes referrals that maximise the total score (priority residents weighted
 * up) within each posting's places and a per-resident limit, exactly, and reports what the greedy
 * way would have reached. It writes nothing.
 */
@Singleton
public class BoardService {

  static final int MAX_POSTINGS = 2_000;
  static final int MAX_RESIDENTS = 20_000;
  static final int MAX_PER_RESIDENT = 5;

  private final MatchCandidates candidates;
  private final Scorer scorer;
  private final Clock clock;

  BoardService(MatchCandidates candidates, MatchingSettings settings, Clock clock) {
    this.candidates = candidates;
    this.scorer = settings.scorer();
    this.clock = clock;
  }

  /** Proposes; a 400 names a bad field, a 403 a community the caller may not allocate. */
  public BoardView propose(Caller caller, BoardRequest request) {
    BoardRequest r = request == null ? new BoardRequest(null, null, null, null) : request;
    List<FieldError> errors = new ArrayList<>();
    int k = r.perResident() == null ? 1 : r.perResident();
    if (k < 1 || k > MAX_PER_RESIDENT) {
      errors.add(
          new FieldError(
              "perResident", "Range", "perResident must be between 1 and " + MAX_PER_RESIDENT));
    }
    if (r.postingIds() != null
        && (r.postingIds().isEmpty() || r.postingIds().size() > MAX_POSTINGS)) {
      errors.add(
          new FieldError("postingIds", "Size", "between 1 and " + MAX_POSTINGS + " postings"));
    }
    if (r.jobseekerIds() != null
        && (r.jobseekerIds().isEmpty() || r.jobseekerIds().size() > MAX_RESIDENTS)) {
      errors.add(
          new FieldError("jobseekerIds", "Size", "between 1 and " + MAX_RESIDENTS + " residents"));
    }
    ApiProblem.throwIfAny(errors);
    Long community = r.communityId();
    if (caller.isMatchmaker()) {
      if (community != null && !community.equals(caller.communityId())) {
        throw ApiProblem.forbidden("a matchmaker allocates their own community's residents");
      }
      community = caller.communityId();
    }
    long start = System.nanoTime();
    List<Opening> openings =
        candidates.openings(
            r.postingIds() == null
                ? candidates.openPostingIds(MAX_POSTINGS)
                : distinct(r.postingIds()));
    List<Seeker> seekers =
        candidates.seekers(
            r.jobseekerIds() == null
                ? candidates.seekingResidentIds(community, MAX_RESIDENTS)
                : distinct(r.jobseekerIds()));
    requireAll("postingIds", r.postingIds(), openings.stream().map(Opening::id).toList());
    requireAll("jobseekerIds", r.jobseekerIds(), seekers.stream().map(Seeker::id).toList());
    for (Seeker s : seekers) {
      if (!caller.seesCommunity(s.communityId())) {
        throw ApiProblem.forbidden(
            "resident " + s.id() + " is not in a community this caller allocates");
      }
    }
    return solve(openings, seekers, k, start);
  }

  /** The allocation itself, for the API and the benchmark. */
  public BoardView solve(List<Opening> openings, List<Seeker> seekers, int k, long startNanos) {
    LocalDate today = LocalDate.now(clock);
    BoardScores.Board board = new BoardScores(scorer, openings, seekers, today).board(k);
    Allocation.Result best = Allocation.optimal(board.rows());
    Allocation.Result greedy = Allocation.greedy(board.rows());
    List<BoardView.Proposal> proposals =
        new ArrayList<>(
            best.pairs().parallelStream().map(p -> proposal(openings, seekers, p, today)).toList());
    proposals.sort(
        Comparator.comparingLong(BoardView.Proposal::postingId)
            .thenComparing(Comparator.comparingDouble(BoardView.Proposal::score).reversed())
            .thenComparingLong(BoardView.Proposal::jobseekerId));
    int places = IntStream.of(board.rows().capacity()).sum();
    double total = best.total() / 100.0;
    double greedyTotal = greedy.total() / 100.0;
    return new BoardView(
        proposals,
        total,
        greedyTotal,
        PartView.round(total - greedyTotal),
        seekers.size(),
        openings.size(),
        places,
        board.feasiblePairs(),
        k,
        best.certified(),
        best.rounds(),
        (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** A chosen pair with its explanation. */
  private BoardView.Proposal proposal(
      List<Opening> openings, List<Seeker> seekers, Allocation.Pair pair, LocalDate today) {
    Opening o = openings.get(pair.posting());
    Seeker s = seekers.get(pair.resident());
    var match = scorer.explain(s, o, Perspective.FOR_POSTING, today);
    return new BoardView.Proposal(
        o.id(),
        o.title(),
        s.id(),
        s.name(),
        PartView.round(match.score()),
        PartView.of(match.parts()));
  }

  private static List<Long> distinct(List<Long> ids) {
    return List.copyOf(new java.util.LinkedHashSet<>(ids));
  }

  private static void requireAll(String field, List<Long> asked, List<Long> found) {
    if (asked == null) {
      return;
    }
    Set<Long> missing = new HashSet<>(asked);
    found.forEach(missing::remove);
    if (!missing.isEmpty()) {
      throw ApiProblem.invalid(
          field,
          "Exists",
          "no such "
              + (field.startsWith("posting") ? "posting" : "resident")
              + ": "
              + missing.stream().sorted().toList());
    }
  }
}
