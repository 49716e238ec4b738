package hongniang.pages.resident;

import hongniang.common.ApiProblem;
import hongniang.common.DifficultyCategory;
import hongniang.common.PageResponse;
import hongniang.pages.ErrorPages;
import hongniang.pages.Form;
import hongniang.pages.Links;
import hongniang.pages.Page;
import hongniang.pages.Pager;
import hongniang.pages.Texts;
import hongniang.referrals.ConsentPreview;
import hongniang.referrals.ConsentRequest;
import hongniang.referrals.ConsentService;
import hongniang.referrals.ReferralService;
import hongniang.referrals.ReferralState;
import hongniang.referrals.ReferralView;
import hongniang.referrals.RefusalReason;
import hongniang.referrals.SharedField;
import hongniang.referrals.TransitionRequest;
import hongniang.referrals.WithdrawalRequest;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The resident's referrals ({@code /me/referrals}): first those waiting for their consent, each
 * saying exactly which employer would get which of their data, to accept or decline (with a reason,
 * after a confirmation); then all their referrals and how far each has got. A referral's own page
 * has its history and the withdrawal of consent (after a confirmation). Another resident's referral
 * is the 404 page.
 */
@Controller("/me/referrals")
@Secured(Role.RESIDENT_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class ReferralsPage {

  /** Every state but the one waiting for consent: the resident's referrals under way or ended. */
  private static final List<ReferralState> NOT_WAITING =
      Arrays.stream(ReferralState.values()).filter(s -> s != ReferralState.PROPOSED).toList();

  private final ReferralService referrals;
  private final ConsentService consents;

  ReferralsPage(ReferralService referrals, ConsentService consents) {
    this.referrals = referrals;
    this.consents = consents;
  }

  /** A referral waiting for consent, with what consenting would share. */
  public record Waiting(ReferralView referral, ConsentPreview preview) {}

  /** The page: waiting referrals (their own pager), the rest, and the last action's notice. */
  public record View(
      Page page,
      PageResponse<Waiting> waiting,
      Pager waitingPager,
      PageResponse<ReferralView> mine,
      Pager pager,
      @Nullable String notice) {}

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> list(
      HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String page) {
    // the waiting list's own page, and the last action's outcome: words of this page only
    String waiting = request.getParameters().get("waiting");
    String done = request.getParameters().get("done");
    Caller caller = Resident.caller(auth);
    long me = Resident.profile(caller);
    Texts t = Page.texts(request);
    int waitingAt = Math.min(Pager.asked(waiting), 10_000);
    int mineAt = Math.min(Pager.asked(page), 10_000);
    PageResponse<ReferralView> proposed =
        referrals.list(
            caller,
            new ReferralService.Filter(me, null, null, null, List.of(ReferralState.PROPOSED)),
            waitingAt - 1,
            Pager.SIZE);
    PageResponse<Waiting> waitingList =
        new PageResponse<>(
            proposed.items().stream()
                .map(r -> new Waiting(r, consents.preview(caller, r.id())))
                .toList(),
            proposed.page(),
            proposed.size(),
            proposed.totalItems(),
            proposed.totalPages());
    PageResponse<ReferralView> mine =
        referrals.list(
            caller,
            new ReferralService.Filter(me, null, null, null, NOT_WAITING),
            mineAt - 1,
            Pager.SIZE);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("waiting", waitingAt > 1 ? waitingAt : null);
    params.put("page", mineAt > 1 ? mineAt : null);
    Pager pager = Pager.of(mine, "/me/referrals", params);
    Pager waitingPager = waitingPager(proposed, params);
    String notice = notice(done, t);
    Page frame = Page.of(request, t.t("page.me.referrals.title"), "/me/referrals");
    return new ModelAndView<>(
        "resident/referrals",
        Map.of("view", new View(frame, waitingList, waitingPager, mine, pager, notice)));
  }

  /** The waiting list's pager: its own page parameter, the other list's kept. */
  private static Pager waitingPager(PageResponse<?> list, Map<String, Object> params) {
    int at = list.page() + 1;
    int pages = Math.max(1, list.totalPages());
    String previous =
        at > 1 ? Links.of("/me/referrals", Links.with(params, "waiting", at - 1)) : null;
    String next =
        at < pages ? Links.of("/me/referrals", Links.with(params, "waiting", at + 1)) : null;
    return new Pager(at, pages, list.totalItems(), previous, next);
  }

  private static @Nullable String notice(@Nullable String done, Texts t) {
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "interest" -> t.t("page.me.referrals.interestDone");
      case "consented" -> t.t("page.me.referrals.consented");
      case "declined" -> t.t("page.me.referrals.declined");
      case "withdrawn" -> t.t("page.me.referrals.withdrawn");
      default -> null;
    };
  }

  /** One referral: its facts, its history, what the resident may do with it now. */
  public record OneView(
      Page page,
      ReferralView referral,
      @Nullable ConsentPreview preview,
      boolean canWithdrawConsent,
      @Nullable String notice) {}

  @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> one(HttpRequest<?> request, Authentication auth, @PathVariable String id) {
    String done = request.getParameters().get("done");
    Caller caller = Resident.caller(auth);
    Resident.profile(caller);
    Texts t = Page.texts(request);
    ReferralView r = visible(caller, id);
    if (r == null) {
      return ErrorPages.notFound(request, "/me/referrals/" + id);
    }
    ConsentPreview preview =
        r.state() == ReferralState.PROPOSED ? consents.preview(caller, r.id()) : null;
    boolean standing = r.consent() != null && r.consent().withdrawnAt() == null;
    Page frame =
        Page.of(
            request,
            t.t("page.me.referral.title", "title", title(r, t)),
            "/me/referrals/" + r.id());
    return HttpResponse.ok(
        new ModelAndView<>(
            "resident/referral",
            Map.of("view", new OneView(frame, r, preview, standing, notice(done, t)))));
  }

  /** The referral if it is the resident's own; null for another's, a missing one or a bad id. */
  private @Nullable ReferralView visible(Caller caller, String id) {
    Long n = Resident.id(id);
    if (n == null) {
      return null;
    }
    try {
      return referrals.get(caller, n);
    } catch (ApiProblem notFound) {
      if (notFound.status() == 404) {
        return null;
      }
      throw notFound;
    }
  }

  private static String title(ReferralView r, Texts t) {
    return r.postingTitle() == null ? t.t("page.me.referral.untitled") : r.postingTitle();
  }

  @Post(value = "/{id}/consent", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> consent(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> form) {
    Caller caller = Resident.caller(auth);
    Resident.profile(caller);
    ReferralView r = visible(caller, id);
    if (r == null) {
      return ErrorPages.notFound(request, "/me/referrals/" + id);
    }
    consents.give(
        caller,
        r.id(),
        new ConsentRequest(
            "true".equals(form.get("shareDisability")),
            "true".equals(form.get("shareHardship")),
            null,
            null),
        null,
        null);
    return HttpResponse.seeOther(URI.create("/me/referrals?done=consented"));
  }

  /** The decline page: the referral, the reasons to choose from, and what was typed if refused. */
  public record DeclineView(
      Page page, ReferralView referral, List<RefusalReason> reasons, Form form) {}

  @Get(value = "/{id}/decline", produces = MediaType.TEXT_HTML)
  HttpResponse<?> confirmDecline(
      HttpRequest<?> request, Authentication auth, @PathVariable String id) {
    return confirm(request, auth, id, "/decline", r -> declinePage(request, r, Form.empty()));
  }

  private ModelAndView<Map<String, Object>> declinePage(
      HttpRequest<?> request, ReferralView r, Form form) {
    Page frame = stepFrame(request, r, "page.me.decline.title", "/decline");
    List<RefusalReason> reasons =
        Arrays.stream(RefusalReason.values()).filter(RefusalReason.RESIDENT::contains).toList();
    return new ModelAndView<>(
        "resident/decline", Map.of("view", new DeclineView(frame, r, reasons, form)));
  }

  @Post(value = "/{id}/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> decline(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> form) {
    Caller caller = Resident.caller(auth);
    Resident.profile(caller);
    ReferralView r = visible(caller, id);
    if (r == null) {
      return ErrorPages.notFound(request, "/me/referrals/" + id + "/decline");
    }
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("reason", form.getOrDefault("reason", ""));
    typed.put("note", form.getOrDefault("note", ""));
    Texts t = Page.texts(request);
    RefusalReason reason = reason(typed.get("reason"));
    Form filled = Form.of(typed);
    if (typed.get("note").chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      // a control character (a NUL) cannot be stored: said here, before the service is asked
      String message = t.t("page.me.decline.noteInvalid");
      return HttpResponse.status(HttpStatus.BAD_REQUEST)
          .body(declinePage(request, r, new Form(typed, Map.of("note", message), null)));
    }
    try {
      referrals.move(
          caller,
          r.id(),
          new TransitionRequest(
              ReferralState.DECLINED_BY_RESIDENT, reason, typed.get("note"), null, null),
          null,
          null);
    } catch (ApiProblem problem) {
      if (problem.status() == 404) {
        return ErrorPages.notFound(request, "/me/referrals/" + id + "/decline");
      }
      return refused(request, r, filled, t, problem);
    }
    return HttpResponse.seeOther(URI.create("/me/referrals?done=declined"));
  }

  /** The decline page again with the service's messages beside the fields; nothing was stored. */
  private HttpResponse<?> refused(
      HttpRequest<?> request, ReferralView r, Form filled, Texts t, ApiProblem problem) {
    Form failed = filled.failed(problem, t);
    String listed = failed.error("reason");
    if (listed != null) {
      // the service lists the allowed values with their codes, for the API: plain words here
      Map<String, String> errors = new LinkedHashMap<>(failed.errors());
      String plain = t.t("page.me.decline.chooseReason");
      errors.put("reason", plain);
      // the summary repeats the only error: its link below says it
      String summary = listed.equals(failed.summary()) ? null : failed.summary();
      failed = new Form(failed.values(), errors, summary);
    }
    return HttpResponse.status(HttpStatus.valueOf(problem.status()))
        .body(declinePage(request, r, failed));
  }

  /** The reason chosen, or null (none, or not a reason at all): the service then says which. */
  private static @Nullable RefusalReason reason(String typed) {
    return Arrays.stream(RefusalReason.values())
        .filter(x -> x.name().equals(typed))
        .findFirst()
        .orElse(null);
  }

  /** The confirmation before withdrawing a consent: what it means, that it cannot be undone. */
  public record WithdrawView(Page page, ReferralView referral, Form form) {}

  @Get(value = "/{id}/withdraw", produces = MediaType.TEXT_HTML)
  HttpResponse<?> confirmWithdraw(
      HttpRequest<?> request, Authentication auth, @PathVariable String id) {
    return confirm(request, auth, id, "/withdraw", r -> withdrawPage(request, r, Form.empty()));
  }

  /** A question asked before a step on the resident's own referral; not found for another's. */
  private HttpResponse<?> confirm(
      HttpRequest<?> request,
      Authentication auth,
      String id,
      String step,
      Function<ReferralView, ModelAndView<Map<String, Object>>> page) {
    Caller caller = Resident.caller(auth);
    Resident.profile(caller);
    ReferralView r = visible(caller, id);
    if (r == null) {
      return ErrorPages.notFound(request, "/me/referrals/" + id + step);
    }
    return HttpResponse.ok(page.apply(r));
  }

  /** The frame of a step's page, titled by the referral's posting. */
  private static Page stepFrame(
      HttpRequest<?> request, ReferralView r, String titleKey, String step) {
    Texts t = Page.texts(request);
    return Page.of(request, t.t(titleKey, "title", title(r, t)), "/me/referrals/" + r.id() + step);
  }

  private ModelAndView<Map<String, Object>> withdrawPage(
      HttpRequest<?> request, ReferralView r, Form form) {
    Page frame = stepFrame(request, r, "page.me.withdraw.title", "/withdraw");
    return new ModelAndView<>(
        "resident/withdraw", Map.of("view", new WithdrawView(frame, r, form)));
  }

  @Post(value = "/{id}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> withdraw(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> form) {
    Caller caller = Resident.caller(auth);
    Resident.profile(caller);
    ReferralView r = visible(caller, id);
    if (r == null) {
      return ErrorPages.notFound(request, "/me/referrals/" + id + "/withdraw");
    }
    try {
      consents.withdraw(caller, r.id(), new WithdrawalRequest(null));
    } catch (ApiProblem problem) {
      if (problem.status() == 404) {
        return ErrorPages.notFound(request, "/me/referrals/" + id + "/withdraw");
      }
      return HttpResponse.status(HttpStatus.valueOf(problem.status()))
          .body(withdrawPage(request, r, Form.empty().failed(problem, Page.texts(request))));
    }
    return HttpResponse.seeOther(URI.create("/me/referrals/" + r.id() + "?done=withdrawn"));
  }

  /** A consent field's value as the resident reads it: hardship categories by their names. */
  public static String shown(ConsentPreview.Field f, Texts t) {
    String value = f.value() == null ? "" : f.value();
    if (f.field() == SharedField.HARDSHIP && !value.isBlank()) {
      return Arrays.stream(value.split("、"))
          .map(
              c ->
                  Arrays.stream(DifficultyCategory.values())
                      .filter(x -> x.name().equals(c))
                      .findFirst()
                      .map(x -> Words.category(x, t))
                      .orElse(c))
          .collect(Collectors.joining(t.t("separator.list")));
    }
    if (f.field() == SharedField.AGE && !value.isBlank()) {
      return t.t("page.me.consent.age", "age", value);
    }
    return value;
  }

  /** The optional fields with something in them: the only ones worth a tick box. */
  public static List<ConsentPreview.Field> optional(ConsentPreview preview) {
    return preview.fields().stream()
        .filter(f -> f.optional() && f.value() != null && !f.value().isBlank())
        .toList();
  }

  /** The fields every consent shares. */
  public static List<ConsentPreview.Field> always(ConsentPreview preview) {
    return preview.fields().stream().filter(f -> !f.optional()).toList();
  }

  /** The form's name of an optional field's tick box. */
  public static String shareParameter(ConsentPreview.Field f) {
    return f.field() == SharedField.DISABILITY ? "shareDisability" : "shareHardship";
  }

  /** Who made a move, as a history row names their role (SYSTEM: the service itself). */
  public static String role(String role, Texts t) {
    return Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(role))
        ? Words.role(Role.valueOf(role), t)
        : t.t("page.me.audit.service");
  }

  /** Why a referral ended, by its reason's label (the stored name of a refusal reason). */
  public static String reason(@Nullable String name, Texts t) {
    return name == null ? "" : label(RefusalReason.class, name, t);
  }

  private static <E extends Enum<E>> String label(Class<E> type, String name, Texts t) {
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(name))
        .findFirst()
        .map(t::label)
        .orElse(name);
  }

  /** Whom an open referral waits on now, in plain words. */
  public static String nextStep(ReferralState state, Texts t) {
    return switch (state) {
      case REQUESTED -> t.t("page.me.referrals.waitingOn.matchmaker");
      case PROPOSED -> t.t("page.me.referrals.waitingOn.you");
      case CONSENTED -> t.t("page.me.referrals.waitingOn.sending");
      case SENT -> t.t("page.me.referrals.waitingOn.employer");
      default -> "";
    };
  }
}
