package hongniang.worklist;

import hongniang.security.Caller;
import hongniang.security.Role;
import hongniang.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The matchmaker's worklist; an admin's across communities, or for one community. */
@Controller("/api/v1/worklist")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Worklist")
class WorklistController {

  private final WorklistService worklist;

  WorklistController(WorklistService worklist) {
    this.worklist = worklist;
  }

  /**
   * Sections in working order, each with its total and first {@code size} items (default 10, at
   * most 100), each item with why it is there.
   */
  @Get
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  WorklistView get(
      Authentication auth,
      HttpRequest<?> request,
      @Nullable @QueryValue Long communityId,
      @Nullable @QueryValue Integer size) {
    return worklist.worklist(Caller.of(auth), communityId, size, Messages.of(request));
  }
}
