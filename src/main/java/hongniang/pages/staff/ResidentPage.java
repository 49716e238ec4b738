package hongniang.pages.staff;

import hongniang.common.ApiProblem;
import hongniang.common.PageResponse;
import hongniang.jobseekers.JobseekerService;
import hongniang.jobseekers.JobseekerView;
import hongniang.matches.MatchService;
import hongniang.matches.PostingMatches;
import hongniang.pages.ErrorPages;
import hongniang.pages.Form;
import hongniang.pages.Page;
import hongniang.pages.Texts;
import hongniang.placements.FollowUpOutcome;
import hongniang.placements.FollowUpRequest;
import hongniang.placements.FollowUpState;
import hongniang.placements.LeaveReason;
import hongniang.placements.PlacementService;
import hongniang.placements.PlacementView;
import hongniang.referrals.ReferralService;
import hongniang.referrals.ReferralView;
import hongniang.security.Caller;
import hongniang.security.Role;
import hongniang.training.CourseView;
import hongniang.training.EnrolmentRequest;
import hongniang.training.EnrolmentView;
import hongniang.training.TrainingService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;

/**
 * One resident, for their matchmaker: the profile (ID number masked; revealed on asking, and the
 * reveal is logged by the service), ranked matches with their reasons and the postings a rule kept
 * out, referrals, placements with their follow-ups (recorded here), and training (enrolled here).
 */
@Controller("/residents/{id}")
@Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class ResidentPage {

  private static final int MATCHES = 10;

  private final JobseekerService jobseekers;
  private final MatchService matches;
  private final ReferralService referrals;
  private final PlacementService placements;
  private final TrainingService training;

  ResidentPage(
      JobseekerService jobseekers,
      MatchService matches,
      ReferralService referrals,
      PlacementService placements,
      TrainingService training) {
    this.jobseekers = jobseekers;
    this.matches = matches;
    this.referrals = referrals;
    this.placements = placements;
    this.training = training;
  }

  /** Everything the page shows, and the form that failed (with the id of its follow-up). */
  public record View(
      Page page,
      JobseekerView resident,
      @Nullable PostingMatches matches,
      PageResponse<ReferralView> referrals,
      PageResponse<PlacementView> placements,
      List<EnrolmentView> training,
      List<CourseView> courses,
      @Nullable String done,
      Form form,
      @Nullable String failedAction) {

    public List<FollowUpOutcome> outcomes() {
      return List.of(FollowUpOutcome.values());
    }

    public List<LeaveReason> leaveReasons() {
      return List.of(LeaveReason.values());
    }

    /** A follow-up that can be recorded now (due or overdue, its placement running). */
    public boolean recordable(hongniang.placements.FollowUpView f) {
      return f.outcome() == null
          && (f.state() == FollowUpState.DUE || f.state() == FollowUpState.OVERDUE);
    }

    /** A reason of a score's part in the reader's language. */
    public String say(String zh, String en) {
      return page.t().english() ? en : zh;
    }
  }

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> show(
      HttpRequest<?> request, Authentication auth, @PathVariable String id) {
    String done = request.getParameters().get("done");
    Long resident = Staff.id(id);
    if (resident == null) {
      return ErrorPages.notFound(request, "/residents/" + id);
    }
    return page(request, auth, resident, null, done, Form.empty(), null, 200);
  }

  /** Shows the whole ID number: the service logs the reveal. A reason is asked first. */
  @Post(
      value = "/reveal",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> reveal(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> body) {
    Long resident = Staff.id(id);
    if (resident == null) {
      return ErrorPages.notFound(request, "/residents/" + id);
    }
    Texts t = Page.texts(request);
    String reason = Staff.text(body.get("reason"));
    if (reason == null || reason.length() > 200) {
      Form form =
          new Form(
              Map.of(
                  "reason",
                  reason == null ? "" : reason.substring(0, Math.min(200, reason.length()))),
              Map.of("reason", t.t("page.staff.resident.revealReasonMissing")),
              t.t("page.form.fix"));
      return page(request, auth, resident, null, null, form, "reveal", 400);
    }
    return page(request, auth, resident, reason, "revealed", Form.empty(), null, 200);
  }

  /** The page again, 400, with what was typed and one field's message: nothing was stored. */
  private HttpResponse<ModelAndView<Map<String, Object>>> missing(
      HttpRequest<?> request,
      Authentication auth,
      long resident,
      Map<String, String> values,
      String field,
      String messageKey,
      String failedAction) {
    Texts t = Page.texts(request);
    Form form = new Form(values, Map.of(field, t.t(messageKey)), t.t("page.form.fix"));
    return page(request, auth, resident, null, null, form, failedAction, 400);
  }

  private HttpResponse<ModelAndView<Map<String, Object>>> page(
      HttpRequest<?> request,
      Authentication auth,
      long id,
      @Nullable String revealReason,
      @Nullable String done,
      Form form,
      @Nullable String failedAction,
      int status) {
    Caller caller = Caller.of(auth);
    JobseekerView j;
    try {
      j =
          revealReason == null
              ? jobseekers.get(caller, id, false)
              : jobseekers.reveal(caller, id, revealReason);
    } catch (ApiProblem problem) {
      if (Staff.notFound(problem)) {
        return ErrorPages.notFound(request, "/residents/" + id);
      }
      throw problem;
    }
    PostingMatches found;
    try {
      found = matches.forJobseeker(caller, id, MATCHES, "excluded");
    } catch (ApiProblem problem) {
      found = null;
    }
    PageResponse<ReferralView> theirReferrals =
        referrals.list(caller, new ReferralService.Filter(id, null, null, null, null), 0, 50);
    PageResponse<PlacementView> theirPlacements = placements.forJobseeker(caller, id, 0, 20);
    List<EnrolmentView> theirTraining = training.trainingOf(caller, id);
    List<CourseView> courses =
        training
            .listCourses(new TrainingService.Filter(null, null, null, false), 0, 100)
            .items()
            .stream()
            .filter(c -> c.seatsLeft() > 0)
            .toList();
    Page frame = Page.of(request, j.name(), "/residents/" + id);
    String known = done == null || !done.matches("[a-zA-Z]{1,20}") ? null : done;
    return Staff.status(
        status,
        "staff/resident",
        new View(
            frame,
            j,
            found,
            theirReferrals,
            theirPlacements,
            theirTraining,
            courses,
            known,
            form,
            failedAction));
  }

  /** Records what a follow-up found (1, 3 or 6 months after the start). */
  @Post(
      value = "/follow-up",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> followUp(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> body) {
    Long resident = Staff.id(id);
    Long f = Staff.id(body.get("followUpId"));
    if (resident == null || f == null) {
      return ErrorPages.notFound(request, "/residents/" + id);
    }
    Caller caller = Caller.of(auth);
    Texts t = Page.texts(request);
    // the follow-up must be one of this resident's (a foreign one is a 404)
    boolean theirs =
        placements.forJobseeker(caller, resident, 0, 100).items().stream()
            .flatMap(p -> p.followUps().stream())
            .anyMatch(x -> x.id() == f);
    if (!theirs) {
      return ErrorPages.notFound(request, "/residents/" + id);
    }
    String outcome = Staff.text(body.get("outcome"));
    String reason = Staff.text(body.get("reason"));
    String note = Staff.text(body.get("note"));
    Map<String, String> values = new java.util.LinkedHashMap<>();
    values.put("outcome", outcome == null ? "" : outcome);
    values.put("reason", reason == null ? "" : reason);
    values.put("note", note == null ? "" : note.substring(0, Math.min(note.length(), 2000)));
    Form form = Form.of(values);
    FollowUpOutcome o = Staff.choice(FollowUpOutcome.class, outcome);
    if (o == null) {
      return missing(
          request,
          auth,
          resident,
          values,
          "outcome",
          "page.staff.followUp.outcomeMissing",
          "followUp-" + f);
    }
    try {
      placements.recordFollowUp(
          caller, f, new FollowUpRequest(o, Staff.choice(LeaveReason.class, reason), note));
    } catch (ApiProblem problem) {
      if (Staff.notFound(problem)) {
        return ErrorPages.notFound(request, "/residents/" + id);
      }
      return page(
          request,
          auth,
          resident,
          null,
          null,
          form.failed(problem, t),
          "followUp-" + f,
          problem.status());
    }
    return Staff.seeOther("/residents/" + resident + "?done=followUp#placements");
  }

  /** Enrols the resident in a course. */
  @Post(
      value = "/enrol",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> enrol(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> body) {
    Long resident = Staff.id(id);
    if (resident == null) {
      return ErrorPages.notFound(request, "/residents/" + id);
    }
    Texts t = Page.texts(request);
    Long course = Staff.id(body.get("courseId"));
    String note = Staff.text(body.get("note"));
    Map<String, String> values = new java.util.LinkedHashMap<>();
    values.put("courseId", course == null ? "" : course.toString());
    values.put("note", note == null ? "" : note.substring(0, Math.min(note.length(), 1000)));
    Form form = Form.of(values);
    if (course == null) {
      return missing(
          request,
          auth,
          resident,
          values,
          "courseId",
          "page.staff.training.courseMissing",
          "enrol");
    }
    try {
      training.enrol(Caller.of(auth), course, new EnrolmentRequest(resident, note), null);
    } catch (ApiProblem problem) {
      if (Staff.notFound(problem)
          && problem.getMessage() != null
          && problem.getMessage().contains("jobseeker")) {
        return ErrorPages.notFound(request, "/residents/" + id);
      }
      return page(
          request, auth, resident, null, null, form.failed(problem, t), "enrol", problem.status());
    }
    return Staff.seeOther("/residents/" + resident + "?done=enrolled#training");
  }
}
