package hongniang.postings;

import hongniang.common.BulkImport;
import hongniang.common.ImportBodies;
import hongniang.common.ImportReport;
import hongniang.common.ImportSheet;
import hongniang.common.ImportTemplate;
import hongniang.common.PageResponse;
import hongniang.common.Problem;
import hongniang.common.RowVersions;
import hongniang.common.Schedule;
import hongniang.communities.CommunityService;
import hongniang.partners.PartnerService;
import hongniang.partners.PartnerUnitView;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
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
 * Postings. Staff manage all; an employer manages only its own unit's (others are 404); a resident
 * reads open postings of valid partners. One posting's responses carry its version as {@code ETag};
 * a write may name the version it rests on in {@code If-Match} and is refused (412) when the
 * posting has changed since.
 */
@Controller("/api/v1/postings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Postings")
class PostingController {

  private final PostingService postings;
  private final ImportBodies bodies;
  private final CommunityService communities;
  private final PartnerService partners;
  private final Clock clock;
  private final ImportSheet<PostingRequest> sheet;

  PostingController(
      PostingService postings,
      ImportBodies bodies,
      CommunityService communities,
      PartnerService partners,
      Clock clock) {
    this.postings = postings;
    this.bodies = bodies;
    this.communities = communities;
    this.partners = partners;
    this.clock = clock;
    this.sheet = PostingCsv.sheet(communities);
  }

  /** Postings, filtered by unit, work community, status, schedule, public-welfare, outside. */
  @Get
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME, Role.RESIDENT_NAME})
  PageResponse<PostingView> list(
      Authentication auth,
      @Nullable @QueryValue Long partnerUnitId,
      @Nullable @QueryValue Long communityId,
      @Nullable @QueryValue PostingStatus status,
      @Nullable @QueryValue Schedule schedule,
      @Nullable @QueryValue Boolean publicWelfare,
      @Nullable @QueryValue Boolean outsideDistrict,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    return postings.list(
        Caller.of(auth),
        new PostingService.Filter(
            partnerUnitId, communityId, status, schedule, publicWelfare, outsideDistrict),
        page,
        size);
  }

  @Get("/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME, Role.RESIDENT_NAME})
  HttpResponse<PostingView> get(Authentication auth, @PathVariable long id) {
    return tagged(postings.get(Caller.of(auth), id));
  }

  /** Creates a posting; {@code filledCount} may only be 0 or left out (422 ReadOnly otherwise). */
  @Post
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  HttpResponse<PostingView> create(Authentication auth, @Body PostingRequest request) {
    PostingView created = postings.create(Caller.of(auth), request);
    return HttpResponse.created(created)
        .header(HttpHeaders.ETAG, RowVersions.etag(created.version()));
  }

  /**
   * Replaces a posting's fields. {@code filledCount} counts placements: left out or as it is, else
   * 422 ReadOnly; a headcount below it is a 422. A write that lost a race to another is a 409
   * ConcurrentChange and stores nothing.
   */
  @Put("/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  HttpResponse<PostingView> update(
      Authentication auth,
      @PathVariable long id,
      @Body PostingRequest request,
      @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
    return tagged(postings.update(Caller.of(auth), id, request, ifMatch));
  }

  /**
   * Opens a draft, paused or held posting; the unit must be a partner today, and a blocking
   * screening finding must have been rewritten or approved (409 naming each one otherwise).
   */
  @Post("/{id}/open")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  HttpResponse<PostingView> open(
      Authentication auth,
      @PathVariable long id,
      @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
    return act(auth, id, PostingService.Action.OPEN, ifMatch);
  }

  @Post("/{id}/pause")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  HttpResponse<PostingView> pause(
      Authentication auth,
      @PathVariable long id,
      @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
    return act(auth, id, PostingService.Action.PAUSE, ifMatch);
  }

  /**
   * "No more places wanted": an open or paused posting becomes FILLED with its places filled as
   * they are (placements count them; a full posting becomes FILLED by itself).
   */
  @Post("/{id}/fill")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  HttpResponse<PostingView> fill(
      Authentication auth,
      @PathVariable long id,
      @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
    return act(auth, id, PostingService.Action.FILL, ifMatch);
  }

  @Post("/{id}/close")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  HttpResponse<PostingView> close(
      Authentication auth,
      @PathVariable long id,
      @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
    return act(auth, id, PostingService.Action.CLOSE, ifMatch);
  }

  /**
   * An admin approves the posting's present text despite its blocking screening findings, with a
   * reason that is stored with who and when; the posting may then open (a held one returns to
   * DRAFT). A later edit of the text needs a new approval.
   */
  @Post("/{id}/approve")
  @Secured(Role.ADMIN_NAME)
  HttpResponse<PostingView> approve(
      Authentication auth,
      @PathVariable long id,
      @Nullable @Body ApprovalRequest request,
      @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
    // no body at all is a missing reason, named as such
    return tagged(
        postings.approve(
            Caller.of(auth), id, request == null ? new ApprovalRequest(null) : request, ifMatch));
  }

  private HttpResponse<PostingView> act(
      Authentication auth, long id, PostingService.Action action, String ifMatch) {
    return tagged(postings.act(Caller.of(auth), id, action, ifMatch));
  }

  /** A posting with its version as the ETag. */
  private static HttpResponse<PostingView> tagged(PostingView view) {
    return HttpResponse.ok(view).header(HttpHeaders.ETAG, RowVersions.etag(view.version()));
  }

  /** Screens a title, description and skills as a posting's would be, storing nothing. */
  @Post("/screen")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  ScreenView screen(@Body ScreenRequest request) {
    return postings.screen(request);
  }

  /**
   * Screens every posting that is not closed with today's rules: open ones with a blocking finding
   * no admin approved go to REVIEW; reports per partner unit what it found.
   */
  @Post("/screening-runs")
  @Secured(Role.ADMIN_NAME)
  ScreeningRunReport screeningRun() {
    return postings.screenAll();
  }

  /**
   * Imports a CSV or XLSX file sent as a form's {@code file} part, as {@link #importPostings} reads
   * a body.
   */
  @Post("/import")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  ImportReport importPostingsFile(
      Authentication auth, CompletedFileUpload file, @Nullable @QueryValue Boolean atomic) {
    return importRows(auth, bodies.parse(file, sheet), atomic);
  }

  /**
   * Imports postings from a JSON array, a CSV text (UTF-8 or GBK) or an XLSX workbook with a header
   * row, as the body or as a form's {@code file} part. Every row is checked; with {@code
   * atomic=true} nothing is stored unless every row is valid.
   */
  @Post("/import")
  @Consumes({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN, ImportTemplate.XLSX})
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  ImportReport importPostings(
      Authentication auth,
      HttpRequest<?> request,
      @Body byte[] body,
      @Nullable @QueryValue Boolean atomic) {
    return importRows(
        auth, bodies.parse(request.getContentType().orElse(null), body, sheet), atomic);
  }

  private ImportReport importRows(
      Authentication auth, List<BulkImport.Parsed<PostingRequest>> rows, Boolean atomic) {
    return postings.importRows(Caller.of(auth), rows, Boolean.TRUE.equals(atomic));
  }

  /**
   * A spreadsheet to fill in: the Chinese headers and an example row that imports as it stands;
   * {@code format} is xlsx (the default) or csv.
   */
  @Get("/import/template")
  // problem+json and JSON too: a client that accepts only those still hears why it is refused
  @Produces({ImportTemplate.XLSX, "text/csv", Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  HttpResponse<byte[]> postingTemplate(Authentication auth, @Nullable @QueryValue String format) {
    Caller caller = Caller.of(auth);
    return PostingCsv.template(
            exampleUnit(caller), communities.exampleName(caller), LocalDate.now(clock))
        .download(format);
  }

  /** A unit the caller may post for, a partner today if there is one. */
  private Long exampleUnit(Caller caller) {
    for (Boolean partner : new Boolean[] {true, null}) {
      List<PartnerUnitView> units = partners.listUnits(caller, null, partner, null, 0, 1).items();
      if (!units.isEmpty()) {
        return units.get(0).id();
      }
    }
    return null;
  }
}
