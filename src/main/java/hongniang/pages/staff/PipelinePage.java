package hongniang.pages.staff;

import hongniang.common.ApiProblem;
import hongniang.common.PageResponse;
import hongniang.pages.ErrorPages;
import hongniang.pages.Form;
import hongniang.pages.Page;
import hongniang.pages.Pager;
import hongniang.pages.Texts;
import hongniang.placements.PlacementType;
import hongniang.postings.PostingService;
import hongniang.postings.PostingView;
import hongniang.referrals.ConsentMethod;
import hongniang.referrals.ConsentRequest;
import hongniang.referrals.ConsentService;
import hongniang.referrals.ReferralService;
import hongniang.referrals.ReferralState;
import hongniang.referrals.ReferralView;
import hongniang.referrals.RefusalReason;
import hongniang.referrals.TransitionRequest;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The referral pipeline: referrals by state (a tab per state with its count), one referral with its
 * history and the moves the matchmaker may make, and the printable referral letter (推荐信) with a QR
 * code of the employer's page for it.
 */
@Controller
@Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class PipelinePage {

  /** Moves that cannot be undone: asked for a confirmation first. */
  static final Set<ReferralState> FINAL =
      Set.of(
          ReferralState.WITHDRAWN,
          ReferralState.DECLINED_BY_RESIDENT,
          ReferralState.NOT_HIRED,
          ReferralState.HIRED);

  private final ReferralService referrals;
  private final ConsentService consents;
  private final PostingService postings;

  PipelinePage(ReferralService referrals, ConsentService consents, PostingService postings) {
    this.referrals = referrals;
    this.consents = consents;
    this.postings = postings;
  }

  /** A tab: its state, its count, its link, whether it is shown. */
  public record Tab(ReferralState state, long count, String link, boolean chosen) {}

  /** The pipeline: its tabs, the chosen state's referrals and their pager. */
  public record ListView(
      Page page,
      List<Tab> tabs,
      ReferralState state,
      PageResponse<ReferralView> items,
      Pager pager) {}

  @Get(value = "/pipeline", produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> list(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String page) {
    Caller caller = Caller.of(auth);
    ReferralState chosen = ReferralState.PROPOSED;
    for (ReferralState s : ReferralState.values()) {
      if (s.name().equals(state)) {
        chosen = s;
      }
    }
    List<Tab> tabs = new ArrayList<>();
    for (ReferralState s : ReferralState.values()) {
      long count = referrals.list(caller, filter(s), 0, 1).totalItems();
      tabs.add(new Tab(s, count, "/pipeline?state=" + s.name(), s == chosen));
    }
    PageResponse<ReferralView> items =
        referrals.list(caller, filter(chosen), Pager.asked(page) - 1, Pager.SIZE);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("state", chosen.name());
    Pager pager = Pager.of(items, "/pipeline", params);
    Page frame = Staff.frame(request, "page.staff.pipeline.title", "/pipeline");
    return Staff.ok("staff/pipeline", new ListView(frame, tabs, chosen, items, pager));
  }

  private static ReferralService.Filter filter(ReferralState state) {
    return new ReferralService.Filter(null, null, null, null, List.of(state));
  }

  // ---- one referral

  /** One referral: its history, the moves allowed now, the form that failed. */
  public record View(
      Page page, ReferralView referral, @Nullable String done, Form form, @Nullable String failed) {

    public boolean needsConfirmation(ReferralState to) {
      return FINAL.contains(to);
    }

    /** The reasons a move to this state takes, in the service's lists (none: no reason). */
    public List<RefusalReason> reasons(ReferralState to) {
      Set<RefusalReason> set =
          switch (to) {
            case WITHDRAWN -> RefusalReason.STAFF;
            case DECLINED_BY_RESIDENT -> RefusalReason.RESIDENT;
            case NOT_HIRED -> RefusalReason.EMPLOYER;
            default -> Set.of();
          };
      return set.stream().sorted().toList();
    }

    public List<ConsentMethod> consentMethods() {
      return List.of(
          ConsentMethod.IN_PERSON_SIGNATURE, ConsentMethod.PHONE_CALL, ConsentMethod.PAPER_FORM);
    }

    public List<PlacementType> placementTypes() {
      return List.of(PlacementType.values());
    }

    /** The form of this move, if it failed, else an empty one. */
    public Form formOf(ReferralState to) {
      return to.name().equals(failed) ? form : Form.empty();
    }
  }

  @Get(value = "/referrals/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> show(
      HttpRequest<?> request, Authentication auth, @PathVariable String id) {
    String done = request.getParameters().get("done");
    Long referral = Staff.id(id);
    if (referral == null) {
      return ErrorPages.notFound(request, "/referrals/" + id);
    }
    String known = done == null || !done.matches("[A-Z_]{1,30}") ? null : done;
    return page(request, auth, referral, known, Form.empty(), null, 200);
  }

  private HttpResponse<ModelAndView<Map<String, Object>>> page(
      HttpRequest<?> request,
      Authentication auth,
      long id,
      @Nullable String done,
      Form form,
      @Nullable String failed,
      int status) {
    ReferralView r;
    try {
      r = referrals.get(Caller.of(auth), id);
    } catch (ApiProblem problem) {
      if (Staff.notFound(problem)) {
        return ErrorPages.notFound(request, "/referrals/" + id);
      }
      throw problem;
    }
    Texts t = Page.texts(request);
    Page frame =
        Page.of(
            request,
            t.t(
                "page.staff.referral.title",
                "name",
                r.resident().name(),
                "title",
                r.postingTitle()),
            "/referrals/" + id);
    return Staff.status(status, "staff/referral", new View(frame, r, done, form, failed));
  }

  /** Makes one move; a final one only when confirmed, with what it needs. */
  @Post(
      value = "/referrals/{id}/move",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> move(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> body) {
    Long referral = Staff.id(id);
    if (referral == null) {
      return ErrorPages.notFound(request, "/referrals/" + id);
    }
    Caller caller = Caller.of(auth);
    Texts t = Page.texts(request);
    ReferralState to = Staff.choice(ReferralState.class, body.get("to"));
    Map<String, String> values = new LinkedHashMap<>();
    body.forEach(
        (k, v) -> {
          if (!k.equals("_csrf") && v != null) {
            values.put(k, v.length() > 1000 ? v.substring(0, 1000) : v);
          }
        });
    if (to == null) {
      return page(
          request,
          auth,
          referral,
          null,
          new Form(values, Map.of(), t.t("page.staff.referral.noMove")),
          null,
          400);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (FINAL.contains(to) && !"yes".equals(body.get("confirm"))) {
      errors.put("confirm", t.t("page.staff.referral.confirmMissing"));
    }
    String note = Staff.text(values.get("note"));
    RefusalReason reason = Staff.choice(RefusalReason.class, values.get("reason"));
    TransitionRequest.Interview interview = null;
    TransitionRequest.Hire hire = null;
    if (to == ReferralState.INTERVIEW) {
      LocalDate date = date(values.get("date"), "date", errors, t);
      LocalTime time = null;
      try {
        time =
            values.get("time") == null || values.get("time").isBlank()
                ? null
                : LocalTime.parse(values.get("time"));
      } catch (DateTimeParseException e) {
        errors.put("time", t.t("page.staff.referral.notTime"));
      }
      interview =
          new TransitionRequest.Interview(
              date, time, Staff.text(values.get("place")), Staff.text(values.get("contact")));
    }
    if (to == ReferralState.HIRED) {
      LocalDate start = date(values.get("startDate"), "startDate", errors, t);
      Integer wage = number(values.get("monthlyWage"), "monthlyWage", errors, t);
      Integer months = number(values.get("contractMonths"), "contractMonths", errors, t);
      PlacementType type = Staff.choice(PlacementType.class, values.get("type"));
      hire = new TransitionRequest.Hire(type, start, wage, months, note);
    }
    if (!errors.isEmpty()) {
      return page(
          request,
          auth,
          referral,
          null,
          new Form(values, errors, t.t("page.form.fix")),
          to.name(),
          400);
    }
    try {
      if (to == ReferralState.CONSENTED) {
        ConsentMethod method = Staff.choice(ConsentMethod.class, values.get("method"));
        consents.give(
            caller,
            referral,
            new ConsentRequest(
                "on".equals(values.get("shareDisability")),
                "on".equals(values.get("shareHardship")),
                method,
                Staff.text(values.get("reference"))),
            null,
            null);
      } else {
        referrals.move(
            caller, referral, new TransitionRequest(to, reason, note, interview, hire), null, null);
      }
    } catch (ApiProblem problem) {
      if (Staff.notFound(problem)) {
        return ErrorPages.notFound(request, "/referrals/" + id);
      }
      return page(
          request,
          auth,
          referral,
          null,
          Form.of(values).failed(problem, t),
          to.name(),
          problem.status());
    }
    return Staff.seeOther("/referrals/" + referral + "?done=" + to.name());
  }

  private static @Nullable LocalDate date(
      @Nullable String value, String field, Map<String, String> errors, Texts t) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, t.t("page.staff.referral.notDate"));
      return null;
    }
  }

  private static @Nullable Integer number(
      @Nullable String value, String field, Map<String, String> errors, Texts t) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!value.strip().matches("\\d{1,7}")) {
      errors.put(field, t.t("page.staff.new.notNumber"));
      return null;
    }
    return Integer.parseInt(value.strip());
  }

  // ---- the letter

  /** The letter: the referral, its posting with the unit's contact, the QR code's SVG and link. */
  public record LetterView(
      Page page, ReferralView referral, PostingView posting, String qr, String employerLink) {}

  @Get(value = "/referrals/{id}/letter", produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> letter(
      HttpRequest<?> request, Authentication auth, @PathVariable String id) {
    Long referral = Staff.id(id);
    if (referral == null) {
      return ErrorPages.notFound(request, "/referrals/" + id + "/letter");
    }
    Caller caller = Caller.of(auth);
    ReferralView r;
    PostingView p;
    try {
      r = referrals.get(caller, referral);
      p = postings.get(caller, r.postingId());
    } catch (ApiProblem problem) {
      if (Staff.notFound(problem)) {
        return ErrorPages.notFound(request, "/referrals/" + id + "/letter");
      }
      throw problem;
    }
    Texts t = Page.texts(request);
    String link = origin(request) + "/unit/referrals/" + r.id();
    Page frame =
        Page.of(
            request,
            t.t("page.staff.letter.title", "name", r.resident().name()),
            "/referrals/" + r.id() + "/letter");
    return Staff.ok(
        "staff/letter",
        new LetterView(frame, r, p, Qr.svg(link, t.t("page.staff.letter.qr")), link));
  }

  /** This site's address as the browser reached it: the scheme and the request's Host. */
  static String origin(HttpRequest<?> request) {
    boolean secure =
        request.isSecure()
            || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    String host = request.getHeaders().get("Host");
    if (host == null
        || !host.matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9a-fA-F:]+\\](:\\d{1,5})?")) {
      host = "localhost";
    }
    return (secure ? "https://" : "http://") + host;
  }
}
