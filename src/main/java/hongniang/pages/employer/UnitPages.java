package hongniang.pages.employer;

import hongniang.common.ApiProblem;
import hongniang.common.Education;
import hongniang.common.FieldError;
import hongniang.common.PageResponse;
import hongniang.common.RowVersions;
import hongniang.common.Schedule;
import hongniang.communities.CommunityService;
import hongniang.pages.ErrorPages;
import hongniang.pages.Form;
import hongniang.pages.Links;
import hongniang.pages.Page;
import hongniang.pages.Pager;
import hongniang.pages.Texts;
import hongniang.partners.AgreementView;
import hongniang.partners.PartnerService;
import hongniang.postings.PostingRequest;
import hongniang.postings.PostingService;
import hongniang.postings.PostingStatus;
import hongniang.postings.PostingView;
import hongniang.postings.ReviewView;
import hongniang.postings.ScreenRequest;
import hongniang.postings.ScreenView;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The employer's own unit: its postings by status with the unit's agreement above them; a posting
 * written (from a ready text or a copy), its wording screened as it is typed (htmx) or at the press
 * of a button (without JavaScript), saved as a draft, then opened, paused or closed. The same
 * posting service and rules as {@code /api/v1/postings}; another unit's posting is the friendly
 * 404.
 */
@Controller("/unit")
@Secured(Role.EMPLOYER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class UnitPages {

  /** Days before an agreement's end from which the page warns of it. */
  static final int EXPIRY_WARNING_DAYS = 30;

  /** The ready texts a posting may start from: their bundle key and occupation. */
  static final Map<String, String> TEMPLATES =
      Map.of("cleaner", "保洁员", "guard", "保安员", "waiter", "餐厅服务员");

  private static final List<String> TEMPLATE_ORDER = List.of("cleaner", "guard", "waiter");

  private static final List<PostingStatus> TABS =
      List.of(
          PostingStatus.DRAFT,
          PostingStatus.REVIEW,
          PostingStatus.OPEN,
          PostingStatus.PAUSED,
          PostingStatus.FILLED,
          PostingStatus.EXPIRED,
          PostingStatus.CLOSED);

  private final PostingService postings;
  private final PartnerService partners;
  private final CommunityService communities;
  private final Clock clock;

  UnitPages(
      PostingService postings, PartnerService partners, CommunityService communities, Clock clock) {
    this.postings = postings;
    this.partners = partners;
    this.communities = communities;
    this.clock = clock;
  }

  /** A status tab: its link, its words, whether it is the one shown. */
  public record Tab(String href, String label, boolean current) {}

  /** The unit's agreement as the page shows it; {@code warning} is null when all is well. */
  public record Agreement(
      String number, LocalDate validUntil, String status, @Nullable String warning) {}

  /** The unit's page: its name, agreement, a page of postings, the tabs, a confirmation. */
  public record Home(
      Page page,
      String unitName,
      @Nullable Agreement agreement,
      PageResponse<PostingView> postings,
      Pager pager,
      List<Tab> tabs,
      @Nullable PostingStatus status,
      @Nullable String done) {}

  /** One choice of a select. */
  public record Option(String value, String label) {}

  /**
   * The posting form: new or an edit ({@code id}), what was typed and what was wrong, the screening
   * findings, the choices of its selects, the ready texts and the htmx request's CSRF header.
   */
  public record Editor(
      Page page,
      @Nullable Long id,
      Form form,
      Findings findings,
      List<Option> communities,
      List<Option> schedules,
      List<Option> educations,
      List<Option> templates,
      String hxHeaders,
      boolean conflict) {

    public String action() {
      return id == null ? "/unit/postings" : "/unit/postings/" + id;
    }

    public boolean checked(String name) {
      return "on".equals(form.value(name));
    }
  }

  /** One posting of the unit with what may be done to it now. */
  public record One(
      Page page,
      PostingView posting,
      Findings findings,
      boolean held,
      @Nullable String done,
      @Nullable Form problem,
      boolean conflict) {

    public boolean canEdit() {
      return posting.status() != PostingStatus.CLOSED;
    }

    public boolean canOpen() {
      return Set.of(PostingStatus.DRAFT, PostingStatus.REVIEW, PostingStatus.PAUSED)
          .contains(posting.status());
    }

    public boolean canPause() {
      return posting.status() == PostingStatus.OPEN;
    }

    public boolean canClose() {
      return posting.status() != PostingStatus.CLOSED;
    }
  }

  /** The question before a posting is closed. */
  public record Closing(Page page, PostingView posting, long version) {}

  // ---- the unit's postings

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> home(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String page) {
    Caller caller = Caller.of(auth);
    String done = request.getParameters().get("done");
    Texts t = Page.texts(request);
    PostingStatus chosen = parse(status);
    PageResponse<PostingView> list =
        postings.list(
            caller,
            new PostingService.Filter(null, null, chosen, null, null, null),
            Pager.asked(page) - 1,
            Pager.SIZE);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("status", chosen == null ? null : chosen.name());
    Pager pager = Pager.of(list, "/unit", params);
    List<Tab> tabs = new ArrayList<>();
    tabs.add(new Tab("/unit", t.t("page.unit.tabs.all"), chosen == null));
    for (PostingStatus s : TABS) {
      tabs.add(new Tab("/unit?status=" + s.name(), t.label(s), s == chosen));
    }
    long unit = caller.partnerUnitId();
    Page frame =
        Page.of(
            request,
            t.t("page.unit.title"),
            Links.of("/unit", Links.with(params, "page", pager.page() > 1 ? pager.page() : null)));
    Home view =
        new Home(
            frame,
            partners.getUnit(caller, unit).name(),
            agreement(caller, unit, t),
            list,
            pager,
            tabs,
            chosen,
            doneText(t, done));
    return new ModelAndView<>("employer/unit", Map.of("view", view));
  }

  private static @Nullable PostingStatus parse(@Nullable String status) {
    if (status == null) {
      return null;
    }
    for (PostingStatus s : PostingStatus.values()) {
      if (s.name().equals(status)) {
        return s;
      }
    }
    return null;
  }

  /** The agreement in force (or the latest one) and a warning when it ends soon or has ended. */
  private @Nullable Agreement agreement(Caller caller, long unit, Texts t) {
    List<AgreementView> all = partners.agreementsOf(caller, unit);
    if (all.isEmpty()) {
      return null;
    }
    AgreementView shown =
        all.stream()
            .filter(a -> "ACTIVE".equals(a.effectiveStatus()))
            .max(Comparator.comparing(AgreementView::validUntil))
            .orElse(all.get(0));
    LocalDate today = LocalDate.now(clock);
    long days = ChronoUnit.DAYS.between(today, shown.validUntil());
    String warning = null;
    if (!"ACTIVE".equals(shown.effectiveStatus())) {
      warning = t.t("page.unit.agreement.notValid");
    } else if (days <= EXPIRY_WARNING_DAYS) {
      warning = t.t("page.unit.agreement.expiresIn", "days", days);
    }
    return new Agreement(
        shown.number(),
        shown.validUntil(),
        t.t("page.unit.agreement.status." + shown.effectiveStatus()),
        warning);
  }

  private static @Nullable String doneText(Texts t, @Nullable String done) {
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "created", "saved", "opened", "paused", "closed" -> t.t("page.unit.done." + done);
      default -> null;
    };
  }

  // ---- writing a posting

  @Get(value = "/postings/new", produces = MediaType.TEXT_HTML)
  HttpResponse<?> newPosting(HttpRequest<?> request, Authentication auth) {
    // a copy of one of the unit's postings, or a ready text (not API fields: no labels of theirs)
    String copy = request.getParameters().get("copy");
    String template = request.getParameters().get("template");
    Caller caller = Caller.of(auth);
    Texts t = Page.texts(request);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("headcount", "1");
    values.put("schedule", Schedule.FULL_TIME.name());
    values.put("validThrough", LocalDate.now(clock).plusDays(30).toString());
    if (copy != null) {
      PostingView from = own(caller, copy);
      if (from == null) {
        return ErrorPages.notFound(request, "/unit/postings/new");
      }
      values = PostingForm.valuesOf(from);
      values.remove("version");
      if (from.validThrough().isBefore(LocalDate.now(clock))) {
        values.put("validThrough", LocalDate.now(clock).plusDays(30).toString());
      }
    } else if (template != null && TEMPLATES.containsKey(template)) {
      values.put("title", t.t("page.unit.template." + template + ".title"));
      values.put("description", t.t("page.unit.template." + template + ".description"));
      values.put("occupation", TEMPLATES.get(template));
    }
    Form form = Form.of(values);
    return HttpResponse.ok(editor(request, null, form, screened(form, t), false));
  }

  @Post(
      value = "/postings",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> create(
      HttpRequest<?> request, Authentication auth, @Body Map<String, String> body) {
    Caller caller = Caller.of(auth);
    Texts t = Page.texts(request);
    PostingForm form = PostingForm.read(body, t);
    if ("check".equals(body.get("action"))) {
      Form shown = Form.of(form.values());
      return HttpResponse.ok(editor(request, null, shown, screened(shown, t), false));
    }
    PostingRequest posting = draft(form.request());
    try {
      if (form.unreadable()) {
        return refused(request, null, form, caller, posting, t);
      }
      PostingView created = postings.create(caller, posting);
      return HttpResponse.seeOther(URI.create("/unit/postings/" + created.id() + "?done=created"));
    } catch (ApiProblem problem) {
      return refusedBy(request, null, form, problem, t);
    }
  }

  /** The request as a draft: a page's new posting is saved first, then opened. */
  private static PostingRequest draft(PostingRequest r) {
    return new PostingRequest(
        r.partnerUnitId(),
        r.title(),
        r.description(),
        r.occupation(),
        r.skills(),
        r.headcount(),
        r.filledCount(),
        r.wageMin(),
        r.wageMax(),
        r.wageNote(),
        r.schedule(),
        r.workCommunityId(),
        r.city(),
        r.minAge(),
        r.maxAge(),
        r.minEducation(),
        r.requiredLicences(),
        r.publicWelfare(),
        r.accommodation(),
        r.disabilityFriendly(),
        r.validThrough(),
        PostingStatus.DRAFT,
        r.outsideDistrict());
  }

  /** A form with values of the wrong kind: those messages, and the service's for the rest. */
  private HttpResponse<?> refused(
      HttpRequest<?> request,
      @Nullable Long id,
      PostingForm form,
      Caller caller,
      PostingRequest posting,
      Texts t) {
    List<FieldError> errors = postings.validate(caller, posting, id == null);
    ApiProblem problem = errors.isEmpty() ? null : ApiProblem.invalid(errors);
    Form failed = form.failed(problem);
    return HttpResponse.status(HttpStatus.BAD_REQUEST)
        .body(editor(request, id, failed, screened(failed, t), false));
  }

  private HttpResponse<?> refusedBy(
      HttpRequest<?> request, @Nullable Long id, PostingForm form, ApiProblem problem, Texts t) {
    if (problem.status() == 404) {
      return ErrorPages.notFound(
          request, id == null ? "/unit/postings/new" : "/unit/postings/" + id);
    }
    boolean conflict = conflict(problem);
    Form failed =
        conflict
            ? new Form(form.values(), Map.of(), t.t("page.unit.conflict"))
            : form.failed(problem);
    return HttpResponse.status(HttpStatus.valueOf(problem.status()))
        .body(editor(request, id, failed, screened(failed, t), conflict));
  }

  /** A write refused because the posting changed since the page was read. */
  static boolean conflict(ApiProblem problem) {
    return problem.status() == 412
        || (problem.errors() != null
            && problem.errors().stream().anyMatch(e -> "ConcurrentChange".equals(e.rule())));
  }

  /** The screening findings of the form's title and description (none when both are empty). */
  private Findings screened(Form form, Texts t) {
    String title = form.value("title");
    String description = form.value("description");
    if (title.isBlank() && description.isBlank()) {
      return Findings.none();
    }
    try {
      ScreenView found =
          postings.screen(
              new ScreenRequest(
                  title.isBlank() ? null : title,
                  description.isBlank() ? null : description,
                  null));
      Map<String, String> texts = new LinkedHashMap<>();
      texts.put("title", title);
      texts.put("description", description);
      return Findings.of(found.findings(), texts, t);
    } catch (ApiProblem tooLong) {
      return Findings.refused(t.t("page.unit.findings.tooLong"));
    }
  }

  /** The findings alone, for htmx while the employer types: always a page fragment, never 4xx. */
  @Post(
      value = "/postings/screen",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> screen(HttpRequest<?> request, @Body Map<String, String> body) {
    Texts t = Page.texts(request);
    Form form = Form.of(PostingForm.read(body, t).values());
    return new ModelAndView<>("employer/findings", Map.of("findings", screened(form, t), "t", t));
  }

  private ModelAndView<Map<String, Object>> editor(
      HttpRequest<?> request, @Nullable Long id, Form form, Findings findings, boolean conflict) {
    Texts t = Page.texts(request);
    String path = id == null ? "/unit/postings/new" : "/unit/postings/" + id + "/edit";
    Page frame =
        Page.of(request, t.t(id == null ? "page.unit.new.title" : "page.unit.edit.title"), path);
    List<Option> places = new ArrayList<>();
    communities.all().forEach(c -> places.add(new Option(String.valueOf(c.id()), c.name())));
    places.add(new Option(PostingForm.OUTSIDE, t.t("page.unit.form.outside")));
    List<Option> schedules = new ArrayList<>();
    for (Schedule s : Schedule.values()) {
      schedules.add(new Option(s.name(), t.label(s)));
    }
    List<Option> educations = new ArrayList<>();
    for (Education e : Education.values()) {
      educations.add(new Option(e.name(), t.label(e)));
    }
    List<Option> templates = new ArrayList<>();
    for (String name : TEMPLATE_ORDER) {
      templates.add(
          new Option(
              "/unit/postings/new?template=" + name, t.t("page.unit.template." + name + ".name")));
    }
    String hx = "{\"X-CSRF-Token\":\"" + frame.csrf() + "\"}";
    return new ModelAndView<>(
        "employer/editor",
        Map.of(
            "view",
            new Editor(
                frame,
                id,
                form,
                findings,
                places,
                schedules,
                educations,
                templates,
                hx,
                conflict)));
  }

  // ---- one posting

  /** The unit's posting, or null for a bad id or another unit's posting. */
  private @Nullable PostingView own(Caller caller, String id) {
    if (id == null || !id.matches("\\d{1,18}")) {
      return null;
    }
    try {
      return postings.get(caller, Long.parseLong(id));
    } catch (ApiProblem notFound) {
      if (notFound.status() == 404) {
        return null;
      }
      throw notFound;
    }
  }

  @Get(value = "/postings/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> posting(HttpRequest<?> request, Authentication auth, @PathVariable String id) {
    String done = request.getParameters().get("done");
    PostingView p = own(Caller.of(auth), id);
    if (p == null) {
      return ErrorPages.notFound(request, "/unit/postings/" + id);
    }
    Texts t = Page.texts(request);
    return HttpResponse.ok(one(request, p, doneText(t, done), null, false));
  }

  private ModelAndView<Map<String, Object>> one(
      HttpRequest<?> request,
      PostingView p,
      @Nullable String done,
      @Nullable Form problem,
      boolean conflict) {
    Texts t = Page.texts(request);
    Page frame = Page.of(request, p.title(), "/unit/postings/" + p.id());
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("title", p.title());
    texts.put("description", p.description());
    Findings findings = Findings.of(p.findings(), texts, t);
    boolean held =
        p.status() == PostingStatus.REVIEW
            || (p.review() != null && ReviewView.BLOCKED.equals(p.review().state()));
    return new ModelAndView<>(
        "employer/posting",
        Map.of("view", new One(frame, p, findings, held, done, problem, conflict)));
  }

  @Get(value = "/postings/{id}/edit", produces = MediaType.TEXT_HTML)
  HttpResponse<?> edit(HttpRequest<?> request, Authentication auth, @PathVariable String id) {
    PostingView p = own(Caller.of(auth), id);
    if (p == null) {
      return ErrorPages.notFound(request, "/unit/postings/" + id + "/edit");
    }
    Form form = Form.of(PostingForm.valuesOf(p));
    return HttpResponse.ok(
        editor(request, p.id(), form, screened(form, Page.texts(request)), false));
  }

  @Post(
      value = "/postings/{id}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> update(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> body) {
    Caller caller = Caller.of(auth);
    PostingView p = own(caller, id);
    if (p == null) {
      return ErrorPages.notFound(request, "/unit/postings/" + id);
    }
    Texts t = Page.texts(request);
    PostingForm form = PostingForm.read(body, t);
    if ("check".equals(body.get("action"))) {
      Form shown = Form.of(form.values());
      return HttpResponse.ok(editor(request, p.id(), shown, screened(shown, t), false));
    }
    PostingRequest posting = form.request();
    try {
      if (form.unreadable()) {
        return refused(request, p.id(), form, caller, posting, t);
      }
      postings.update(caller, p.id(), posting, ifMatch(form.values().get("version")));
      return HttpResponse.seeOther(URI.create("/unit/postings/" + p.id() + "?done=saved"));
    } catch (ApiProblem problem) {
      return refusedBy(request, p.id(), form, problem, t);
    }
  }

  /** The If-Match of a form's version field; a form without one writes unconditionally. */
  static @Nullable String ifMatch(@Nullable String version) {
    return version == null || !version.matches("\\d{1,18}")
        ? null
        : RowVersions.etag(Long.parseLong(version));
  }

  @Post(
      value = "/postings/{id}/open",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> open(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> body) {
    return act(request, auth, id, body, PostingService.Action.OPEN, "opened");
  }

  @Post(
      value = "/postings/{id}/pause",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> pause(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> body) {
    return act(request, auth, id, body, PostingService.Action.PAUSE, "paused");
  }

  @Get(value = "/postings/{id}/close", produces = MediaType.TEXT_HTML)
  HttpResponse<?> askClose(HttpRequest<?> request, Authentication auth, @PathVariable String id) {
    PostingView p = own(Caller.of(auth), id);
    if (p == null) {
      return ErrorPages.notFound(request, "/unit/postings/" + id + "/close");
    }
    if (p.status() == PostingStatus.CLOSED) {
      return HttpResponse.seeOther(URI.create("/unit/postings/" + p.id()));
    }
    Texts t = Page.texts(request);
    Page frame =
        Page.of(request, t.t("page.unit.close.title"), "/unit/postings/" + p.id() + "/close");
    // the version the posting's page showed: a close of what changed since is refused politely
    String version = request.getParameters().get("version");
    long asShown =
        version != null && version.matches("\\d{1,18}") ? Long.parseLong(version) : p.version();
    return HttpResponse.ok(
        new ModelAndView<>("employer/close", Map.of("view", new Closing(frame, p, asShown))));
  }

  @Post(
      value = "/postings/{id}/close",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> close(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> body) {
    return act(request, auth, id, body, PostingService.Action.CLOSE, "closed");
  }

  private HttpResponse<?> act(
      HttpRequest<?> request,
      Authentication auth,
      String id,
      Map<String, String> body,
      PostingService.Action action,
      String done) {
    Caller caller = Caller.of(auth);
    PostingView p = own(caller, id);
    if (p == null) {
      return ErrorPages.notFound(request, "/unit/postings/" + id);
    }
    try {
      postings.act(caller, p.id(), action, ifMatch(body == null ? null : body.get("version")));
      return HttpResponse.seeOther(URI.create("/unit/postings/" + p.id() + "?done=" + done));
    } catch (ApiProblem problem) {
      Texts t = Page.texts(request);
      boolean conflict = conflict(problem);
      Form failed =
          conflict
              ? Form.empty().failed(t.t("page.unit.conflict"))
              : Form.empty().failed(PostingForm.remapped(problem), t);
      if (failed.summary() == null) {
        failed = failed.failed(t.t("page.unit.posting.refused"));
      }
      return HttpResponse.status(HttpStatus.valueOf(problem.status()))
          .body(one(request, own(caller, id), null, failed, conflict));
    }
  }
}
