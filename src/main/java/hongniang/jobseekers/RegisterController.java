package hongniang.jobseekers;

import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A clean register: "still looking?" answers, reactivation (the resident or their matchmaker or an
 * admin), and merging a duplicate profile (staff). Employers never reach it; another community's
 * resident is 404.
 */
@Controller("/api/v1/jobseekers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Jobseekers")
class RegisterController {

  private final RegisterService register;

  RegisterController(RegisterService register) {
    this.register = register;
  }

  /** Answers "still looking?": STILL_LOOKING keeps the resident in matching, NOT_LOOKING not. */
  @Post("/{id}/still-looking")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.RESIDENT_NAME})
  JobseekerView stillLooking(
      Authentication auth, @PathVariable long id, @Body StillLookingRequest request) {
    return register.stillLooking(Caller.of(auth), id, request);
  }

  /** Sets an INACTIVE resident SEEKING again. */
  @Post("/{id}/reactivate")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.RESIDENT_NAME})
  JobseekerView reactivate(Authentication auth, @PathVariable long id) {
    return register.reactivate(Caller.of(auth), id);
  }

  /** Merges the duplicate named in the body into this profile; returns the duplicate. */
  @Post("/{id}/merge")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  JobseekerView merge(Authentication auth, @PathVariable long id, @Body MergeRequest request) {
    return register.merge(Caller.of(auth), id, request);
  }
}
