package hongniang.placements;

import hongniang.common.Idempotency;
import hongniang.common.PageResponse;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;

/**
 * Placements and follow-ups. A matchmaker records and follows up their community's residents
 * (another community's are 404), an admin every community's; a resident reads their own placements;
 * employers never reach this API.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Placements")
class PlacementController {

  private final PlacementService placements;

  PlacementController(PlacementService placements) {
    this.placements = placements;
  }

  /**
   * Records a placement: with a {@code postingId} it takes one of the posting's places (409 {@code
   * NoPlaceLeft} when none is left, {@code PostingNotOpen} when it takes no hires); schedules the
   * follow-ups at 1, 3 and 6 months and sets the resident EMPLOYED.
   */
  @Post("/placements")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  HttpResponse<PlacementView> create(
      Authentication auth,
      @Body PlacementRequest request,
      @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
    return HttpResponse.created(placements.record(Caller.of(auth), request, idempotencyKey));
  }

  /**
   * Placements, filtered by community, resident, type and start date ({@code from}, {@code to}).
   */
  @Get("/placements")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  PageResponse<PlacementView> list(
      Authentication auth,
      @Nullable @QueryValue Long communityId,
      @Nullable @QueryValue Long jobseekerId,
      @Nullable @QueryValue PlacementType type,
      @Nullable @QueryValue LocalDate from,
      @Nullable @QueryValue LocalDate to,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    return placements.list(Caller.of(auth), communityId, jobseekerId, type, from, to, page, size);
  }

  /** Counts by type of the placements that started between {@code from} and {@code to}. */
  @Get("/placements/summary")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  PlacementSummary summary(
      Authentication auth,
      @Nullable @QueryValue LocalDate from,
      @Nullable @QueryValue LocalDate to,
      @Nullable @QueryValue Long communityId) {
    return placements.summary(Caller.of(auth), from, to, communityId);
  }

  @Get("/placements/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  PlacementView get(Authentication auth, @PathVariable long id) {
    return placements.get(Caller.of(auth), id);
  }

  /**
   * Cancels a placement recorded in error, with a reason: it counts nowhere, its posting gets the
   * place back, and a resident it employed returns to SEEKING.
   */
  @Post("/placements/{id}/cancel")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  PlacementView cancel(Authentication auth, @PathVariable long id, @Body CancelRequest request) {
    return placements.cancel(Caller.of(auth), id, request);
  }

  /** A resident's placements: the resident themself, or staff who see them. */
  @Get("/jobseekers/{id}/placements")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.RESIDENT_NAME})
  PageResponse<PlacementView> forJobseeker(
      Authentication auth,
      @PathVariable long id,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    return placements.forJobseeker(Caller.of(auth), id, page, size);
  }

  /**
   * Follow-ups in a state: UPCOMING, DUE (within 7 days), OVERDUE, DONE or SKIPPED (their placement
   * ended first); the earliest due first.
   */
  @Get("/follow-ups")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  PageResponse<FollowUpView> followUps(
      Authentication auth,
      @Nullable @QueryValue FollowUpState state,
      @Nullable @QueryValue Long communityId,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    return placements.followUps(Caller.of(auth), state, communityId, page, size);
  }

  /**
   * Records what a follow-up found; LEFT (with a reason) ends the placement and returns the
   * resident to SEEKING. Recording one twice is 409.
   */
  @Post("/follow-ups/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  FollowUpView recordFollowUp(
      Authentication auth, @PathVariable long id, @Body FollowUpRequest request) {
    return placements.recordFollowUp(Caller.of(auth), id, request);
  }
}
