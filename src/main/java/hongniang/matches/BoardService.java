package hongniang.matches;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.MessageKey;
import hongniang.common.Validation;
import hongniang.documents.MatchRecords;
import hongniang.matching.Jobseeker;
import hongniang.matching.Posting;
import hongniang.matching.Scorer;
import hongniang.matching.Scorer.Perspective;
import hongniang.matching.allocation.Allocation;
import hongniang.matching.allocation.Board;
import hongniang.security.Caller;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

  private final MatchRecords records;
  private final Scorer scorer;
  private final Clock clock;
  private final BoardRuns runs;

  BoardService(MatchRecords records, MatchingSettings settings, Clock clock, BoardRuns runs) {
    this.records = records;
    this.scorer = settings.scorer();
    this.clock = clock;
    this.runs = runs;
  }

  /** Proposes; a 400 names a bad field, a 403 a community the caller may not allocate. */
  public BoardView propose(Caller caller, BoardRequest request) {
    BoardRequest r = request == null ? new BoardRequest(null, null, null, null) : request;
    List<FieldError> errors = new ArrayList<>();
    int k = r.perResident() == null ? 1 : r.perResident();
    if (k < 1 || k > MAX_PER_RESIDENT) {
      errors.add(FieldError.range("perResident", 1, MAX_PER_RESIDENT));
    }
    if (r.postingIds() != null
        && (r.postingIds().isEmpty() || r.postingIds().size() > MAX_POSTINGS)) {
      errors.add(
          new FieldError("postingIds", "Size", "between 1 and " + MAX_POSTINGS + " postings")
              .with("limit", Validation.sizeLimit(1, MAX_POSTINGS, true)));
    }
    if (r.jobseekerIds() != null
        && (r.jobseekerIds().isEmpty() || r.jobseekerIds().size() > MAX_RESIDENTS)) {
      errors.add(
          new FieldError("jobseekerIds", "Size", "between 1 and " + MAX_RESIDENTS + " residents")
              .with("limit", Validation.sizeLimit(1, MAX_RESIDENTS, true)));
    }
    nulls(errors, "postingIds", r.postingIds());
    nulls(errors, "jobseekerIds", r.jobseekerIds());
    ApiProblem.throwIfAny(errors);
    Long community = r.communityId();
    if (caller.isMatchmaker()) {
      if (community != null && !community.equals(caller.communityId())) {
        throw ApiProblem.forbidden(
            MessageKey.of("forbidden.otherCommunity"),
            "a matchmaker allocates their own community's residents");
      }
      community = caller.communityId();
    }
    long start = System.nanoTime();
    List<Posting> postings =
        records.postings(
            r.postingIds() == null
                ? records.openPostingIdsWithPlaces(MAX_POSTINGS)
                : distinct(r.postingIds()));
    List<Jobseeker> jobseekers =
        records.jobseekers(
            r.jobseekerIds() == null
                ? records.seekingJobseekerIds(community, MAX_RESIDENTS)
                : distinct(r.jobseekerIds()));
    requireAll("postingIds", r.postingIds(), postings.stream().map(Posting::id).toList());
    requireAll("jobseekerIds", r.jobseekerIds(), jobseekers.stream().map(Jobseeker::id).toList());
    for (Jobseeker s : jobseekers) {
      if (!caller.seesCommunity(s.communityId())) {
        throw ApiProblem.forbidden(
            MessageKey.of("forbidden.residentElsewhere").with("id", s.id()),
            "resident " + s.id() + " is not in a community this caller allocates");
      }
    }
    BoardView view = solve(postings, jobseekers, k, start);
    return runs.keep(caller, community, k, view);
  }

  /** The allocation itself, for the API and the benchmark. */
  public BoardView solve(
      List<Posting> postings, List<Jobseeker> jobseekers, int k, long startNanos) {
    LocalDate today = LocalDate.now(clock);
    Board board = Board.of(scorer, postings, jobseekers, today, k);
    Allocation.Result best = board.optimal();
    Allocation.Result greedy = board.greedy();
    List<BoardView.Proposal> proposals =
        new ArrayList<>(
            best.pairs().parallelStream()
                .map(p -> proposal(postings, jobseekers, p, today))
                .toList());
    proposals.sort(
        Comparator.comparingLong(BoardView.Proposal::postingId)
            .thenComparing(Comparator.comparingDouble(BoardView.Proposal::score).reversed())
            .thenComparingLong(BoardView.Proposal::jobseekerId));
    int places = board.places();
    double total = best.total() / 100.0;
    double greedyTotal = greedy.total() / 100.0;
    return new BoardView(
        null,
        proposals,
        total,
        greedyTotal,
        PartView.round(total - greedyTotal),
        jobseekers.size(),
        postings.size(),
        places,
        board.feasiblePairs(),
        k,
        best.certified(),
        best.rounds(),
        (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** A chosen pair with its explanation. */
  private BoardView.Proposal proposal(
      List<Posting> postings, List<Jobseeker> jobseekers, Allocation.Pair pair, LocalDate today) {
    Posting o = postings.get(pair.posting());
    Jobseeker s = jobseekers.get(pair.resident());
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
      List<Long> sorted = missing.stream().sorted().toList();
      throw ApiProblem.invalid(
          new FieldError(
                  field,
                  "Exists",
                  "no such "
                      + (field.startsWith("posting") ? "posting" : "resident")
                      + ": "
                      + sorted)
              .with("value", sorted));
    }
  }

  /** A null among the ids named (JSON {@code [null]}): each such place is an error of its own. */
  private static void nulls(List<FieldError> errors, String field, List<Long> ids) {
    if (ids == null) {
      return;
    }
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i) == null) {
        errors.add(new FieldError(field + "[" + i + "]", "NotNull", "an id, not null"));
      }
    }
  }
}
