package hongniang.jobseekers;

import hongniang.accounts.AuditLog;
import hongniang.common.BulkImport;
import hongniang.common.DifficultyCategory;
import hongniang.common.ImportBodies;
import hongniang.common.ImportReport;
import hongniang.common.ImportSheet;
import hongniang.common.ImportTemplate;
import hongniang.common.PageResponse;
import hongniang.common.Problem;
import hongniang.common.RowVersions;
import hongniang.communities.CommunityService;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Jobseeker profiles. Matchmakers manage their community's residents, admins all; a resident reads
 * their own; employers never reach this API. One profile's responses carry its version as {@code
 * ETag}; a replace may name the version it rests on in {@code If-Match} (412 when stale).
 */
@Controller("/api/v1/jobseekers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Jobseekers")
class JobseekerController {

  private final JobseekerService jobseekers;
  private final ImportBodies bodies;
  private final CommunityService communities;
  private final Clock clock;
  private final ImportSheet<JobseekerRequest> sheet;

  JobseekerController(
      JobseekerService jobseekers, ImportBodies bodies, CommunityService communities, Clock clock) {
    this.jobseekers = jobseekers;
    this.bodies = bodies;
    this.communities = communities;
    this.clock = clock;
    this.sheet = JobseekerCsv.sheet(communities);
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
  HttpResponse<JobseekerView> get(
      Authentication auth, @PathVariable long id, @Nullable @QueryValue Boolean revealIdNumber) {
    return tagged(jobseekers.get(Caller.of(auth), id, Boolean.TRUE.equals(revealIdNumber)));
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
    JobseekerView created = jobseekers.create(Caller.of(auth), request);
    return HttpResponse.created(created)
        .header(HttpHeaders.ETAG, RowVersions.etag(created.version()));
  }

  /** Replaces a profile; a write that lost a race to another is a 409 ConcurrentChange. */
  @Put("/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  HttpResponse<JobseekerView> update(
      Authentication auth,
      @PathVariable long id,
      @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
      @Body JobseekerRequest request) {
    return tagged(jobseekers.update(Caller.of(auth), id, request, ifMatch));
  }

  /** A profile with its version as the ETag. */
  private static HttpResponse<JobseekerView> tagged(JobseekerView view) {
    return HttpResponse.ok(view).header(HttpHeaders.ETAG, RowVersions.etag(view.version()));
  }

  @Delete("/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  @Status(HttpStatus.NO_CONTENT)
  void delete(Authentication auth, @PathVariable long id) {
    jobseekers.delete(Caller.of(auth), id);
  }

  /**
   * Imports a CSV or XLSX file sent as a form's {@code file} part, as {@link #importJobseekers}
   * reads a body.
   */
  @Post("/import")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  ImportReport importJobseekersFile(
      Authentication auth, CompletedFileUpload file, @Nullable @QueryValue Boolean atomic) {
    return importRows(auth, bodies.parse(file, sheet), atomic);
  }

  /**
   * Imports profiles from a JSON array, a CSV text (UTF-8 or GBK) or an XLSX workbook with a header
   * row (Chinese headers such as 姓名, 身份证号, 社区 work), as the body or as a form's {@code file} part.
   * With {@code atomic=true} nothing is stored unless every row is valid.
   */
  @Post("/import")
  @Consumes({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN, ImportTemplate.XLSX})
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  ImportReport importJobseekers(
      Authentication auth,
      HttpRequest<?> request,
      @Body byte[] body,
      @Nullable @QueryValue Boolean atomic) {
    return importRows(
        auth, bodies.parse(request.getContentType().orElse(null), body, sheet), atomic);
  }

  private ImportReport importRows(
      Authentication auth, List<BulkImport.Parsed<JobseekerRequest>> rows, Boolean atomic) {
    return jobseekers.importRows(Caller.of(auth), rows, Boolean.TRUE.equals(atomic));
  }

  /**
   * A spreadsheet to fill in: the Chinese headers and an example row that imports as it stands;
   * {@code format} is xlsx (the default) or csv.
   */
  @Get("/import/template")
  // problem+json and JSON too: a client that accepts only those still hears why it is refused
  @Produces({ImportTemplate.XLSX, "text/csv", Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  HttpResponse<byte[]> jobseekerTemplate(Authentication auth, @Nullable @QueryValue String format) {
    return JobseekerCsv.template(communities.exampleName(Caller.of(auth)), LocalDate.now(clock))
        .download(format);
  }
}
