package hongniang.matches;

import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Ranked, explained matches: postings for a resident, residents for a posting. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Matching")
class MatchController {

  private final MatchService matches;

  MatchController(MatchService matches) {
    this.matches = matches;
  }

  /**
   * Open postings ranked for the resident, each with its score's parts and reasons; {@code
   * explain=excluded} adds the best postings a hard rule excluded, and why.
   */
  @Get("/jobseekers/{id}/matches")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.RESIDENT_NAME})
  PostingMatches forJobseeker(
      Authentication auth,
      @PathVariable long id,
      @Nullable @QueryValue Integer size,
      @Nullable @QueryValue String explain) {
    return matches.forJobseeker(Caller.of(auth), id, size, explain);
  }

  /** Residents ranked for the posting; staff only, a matchmaker within their community. */
  @Get("/postings/{id}/matches")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  JobseekerMatches forPosting(
      Authentication auth,
      @PathVariable long id,
      @Nullable @QueryValue Integer size,
      @Nullable @QueryValue String explain) {
    return matches.forPosting(Caller.of(auth), id, size, explain);
  }
}
