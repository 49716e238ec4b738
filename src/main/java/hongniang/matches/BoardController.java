package hongniang.matches;

import hongniang.referrals.ReferralView;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** The match board: proposals, kept as a run; accepting some or all of them makes referrals. */
@Controller("/api/v1/match-board")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Matching")
class BoardController {

  private final BoardService board;
  private final BoardRuns runs;

  BoardController(BoardService board, BoardRuns runs) {
    this.board = board;
    this.runs = runs;
  }

  /**
   * Proposes referrals that maximise the total score within each posting's places and at most
   * {@code perResident} per resident; reports the greedy total and the gain. The run is kept
   * ({@code runId}) so that its proposals can be accepted.
   */
  @Post
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  BoardView propose(Authentication auth, @Nullable @Body BoardRequest request) {
    return board.propose(Caller.of(auth), request);
  }

  /**
   * Accepts some or all proposals of a run: one referral each (PROPOSED, with the board's score and
   * reasons), all or nothing.
   */
  @Post("/{runId}/accept")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  HttpResponse<List<ReferralView>> accept(
      Authentication auth, @PathVariable long runId, @Nullable @Body AcceptRequest request) {
    return HttpResponse.created(runs.accept(Caller.of(auth), runId, request));
  }
}
