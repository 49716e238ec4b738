package hongniang.accounts;

import hongniang.common.PageResponse;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Users: admins manage them; everyone reads themself and changes their own password. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Accounts")
class UserController {

  private final AccountService accounts;

  UserController(AccountService accounts) {
    this.accounts = accounts;
  }

  /** The caller's own account and bindings. */
  @Get("/me")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  Me me(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    return new Me(
        caller.username(),
        caller.role(),
        caller.communityId(),
        caller.partnerUnitId(),
        caller.jobseekerId());
  }

  /** Changes the caller's own password. */
  @Post("/me/password")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Status(HttpStatus.NO_CONTENT)
  void changePassword(Authentication authentication, @Body @Valid PasswordChange change) {
    accounts.changePassword(
        authentication.getName(), change.currentPassword(), change.newPassword());
  }

  @Get("/users")
  @Secured(Role.ADMIN_NAME)
  PageResponse<UserView> list(
      @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
    return accounts.list(page, size);
  }

  @Get("/users/{id}")
  @Secured(Role.ADMIN_NAME)
  UserView get(@PathVariable long id) {
    return accounts.get(id);
  }

  @Post("/users")
  @Secured(Role.ADMIN_NAME)
  HttpResponse<UserView> create(@Body @Valid NewUser request) {
    return HttpResponse.created(accounts.create(request));
  }

  @Patch("/users/{id}")
  @Secured(Role.ADMIN_NAME)
  UserView update(@PathVariable long id, @Body @Valid UserUpdate change) {
    return accounts.update(id, change);
  }

  @Post("/users/{id}/password")
  @Secured(Role.ADMIN_NAME)
  @Status(HttpStatus.NO_CONTENT)
  void resetPassword(@PathVariable long id, @Body @Valid PasswordReset reset) {
    accounts.resetPassword(id, reset.newPassword());
  }

  /** The caller as the API shows them. */
  @io.micronaut.serde.annotation.Serdeable
  record Me(String username, Role role, Long communityId, Long partnerUnitId, Long jobseekerId) {}
}
