package hongniang.training;

import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;

/**
 * Enrolments one by one (read, complete, withdraw), a resident's training, and the figures of a
 * period. Staff act on the residents they see; others' are 404.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Training")
class TrainingController {

  private final TrainingService training;

  TrainingController(TrainingService training) {
    this.training = training;
  }

  /** One enrolment: for staff who see the resident, and for the resident themself. */
  @Get("/enrolments/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.RESIDENT_NAME})
  EnrolmentView get(Authentication auth, @PathVariable long id) {
    return training.getEnrolment(Caller.of(auth), id);
  }

  /**
   * Completes an enrolment: {@code passed}, a {@code certificateNumber} with a pass, the day. A
   * pass in a course that leads to a licence adds it to the resident's licences.
   */
  @Post("/enrolments/{id}/complete")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  EnrolmentView complete(
      Authentication auth, @PathVariable long id, @Body CompletionRequest request) {
    return training.complete(Caller.of(auth), id, request);
  }

  /** Withdraws an enrolled resident from the course, freeing their seat. */
  @Post("/enrolments/{id}/withdraw")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  EnrolmentView withdraw(Authentication auth, @PathVariable long id) {
    return training.withdraw(Caller.of(auth), id);
  }

  /** A resident's courses, newest first: the resident themself, or staff who see them. */
  @Get("/jobseekers/{id}/training")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.RESIDENT_NAME})
  List<EnrolmentView> trainingOf(Authentication auth, @PathVariable long id) {
    return training.trainingOf(Caller.of(auth), id);
  }

  /**
   * Training in a period (this year to today by default): residents trained, completions, passes,
   * certificates earned, residents enrolled, per kind; a matchmaker's community only.
   */
  @Get("/training/summary")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  TrainingSummary summary(
      Authentication auth,
      @Nullable @QueryValue LocalDate from,
      @Nullable @QueryValue LocalDate to,
      @Nullable @QueryValue Long communityId) {
    return training.summary(Caller.of(auth), from, to, communityId);
  }
}
