package hongniang.jobseekers;

import hongniang.accounts.AuditLog;
import hongniang.common.BulkImport;
import hongniang.common.DifficultyCategory;
import hongniang.common.ImportBodies;
import hongniang.common.ImportReport;
import hongniang.common.PageResponse;
import hongniang.communities.CommunityService;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Jobseeker profiles. Matchmakers manage their community's residents, admins all; a resident reads
 * their own; employers never reach this API.
 */
@Controller("/api/v1/jobseekers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Jobseekers")
class JobseekerController {

  private final JobseekerService jobseekers;
  private final ImportBodies bodies;
  private final CommunityService communities;

  JobseekerController(
      JobseekerService jobseekers, ImportBodies bodies, CommunityService communities) {
    this.jobseekers = jobseekers;
    this.bodies = bodies;
    this.communities = communities;
  }

  /** Residents, filtered by community, status, difficulty category or name prefix. */
  @Get
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  PageResponse<JobseekerView> list(
      Authentication auth,
      @Nullable @QueryValue Long communityId,
      @Nullable @QueryValue JobseekerStatus status,
      @Nullable @QueryValue DifficultyCategory category,
      @Nullable @QueryValue String name,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    return jobseekers.list(Caller.of(auth), communityId, status, category, name, page, size);
  }

  /** One profile; {@code revealIdNumber=true} shows the whole ID number and is audited. */
  @Get("/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.RESIDENT_NAME})
  JobseekerView get(
      Authentication auth, @PathVariable long id, @Nullable @QueryValue Boolean revealIdNumber) {
    return jobseekers.get(Caller.of(auth), id, Boolean.TRUE.equals(revealIdNumber));
  }

  /** Who read or changed this profile, and when. */
  @Get("/{id}/audit")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  List<AuditLog.Entry> audit(Authentication auth, @PathVariable long id) {
    return jobseekers.auditTrail(Caller.of(auth), id);
  }

  @Post
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  HttpResponse<JobseekerView> create(Authentication auth, @Body JobseekerRequest request) {
    return HttpResponse.created(jobseekers.create(Caller.of(auth), request));
  }

  @Put("/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  JobseekerView update(Authentication auth, @PathVariable long id, @Body JobseekerRequest request) {
    return jobseekers.update(Caller.of(auth), id, request);
  }

  @Delete("/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  @Status(HttpStatus.NO_CONTENT)
  void delete(Authentication auth, @PathVariable long id) {
    jobseekers.delete(Caller.of(auth), id);
  }

  /**
   * Imports profiles from a JSON array or a CSV text with a header row (Chinese headers such as 姓名,
   * 身份证号, 社区 work). With {@code atomic=true} nothing is stored unless every row is valid.
   */
  @Post("/import")
  @Consumes({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN})
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  ImportReport importJobseekers(
      Authentication auth,
      HttpRequest<?> request,
      @Body String body,
      @Nullable @QueryValue Boolean atomic) {
    List<BulkImport.Parsed<JobseekerRequest>> rows =
        bodies.parse(
            request,
            body,
            JobseekerRequest.class,
            JobseekerCsv.ALIASES,
            JobseekerCsv.COLUMNS,
            row -> JobseekerCsv.read(row, communities));
    return jobseekers.importRows(Caller.of(auth), rows, Boolean.TRUE.equals(atomic));
  }
}
