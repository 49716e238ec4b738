package hongniang.pages.resident;

import hongniang.accounts.AuditLog;
import hongniang.common.PageResponse;
import hongniang.jobseekers.InactiveReason;
import hongniang.jobseekers.JobseekerService;
import hongniang.jobseekers.JobseekerStatus;
import hongniang.jobseekers.JobseekerView;
import hongniang.jobseekers.RegisterService;
import hongniang.jobseekers.StillLookingAnswer;
import hongniang.jobseekers.StillLookingRequest;
import hongniang.pages.Page;
import hongniang.pages.Pager;
import hongniang.pages.Texts;
import hongniang.security.Caller;
import hongniang.security.Role;
import hongniang.training.EnrolmentView;
import hongniang.training.TrainingService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The resident's own profile ({@code /me}): what the service keeps about them (ID number masked),
 * whether they are looking for work, pausing (with a confirmation) and resuming the search, and
 * answering "still looking?". Their training ({@code /me/training}) and who read their record
 * ({@code /me/audit}) hang from it. A resident changes nothing else of their profile here: the API
 * lets only staff edit it, so the page says to ask the matchmaker.
 */
@Controller("/me")
@Secured(Role.RESIDENT_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class ProfilePage {

  private final JobseekerService jobseekers;
  private final RegisterService register;
  private final TrainingService training;

  ProfilePage(JobseekerService jobseekers, RegisterService register, TrainingService training) {
    this.jobseekers = jobseekers;
    this.register = register;
    this.training = training;
  }

  /** The profile page: the profile, what the resident may do now, and a confirmation if any. */
  public record View(
      Page page,
      JobseekerView profile,
      boolean seeking,
      boolean canResume,
      @Nullable String notice) {}

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> profile(HttpRequest<?> request, Authentication auth) {
    String done = request.getParameters().get("done");
    Caller caller = Resident.caller(auth);
    Texts t = Page.texts(request);
    JobseekerView me = jobseekers.get(caller, Resident.profile(caller), false);
    boolean seeking =
        me.status() == JobseekerStatus.SEEKING || me.status() == JobseekerStatus.REFERRED;
    boolean canResume =
        me.status() == JobseekerStatus.INACTIVE && me.inactiveReason() != InactiveReason.MERGED;
    String notice =
        done == null
            ? null
            : switch (done) {
              case "paused" -> t.t("page.me.profile.paused");
              case "saved" -> t.t("page.me.profile.saved");
              case "resumed" -> t.t("page.me.profile.resumed");
              case "stillLooking" -> t.t("page.me.profile.stillLookingThanks");
              default -> null;
            };
    Page frame = Page.of(request, t.t("page.me.profile.title"), "/me");
    return new ModelAndView<>(
        "resident/profile", Map.of("view", new View(frame, me, seeking, canResume, notice)));
  }

  /** The confirmation before pausing: what it means and how to come back. */
  public record PauseView(Page page) {}

  @Get(value = "/pause", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> confirmPause(HttpRequest<?> request, Authentication auth) {
    Resident.profile(Resident.caller(auth));
    Texts t = Page.texts(request);
    Page frame = Page.of(request, t.t("page.me.pause.title"), "/me/pause");
    return new ModelAndView<>("resident/pause", Map.of("view", new PauseView(frame)));
  }

  /** Pausing is the answer "no longer looking": out of matching until resumed. */
  @Post(value = "/pause", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> pause(Authentication auth) {
    Caller caller = Resident.caller(auth);
    register.stillLooking(
        caller, Resident.profile(caller), new StillLookingRequest(StillLookingAnswer.NOT_LOOKING));
    return HttpResponse.seeOther(URI.create("/me?done=paused"));
  }

  @Post(value = "/resume", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> resume(Authentication auth) {
    Caller caller = Resident.caller(auth);
    register.reactivate(caller, Resident.profile(caller));
    return HttpResponse.seeOther(URI.create("/me?done=resumed"));
  }

  @Post(value = "/still-looking", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> stillLooking(Authentication auth) {
    Caller caller = Resident.caller(auth);
    register.stillLooking(
        caller,
        Resident.profile(caller),
        new StillLookingRequest(StillLookingAnswer.STILL_LOOKING));
    return HttpResponse.seeOther(URI.create("/me?done=stillLooking"));
  }

  /** The resident's courses, newest first, a page at a time. */
  public record TrainingView(Page page, PageResponse<EnrolmentView> courses, Pager pager) {}

  @Get(value = "/training", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> training(
      HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String page) {
    Caller caller = Resident.caller(auth);
    Texts t = Page.texts(request);
    List<EnrolmentView> all = training.trainingOf(caller, Resident.profile(caller));
    // the service gives the whole list (a resident takes few courses); the page shows it in pages
    int pages = Math.max(1, (all.size() + Pager.SIZE - 1) / Pager.SIZE);
    int at = Math.min(Pager.asked(page), pages) - 1;
    List<EnrolmentView> shown =
        all.subList(at * Pager.SIZE, Math.min(all.size(), (at + 1) * Pager.SIZE));
    PageResponse<EnrolmentView> courses =
        new PageResponse<>(shown, at, Pager.SIZE, all.size(), pages);
    Pager pager = Pager.of(courses, "/me/training", Map.of());
    Page frame = Page.of(request, t.t("page.me.training.title"), "/me/training");
    return new ModelAndView<>(
        "resident/training", Map.of("view", new TrainingView(frame, courses, pager)));
  }

  /** Who read or changed the resident's record, newest first. */
  public record AuditView(Page page, PageResponse<Line> entries, Pager pager) {}

  /** One entry in plain words: when, who (their role and name), what they did. */
  public record Line(java.time.Instant at, String who, String what) {}

  @Get(value = "/audit", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> audit(
      HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String page) {
    Caller caller = Resident.caller(auth);
    Resident.profile(caller);
    Texts t = Page.texts(request);
    PageResponse<AuditLog.Reader> found =
        jobseekers.ownAuditTrail(caller, Math.min(Pager.asked(page), 10_000) - 1, Pager.SIZE);
    PageResponse<Line> lines =
        new PageResponse<>(
            found.items().stream()
                .map(e -> new Line(e.at(), who(e, caller, t), what(e, t)))
                .toList(),
            found.page(),
            found.size(),
            found.totalItems(),
            found.totalPages());
    Pager pager = Pager.of(found, "/me/audit", Map.of());
    Page frame = Page.of(request, t.t("page.me.audit.title"), "/me/audit");
    return new ModelAndView<>("resident/audit", Map.of("view", new AuditView(frame, lines, pager)));
  }

  /** The actor as the resident knows them: "you", "the service", or role and name. */
  private static String who(AuditLog.Reader e, Caller caller, Texts t) {
    if (e.actor().equals(caller.username())) {
      return t.t("page.me.audit.you");
    }
    if (e.role() == null) {
      return t.t("page.me.audit.service");
    }
    String name = e.name() == null || e.name().isBlank() ? e.actor() : e.name();
    return t.t("page.me.audit.who", "role", Words.role(e.role(), t), "name", name);
  }

  /** What was done, in plain words; the entry's detail only picks the words, it is not shown. */
  private static String what(AuditLog.Reader e, Texts t) {
    String detail = e.detail() == null ? "" : e.detail();
    return switch (e.action()) {
      case "read" ->
          detail.equals("training")
              ? t.t("page.me.audit.action.readTraining")
              : detail.startsWith("placement")
                  ? t.t("page.me.audit.action.readPlacements")
                  : t.t("page.me.audit.action.read");
      case "reveal" -> t.t("page.me.audit.action.reveal");
      case "read-consented" -> t.t("page.me.audit.action.readConsented");
      case "read-consent-preview" -> t.t("page.me.audit.action.readConsentPreview");
      case "create", "import" -> t.t("page.me.audit.action.create");
      case "update", "status", "merge" -> t.t("page.me.audit.action.update");
      case "stillLooking" -> t.t("page.me.audit.action.stillLooking");
      case "reactivate" -> t.t("page.me.audit.action.reactivate");
      case "followUp", "cancelPlacement" -> t.t("page.me.audit.action.placement");
      default -> t.t("page.me.audit.action.other");
    };
  }
}
