package hongniang.training;

import hongniang.common.Idempotency;
import hongniang.common.PageResponse;
import hongniang.common.RowVersions;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Courses (职业培训, 创业培训) and their enrolments. Everyone signed in reads courses; an admin runs any, a
 * matchmaker their community's; staff enrol the residents they see. One course answers with its
 * version as {@code ETag}; a replace may name it in {@code If-Match} (412 when stale).
 */
@Controller("/api/v1/courses")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Training")
class CourseController {

  private final TrainingService training;

  CourseController(TrainingService training) {
    this.training = training;
  }

  /**
   * Courses that have not ended (with {@code includeEnded=true}, past ones too), by start date;
   * filtered by kind, running community, the licence they lead to.
   */
  @Get
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME, Role.RESIDENT_NAME})
  PageResponse<CourseView> list(
      @Nullable @QueryValue CourseKind kind,
      @Nullable @QueryValue Long communityId,
      @Nullable @QueryValue String licence,
      @Nullable @QueryValue Boolean includeEnded,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    return training.listCourses(
        new TrainingService.Filter(kind, communityId, licence, Boolean.TRUE.equals(includeEnded)),
        page,
        size);
  }

  @Get("/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME, Role.RESIDENT_NAME})
  HttpResponse<CourseView> get(@PathVariable long id) {
    return tagged(training.getCourse(id));
  }

  @Post
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  HttpResponse<CourseView> create(Authentication auth, @Body CourseRequest request) {
    CourseView created = training.createCourse(Caller.of(auth), request);
    return HttpResponse.created(created)
        .header(HttpHeaders.ETAG, RowVersions.etag(created.version()));
  }

  /** Replaces a course; its seats never below those taken (422 SeatsTaken). */
  @Put("/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  HttpResponse<CourseView> update(
      Authentication auth,
      @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
      @PathVariable long id,
      @Body CourseRequest request) {
    return tagged(training.updateCourse(Caller.of(auth), id, request, ifMatch));
  }

  /**
   * Enrols a resident: a matchmaker their community's (others are 404), an admin any; 409 when the
   * course is full, has ended, or the resident is enrolled already.
   */
  @Post("/{id}/enrolments")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  HttpResponse<EnrolmentView> enrol(
      Authentication auth,
      @PathVariable long id,
      @Body EnrolmentRequest request,
      @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
    return HttpResponse.created(training.enrol(Caller.of(auth), id, request, idempotencyKey));
  }

  /** The course's enrolments: a matchmaker sees their community's residents only. */
  @Get("/{id}/enrolments")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  PageResponse<EnrolmentView> enrolments(
      Authentication auth,
      @PathVariable long id,
      @Nullable @QueryValue EnrolmentStatus status,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    return training.listEnrolments(Caller.of(auth), id, status, page, size);
  }

  private static HttpResponse<CourseView> tagged(CourseView view) {
    return HttpResponse.ok(view).header(HttpHeaders.ETAG, RowVersions.etag(view.version()));
  }
}
