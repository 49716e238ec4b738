package hongniang.communities;

import hongniang.common.Idempotency;
import hongniang.common.PageResponse;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Communities: everyone signed in reads them; admins edit them. */
@Controller("/api/v1/communities")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Communities")
class CommunityController {

  private final CommunityService communities;

  CommunityController(CommunityService communities) {
    this.communities = communities;
  }

  @Get
  @Secured(SecurityRule.IS_AUTHENTICATED)
  PageResponse<CommunityView> list(
      @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
    return communities.list(page, size);
  }

  @Get("/{id}")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  CommunityView get(@PathVariable long id) {
    return communities.get(id);
  }

  /**
   * Adds a community. A retry with the same {@code Idempotency-Key} and body returns the first
   * result (marked {@code Idempotent-Replayed: true}); the same key with another body is a 422.
   */
  @Post
  @Secured(Role.ADMIN_NAME)
  HttpResponse<CommunityView> create(
      Authentication auth,
      @Nullable @Header(Idempotency.HEADER) String idempotencyKey,
      @Body @Valid CommunityRequest request) {
    return HttpResponse.created(communities.create(idempotencyKey, auth.getName(), request));
  }

  @Put("/{id}")
  @Secured(Role.ADMIN_NAME)
  CommunityView update(@PathVariable long id, @Body @Valid CommunityRequest request) {
    return communities.update(id, request);
  }
}
