package hongniang.pages.employer;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.PageResponse;
import hongniang.pages.ErrorPages;
import hongniang.pages.Form;
import hongniang.pages.Links;
import hongniang.pages.Page;
import hongniang.pages.Pager;
import hongniang.pages.Texts;
import hongniang.postings.PostingService;
import hongniang.postings.PostingView;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidates matchmakers referred to the employer's unit, as the referral service shows them to
 * it: only the fields each resident consented to, only while the consent stands. An interview is
 * arranged and an outcome recorded (hired, or not with one of the employer's reasons), each asked
 * to be confirmed; another unit's referral is the friendly 404.
 */
@Controller("/unit/referrals")
@Secured(Role.EMPLOYER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class CandidatePages {

  /** How many of the unit's postings the filter offers. */
  private static final int POSTINGS_OFFERED = 100;

  private final ReferralService referrals;
  private final PostingService postings;

  CandidatePages(ReferralService referrals, PostingService postings) {
    this.referrals = referrals;
    this.postings = postings;
  }

  /** The list: a page of candidates, the posting filter's choices and the one chosen. */
  public record Listing(
      Page page,
      PageResponse<ReferralView> candidates,
      Pager pager,
      List<UnitPages.Option> postings,
      @Nullable Long posting) {}

  /**
   * One candidate: the referral, a confirmation, and the three forms (interview, hire, not hired)
   * with what was typed and what was wrong; {@code conflict} when the referral changed meanwhile.
   */
  public record One(
      Page page,
      ReferralView referral,
      @Nullable String done,
      Form interview,
      Form hire,
      Form refuse,
      List<UnitPages.Option> reasons,
      boolean conflict) {

    public boolean may(String state) {
      return referral.next().contains(ReferralState.valueOf(state));
    }
  }

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> list(
      HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String page) {
    Caller caller = Caller.of(auth);
    String posting = request.getParameters().get("posting");
    Texts t = Page.texts(request);
    Long postingId =
        posting != null && posting.matches("\\d{1,18}") ? Long.parseLong(posting) : null;
    PageResponse<ReferralView> found =
        referrals.list(
            caller,
            new ReferralService.Filter(null, postingId, null, null, null),
            Pager.asked(page) - 1,
            Pager.SIZE);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("posting", postingId);
    Pager pager = Pager.of(found, "/unit/referrals", params);
    List<UnitPages.Option> options = new ArrayList<>();
    for (PostingView p :
        postings
            .list(
                caller,
                new PostingService.Filter(null, null, null, null, null, null),
                0,
                POSTINGS_OFFERED)
            .items()) {
      options.add(new UnitPages.Option(String.valueOf(p.id()), p.title()));
    }
    Page frame =
        Page.of(
            request,
            t.t("page.unit.candidates.title"),
            Links.of(
                "/unit/referrals",
                Links.with(params, "page", pager.page() > 1 ? pager.page() : null)));
    return new ModelAndView<>(
        "employer/candidates",
        Map.of("view", new Listing(frame, found, pager, options, postingId)));
  }

  private @Nullable ReferralView own(Caller caller, String id) {
    if (id == null || !id.matches("\\d{1,18}")) {
      return null;
    }
    try {
      return referrals.get(caller, Long.parseLong(id));
    } catch (ApiProblem notFound) {
      if (notFound.status() == 404) {
        return null;
      }
      throw notFound;
    }
  }

  @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> one(HttpRequest<?> request, Authentication auth, @PathVariable String id) {
    String done = request.getParameters().get("done");
    ReferralView r = own(Caller.of(auth), id);
    if (r == null) {
      return ErrorPages.notFound(request, "/unit/referrals/" + id);
    }
    Texts t = Page.texts(request);
    String doneText =
        done != null && List.of("interview", "hired", "notHired").contains(done)
            ? t.t("page.unit.candidate.done." + done)
            : null;
    return HttpResponse.ok(
        page(request, r, doneText, Form.empty(), Form.empty(), Form.empty(), false));
  }

  private ModelAndView<Map<String, Object>> page(
      HttpRequest<?> request,
      ReferralView r,
      @Nullable String done,
      Form interview,
      Form hire,
      Form refuse,
      boolean conflict) {
    Texts t = Page.texts(request);
    String name = r.resident().name() != null ? r.resident().name() : "#" + r.id();
    Page frame =
        Page.of(
            request, t.t("page.unit.candidate.title", "name", name), "/unit/referrals/" + r.id());
    List<UnitPages.Option> reasons = new ArrayList<>();
    for (RefusalReason reason : RefusalReason.values()) {
      if (RefusalReason.EMPLOYER.contains(reason)) {
        reasons.add(new UnitPages.Option(reason.name(), t.label(reason)));
      }
    }
    return new ModelAndView<>(
        "employer/candidate",
        Map.of("view", new One(frame, r, done, interview, hire, refuse, reasons, conflict)));
  }

  @Post(
      value = "/{id}/interview",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> interview(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> body) {
    return move(request, auth, id, body, Step.INTERVIEW);
  }

  @Post(
      value = "/{id}/hire",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> hire(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> body) {
    return move(request, auth, id, body, Step.HIRE);
  }

  @Post(
      value = "/{id}/not-hired",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> notHired(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> body) {
    return move(request, auth, id, body, Step.REFUSE);
  }

  /** The three things an employer records, each its own form. */
  private enum Step {
    INTERVIEW,
    HIRE,
    REFUSE
  }

  private static final Map<Step, List<String>> FIELDS =
      Map.of(
          Step.INTERVIEW, List.of("date", "time", "place", "contact"),
          Step.HIRE, List.of("startDate", "monthlyWage", "contractMonths", "confirmHire"),
          Step.REFUSE, List.of("reason", "note", "confirmRefuse"));

  private HttpResponse<?> move(
      HttpRequest<?> request, Authentication auth, String id, Map<String, String> body, Step step) {
    Caller caller = Caller.of(auth);
    ReferralView r = own(caller, id);
    if (r == null) {
      return ErrorPages.notFound(request, "/unit/referrals/" + id);
    }
    Texts t = Page.texts(request);
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : FIELDS.get(step)) {
      String v = body == null ? null : body.get(name);
      if (v != null) {
        values.put(name, v.length() > 2000 ? v.substring(0, 2000) : v);
      }
    }
    Map<String, String> errors = new LinkedHashMap<>();
    TransitionRequest move = request(step, values, errors, t);
    if (!errors.isEmpty()) {
      return refused(request, r, step, new Form(values, errors, t.t("page.form.fix")), 400, false);
    }
    String version = body.get("version");
    try {
      referrals.move(caller, r.id(), move, UnitPages.ifMatch(version), null);
    } catch (ApiProblem problem) {
      if (problem.status() == 404) {
        return ErrorPages.notFound(request, "/unit/referrals/" + id);
      }
      boolean conflict = UnitPages.conflict(problem);
      Form failed =
          conflict
              ? new Form(values, Map.of(), t.t("page.unit.conflict.referral"))
              : Form.of(values).failed(remapped(problem), t);
      if (failed.summary() == null) {
        failed = failed.failed(t.t("page.form.fix"));
      }
      ReferralView now = own(caller, id);
      return refused(request, now == null ? r : now, step, failed, problem.status(), conflict);
    }
    String done =
        switch (step) {
          case INTERVIEW -> "interview";
          case HIRE -> "hired";
          case REFUSE -> "notHired";
        };
    return HttpResponse.seeOther(URI.create("/unit/referrals/" + r.id() + "?done=" + done));
  }

  private HttpResponse<?> refused(
      HttpRequest<?> request,
      ReferralView r,
      Step step,
      Form failed,
      int status,
      boolean conflict) {
    return HttpResponse.status(HttpStatus.valueOf(status))
        .body(
            page(
                request,
                r,
                null,
                step == Step.INTERVIEW ? failed : Form.empty(),
                step == Step.HIRE ? failed : Form.empty(),
                step == Step.REFUSE ? failed : Form.empty(),
                conflict));
  }

  /** The move a form asks for, with each value of the wrong kind a message of its field. */
  private static TransitionRequest request(
      Step step, Map<String, String> values, Map<String, String> errors, Texts t) {
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getValue().indexOf('\0') >= 0) {
        errors.put(e.getKey(), t.t("page.unit.form.control"));
      }
    }
    return switch (step) {
      case INTERVIEW ->
          new TransitionRequest(
              ReferralState.INTERVIEW,
              null,
              null,
              new TransitionRequest.Interview(
                  date(values, "date", errors, t),
                  time(values, errors, t),
                  text(values, "place"),
                  text(values, "contact")),
              null);
      case HIRE -> {
        confirmed(values, "confirmHire", errors, t);
        yield new TransitionRequest(
            ReferralState.HIRED,
            null,
            null,
            null,
            new TransitionRequest.Hire(
                null,
                date(values, "startDate", errors, t),
                number(values, "monthlyWage", errors, t),
                number(values, "contractMonths", errors, t),
                null));
      }
      case REFUSE -> {
        confirmed(values, "confirmRefuse", errors, t);
        RefusalReason reason = null;
        String given = text(values, "reason");
        if (given == null) {
          errors.put("reason", t.t("page.unit.candidate.reasonMissing"));
        } else {
          try {
            reason = RefusalReason.valueOf(given);
          } catch (IllegalArgumentException e) {
            errors.put("reason", t.t("page.unit.form.notAChoice"));
          }
        }
        yield new TransitionRequest(
            ReferralState.NOT_HIRED, reason, text(values, "note"), null, null);
      }
    };
  }

  private static void confirmed(
      Map<String, String> values, String name, Map<String, String> errors, Texts t) {
    if (!"on".equals(values.get(name))) {
      errors.put(name, t.t("page.unit.candidate.confirmMissing"));
    }
  }

  private static @Nullable String text(Map<String, String> values, String name) {
    String v = values.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static @Nullable LocalDate date(
      Map<String, String> values, String name, Map<String, String> errors, Texts t) {
    String v = text(values, name);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      errors.put(name, t.t("page.unit.form.notADate"));
      return null;
    }
  }

  private static @Nullable LocalTime time(
      Map<String, String> values, Map<String, String> errors, Texts t) {
    String v = text(values, "time");
    if (v == null) {
      return null;
    }
    try {
      return LocalTime.parse(v);
    } catch (DateTimeParseException e) {
      errors.put("time", t.t("page.unit.form.notATime"));
      return null;
    }
  }

  private static @Nullable Integer number(
      Map<String, String> values, String name, Map<String, String> errors, Texts t) {
    String v = text(values, name);
    if (v == null) {
      return null;
    }
    String plain = v.replace(",", "");
    if (!plain.matches("\\d{1,9}")) {
      errors.put(name, t.t("page.unit.form.notNumber"));
      return null;
    }
    return Integer.parseInt(plain);
  }

  /** The problem with its fields named as the forms name them (interview.date is date). */
  private static ApiProblem remapped(ApiProblem problem) {
    List<FieldError> errors = new ArrayList<>();
    for (FieldError e : problem.errors() == null ? List.<FieldError>of() : problem.errors()) {
      String field = e.field() == null ? "" : e.field();
      int dot = field.lastIndexOf('.');
      errors.add(e.at(dot >= 0 ? field.substring(dot + 1) : field));
    }
    return new ApiProblem(
        problem.status(), problem.title(), problem.detailText(), problem.getMessage(), errors);
  }
}
