package hongniang.pages.admin;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.PageResponse;
import hongniang.common.Validation;
import hongniang.communities.CommunityService;
import hongniang.communities.CommunityView;
import hongniang.pages.Form;
import hongniang.pages.Links;
import hongniang.pages.Page;
import hongniang.pages.Pager;
import hongniang.pages.Texts;
import hongniang.partners.AgreementRequest;
import hongniang.partners.AgreementStatus;
import hongniang.partners.AgreementView;
import hongniang.partners.PartnerService;
import hongniang.partners.PartnerUnitRequest;
import hongniang.partners.PartnerUnitView;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Partner units and their agreements: the units (searched by name) with where each stands, the
 * agreements expiring or expired, a unit's page with its agreements and their actions (renew with
 * new dates, suspend, reactivate, terminate: each asked first, terminate for good), signing a new
 * agreement and registering a unit. Everything through {@link PartnerService}, as the API does.
 */
@Controller("/admin/partners")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class PartnerPages {

  private static final Set<String> DONE =
      Set.of("unitCreated", "signed", "renewed", "suspended", "terminated", "reactivated");

  private final PartnerService partners;
  private final CommunityService communities;
  private final Clock clock;

  PartnerPages(PartnerService partners, CommunityService communities, Clock clock) {
    this.partners = partners;
    this.communities = communities;
    this.clock = clock;
  }

  /**
   * Where a unit stands: PARTNER, EXPIRING (its partnership ends within {@value
   * AdminHome#EXPIRING_DAYS} days), EXPIRED, SUSPENDED, NOT_YET_VALID, TERMINATED or NONE; the last
   * day of its partnership and the days left to it.
   */
  public record UnitRow(PartnerUnitView unit, String state, @Nullable LocalDate until, long days) {

    /** Near its end or past it: highlighted. */
    public boolean warn() {
      return "EXPIRING".equals(state) || "EXPIRED".equals(state);
    }
  }

  /** An agreement with whether its end is near, and the days left. */
  public record AgreementRow(AgreementView agreement, boolean expiring, long days) {

    public String state() {
      return expiring ? "EXPIRING" : agreement.effectiveStatus();
    }

    public boolean warn() {
      return expiring || "EXPIRED".equals(agreement.effectiveStatus());
    }

    /** Not terminated: it can still be renewed, suspended or terminated. */
    public boolean live() {
      return agreement.status() != AgreementStatus.TERMINATED;
    }
  }

  /** The list: units by name, or the agreements expiring or expired ({@code show}). */
  public record ListView(
      Page page,
      @Nullable String q,
      @Nullable String show,
      @Nullable PageResponse<UnitRow> units,
      @Nullable PageResponse<AgreementRow> agreements,
      Pager pager,
      @Nullable String done) {}

  /** A unit's page: the unit, its agreements, the form to sign a new one. */
  public record UnitView(
      Page page,
      PartnerUnitView unit,
      UnitRow row,
      List<AgreementRow> agreements,
      Form form,
      List<CommunityView> communities,
      @Nullable String done) {}

  /** The form to register a unit. */
  public record NewView(Page page, Form form) {}

  /** The form to renew an agreement with new dates. */
  public record RenewView(Page page, PartnerUnitView unit, AgreementView agreement, Form form) {}

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> list(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String page) {
    String done = request.getParameters().get("done");
    Caller caller = Caller.of(auth);
    Texts t = Page.texts(request);
    String query = q == null ? null : clean(q, 100);
    String show = request.getParameters().get("show");
    String which = "expiring".equals(show) || "expired".equals(show) ? show : null;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("q", which == null ? query : null);
    params.put("show", which);
    int asked = Pager.asked(page) - 1;
    PageResponse<UnitRow> units = null;
    PageResponse<AgreementRow> agreements = null;
    Pager pager;
    if (which == null) {
      PageResponse<PartnerUnitView> found =
          partners.listUnits(caller, null, null, query, asked, Pager.SIZE);
      units = map(found, u -> row(caller, u));
      pager = Pager.of(found, "/admin/partners", params);
    } else {
      PageResponse<AgreementView> found =
          partners.listAgreements(
              caller,
              null,
              null,
              which.equals("expired") ? "EXPIRED" : null,
              which.equals("expiring") ? AdminHome.EXPIRING_DAYS : null,
              asked,
              Pager.SIZE);
      agreements = map(found, this::agreementRow);
      pager = Pager.of(found, "/admin/partners", params);
    }
    String title =
        t.t(which == null ? "page.admin.partners.title" : "page.admin.partners.show." + which);
    Page frame =
        Page.of(
            request,
            title,
            Links.of(
                "/admin/partners",
                Links.with(params, "page", pager.page() > 1 ? pager.page() : null)));
    return Admin.view(
        "partners",
        new ListView(
            frame,
            query,
            which,
            units,
            agreements,
            pager,
            done != null && DONE.contains(done) ? done : null));
  }

  @Get(value = "/new", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> newUnit(HttpRequest<?> request) {
    return Admin.view("partner-new", newView(request, Form.empty()));
  }

  @Post(
      value = "/new",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> body) {
    Form form = Admin.form(body);
    PartnerUnitRequest unit =
        new PartnerUnitRequest(
            Admin.text(form, "name"),
            Admin.text(form, "creditCode"),
            Admin.text(form, "address"),
            Admin.text(form, "contactPerson"),
            Admin.text(form, "contactPhone"),
            Admin.text(form, "industry"));
    try {
      PartnerUnitView created = partners.createUnit(unit);
      return Admin.seeOther("/admin/partners/" + created.id() + "?done=unitCreated");
    } catch (ApiProblem problem) {
      return Admin.status(
          problem.status(),
          "partner-new",
          newView(request, form.failed(problem, Page.texts(request))));
    }
  }

  private NewView newView(HttpRequest<?> request, Form form) {
    Texts t = Page.texts(request);
    return new NewView(
        Page.of(request, t.t("page.admin.partnerNew.title"), "/admin/partners/new"), form);
  }

  @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> unit(
      HttpRequest<?> request, Authentication auth, @PathVariable long id) {
    String done = request.getParameters().get("done");
    Caller caller = Caller.of(auth);
    LocalDate today = today();
    Form form =
        Form.of(
            Map.of(
                "signedOn", today.toString(),
                "validUntil", today.plusYears(1).minusDays(1).toString()));
    return Admin.view(
        "partner",
        unitView(request, caller, id, form, done != null && DONE.contains(done) ? done : null));
  }

  private UnitView unitView(
      HttpRequest<?> request, Caller caller, long id, Form form, @Nullable String done) {
    PartnerUnitView unit = partners.getUnit(caller, id);
    List<AgreementRow> rows =
        partners.agreementsOf(caller, id).stream().map(this::agreementRow).toList();
    return new UnitView(
        Page.of(request, unit.name(), "/admin/partners/" + id),
        unit,
        row(unit, rows),
        rows,
        form,
        communities.all(),
        done);
  }

  /** Signs a new agreement for the unit. */
  @Post(
      value = "/{id}/agreements",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> sign(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable long id,
      @Body Map<String, String> body) {
    Caller caller = Caller.of(auth);
    partners.getUnit(caller, id); // a unit that does not exist is the 404 page
    Form form = Admin.form(body);
    List<FieldError> errors = Admin.errors();
    Long community = Admin.number(form, "signingCommunityId", errors);
    LocalDate signedOn = Admin.date(form, "signedOn", errors);
    LocalDate validUntil = Admin.date(form, "validUntil", errors);
    AgreementRequest agreement =
        new AgreementRequest(
            Admin.text(form, "number"),
            community,
            signedOn,
            validUntil,
            null,
            Admin.text(form, "notes"));
    try {
      ApiProblem.throwIfAny(errors);
      partners.signAgreement(id, agreement);
      return Admin.seeOther("/admin/partners/" + id + "?done=signed");
    } catch (ApiProblem problem) {
      if (problem.status() == 404) {
        throw problem;
      }
      Texts t = Page.texts(request);
      return Admin.status(
          problem.status(),
          "partner",
          unitView(request, caller, id, form.failed(problem, t), null));
    }
  }

  /** The renewal form: new dates for the agreement. */
  @Get(value = "/{id}/agreements/{agreementId}/renew", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> renewForm(
      HttpRequest<?> request, Authentication auth, @PathVariable long id, long agreementId) {
    Caller caller = Caller.of(auth);
    AgreementView a = agreementOf(caller, id, agreementId);
    LocalDate from = a.validUntil().isBefore(today()) ? today() : a.signedOn();
    LocalDate until = (a.validUntil().isBefore(today()) ? today() : a.validUntil()).plusYears(1);
    Form form = Form.of(Map.of("signedOn", from.toString(), "validUntil", until.toString()));
    return Admin.view("renew", renewView(request, caller, id, a, form));
  }

  @Post(
      value = "/{id}/agreements/{agreementId}/renew",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> renew(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable long id,
      long agreementId,
      @Body Map<String, String> body) {
    Caller caller = Caller.of(auth);
    AgreementView a = agreementOf(caller, id, agreementId);
    Form form = Admin.form(body);
    List<FieldError> errors = Admin.errors();
    LocalDate signedOn = Admin.date(form, "signedOn", errors);
    LocalDate validUntil = Admin.date(form, "validUntil", errors);
    try {
      ApiProblem.throwIfAny(errors);
      partners.updateAgreement(
          agreementId,
          new AgreementRequest(
              a.number(), a.signingCommunityId(), signedOn, validUntil, a.status(), a.notes()));
      return Admin.seeOther("/admin/partners/" + id + "?done=renewed");
    } catch (ApiProblem problem) {
      Texts t = Page.texts(request);
      return Admin.status(
          problem.status(), "renew", renewView(request, caller, id, a, form.failed(problem, t)));
    }
  }

  private RenewView renewView(
      HttpRequest<?> request, Caller caller, long id, AgreementView a, Form form) {
    Texts t = Page.texts(request);
    return new RenewView(
        Page.of(
            request,
            t.t("page.admin.renew.title", "number", a.number()),
            "/admin/partners/" + id + "/agreements/" + a.id() + "/renew"),
        partners.getUnit(caller, id),
        a,
        form);
  }

  /** Are you sure? Suspending ends the partnership until reactivated; terminating, for good. */
  @Get(value = "/{id}/agreements/{agreementId}/{action}", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> confirm(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable long id,
      long agreementId,
      String action) {
    Caller caller = Caller.of(auth);
    statusFor(request, action);
    AgreementView a = agreementOf(caller, id, agreementId);
    Texts t = Page.texts(request);
    String path = "/admin/partners/" + id + "/agreements/" + agreementId + "/" + action;
    return Admin.view(
        "confirm",
        new AdminHome.Confirm(
            Page.of(request, t.t("page.admin." + action + ".title"), path),
            t.t("page.admin." + action + ".heading", "number", a.number()),
            t.t("page.admin." + action + ".question", "unit", a.unitName(), "number", a.number()),
            action.equals("terminate"),
            path,
            t.t("page.admin." + action + ".yes"),
            "/admin/partners/" + id));
  }

  @Post(
      value = "/{id}/agreements/{agreementId}/{action}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> act(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable long id,
      long agreementId,
      String action) {
    Caller caller = Caller.of(auth);
    AgreementStatus status = statusFor(request, action);
    agreementOf(caller, id, agreementId);
    partners.setAgreementStatus(agreementId, status);
    String done =
        switch (status) {
          case SUSPENDED -> "suspended";
          case TERMINATED -> "terminated";
          case ACTIVE -> "reactivated";
        };
    return Admin.seeOther("/admin/partners/" + id + "?done=" + done);
  }

  /** The status an action sets; another word in the path is the 404 page. */
  private static AgreementStatus statusFor(HttpRequest<?> request, String action) {
    return switch (action) {
      case "suspend" -> AgreementStatus.SUSPENDED;
      case "terminate" -> AgreementStatus.TERMINATED;
      case "reactivate" -> AgreementStatus.ACTIVE;
      default -> throw ApiProblem.notFound("agreement", action);
    };
  }

  /** The agreement if it is the unit's; another unit's is the 404 page. */
  private AgreementView agreementOf(Caller caller, long unitId, long agreementId) {
    AgreementView a = partners.getAgreement(caller, agreementId);
    if (a.partnerUnitId() != unitId) {
      throw ApiProblem.notFound("agreement", agreementId);
    }
    return a;
  }

  private AgreementRow agreementRow(AgreementView a) {
    long days = ChronoUnit.DAYS.between(today(), a.validUntil());
    boolean expiring =
        "ACTIVE".equals(a.effectiveStatus()) && days >= 0 && days <= AdminHome.EXPIRING_DAYS;
    return new AgreementRow(a, expiring, days);
  }

  private UnitRow row(Caller caller, PartnerUnitView unit) {
    List<AgreementRow> rows =
        unit.partner()
            ? List.of()
            : partners.agreementsOf(caller, unit.id()).stream().map(this::agreementRow).toList();
    return row(unit, rows);
  }

  /** Where the unit stands, from its partnership today or else its agreements' states. */
  private UnitRow row(PartnerUnitView unit, List<AgreementRow> agreements) {
    if (unit.partner()) {
      long days = ChronoUnit.DAYS.between(today(), unit.partnerUntil());
      return new UnitRow(
          unit,
          days <= AdminHome.EXPIRING_DAYS ? "EXPIRING" : "PARTNER",
          unit.partnerUntil(),
          days);
    }
    for (String state : List.of("EXPIRED", "SUSPENDED", "NOT_YET_VALID", "TERMINATED")) {
      for (AgreementRow a : agreements) {
        if (state.equals(a.agreement().effectiveStatus())) {
          return new UnitRow(unit, state, a.agreement().validUntil(), a.days());
        }
      }
    }
    return new UnitRow(unit, "NONE", null, 0);
  }

  private static <A, B> PageResponse<B> map(
      PageResponse<A> page, java.util.function.Function<A, B> f) {
    return new PageResponse<>(
        page.items().stream().map(f).toList(),
        page.page(),
        page.size(),
        page.totalItems(),
        page.totalPages());
  }

  /** A search text as the list takes it: no control characters, not too long, null when blank. */
  static String clean(String text, int max) {
    String v = text.strip();
    if (Validation.hasControlCharacters(v)) {
      v = v.replaceAll("\\p{Cntrl}", "");
    }
    v = v.length() > max ? v.substring(0, max) : v;
    return v.isEmpty() ? null : v;
  }
}
