package hongniang.matches;

import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The match board: proposals only; accepting them creates referrals (a later feature). */
@Controller("/api/v1/match-board")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Matching")
class BoardController {

  private final BoardService board;

  BoardController(BoardService board) {
    this.board = board;
  }

  /**
   * Proposes referrals that maximise the total score within each posting's places and at most
   * {@code perResident} per resident; reports the greedy total and the gain. Writes nothing.
   */
  @Post
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  BoardView propose(Authentication auth, @Nullable @Body BoardRequest request) {
    return board.propose(Caller.of(auth), request);
  }
}
