package hongniang.pages.staff;

import hongniang.common.ApiProblem;
import hongniang.common.PageResponse;
import hongniang.pages.ErrorPages;
import hongniang.pages.Form;
import hongniang.pages.Page;
import hongniang.pages.Pager;
import hongniang.pages.Texts;
import hongniang.security.Caller;
import hongniang.security.Role;
import hongniang.training.CompletionRequest;
import hongniang.training.CourseView;
import hongniang.training.EnrolmentStatus;
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
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/**
 * Training courses for the matchmaker ({@code /courses}): the courses running or to come with their
 * seats, and a course's enrolled residents of the matchmaker's community (an admin's: all), each
 * completed here, passed or not, with the certificate earned; a pass in a course that leads to a
 * licence gives the resident that licence (the training service's rule). Enrolling is on the
 * resident's page.
 */
@Controller("/courses")
@Secured({Role.MATCHMAKER_NAME, Role.ADMIN_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class CoursesPage {

  private final TrainingService training;

  CoursesPage(TrainingService training) {
    this.training = training;
  }

  /** The list of courses, a page of them. */
  public record ListView(Page page, PageResponse<CourseView> courses, Pager pager) {}

  /** One course, its enrolments here, the completion form's state and a confirmation. */
  public record View(
      Page page,
      CourseView course,
      PageResponse<EnrolmentView> enrolments,
      Pager pager,
      Form form,
      @Nullable Long failedEnrolment,
      @Nullable String done) {}

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<?> list(HttpRequest<?> request) {
    int asked = Pager.asked(request.getParameters().get("page"));
    PageResponse<CourseView> courses =
        training.listCourses(
            new TrainingService.Filter(null, null, null, false),
            Math.min(asked, 10_000) - 1,
            Pager.SIZE);
    Pager pager = Pager.of(courses, "/courses", Map.of());
    return Staff.ok(
        "staff/courses",
        new ListView(Staff.frame(request, "page.staff.courses.title", "/courses"), courses, pager));
  }

  @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> course(HttpRequest<?> request, Authentication auth, @PathVariable String id) {
    return page(request, auth, id, Form.empty(), null, request.getParameters().get("done"), 200);
  }

  /** Completes one enrolment: passed or not, the certificate; confirmed, as it cannot be undone. */
  @Post(
      value = "/{id}/enrolments/{enrolment}/complete",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> complete(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @PathVariable String enrolment,
      @Body Map<String, String> body) {
    Long course = Staff.id(id);
    Long which = Staff.id(enrolment);
    if (course == null || which == null) {
      return ErrorPages.notFound(request, "/courses/" + id);
    }
    Texts t = Page.texts(request);
    String passed = Staff.text(body.get("passed"));
    String certificate = Staff.text(body.get("certificateNumber"));
    Map<String, String> values = new java.util.LinkedHashMap<>();
    values.put("passed", passed == null ? "" : passed);
    values.put(
        "certificateNumber",
        certificate == null ? "" : certificate.substring(0, Math.min(200, certificate.length())));
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    if (!"yes".equals(passed) && !"no".equals(passed)) {
      errors.put("passed", t.t("page.staff.courses.passedMissing"));
    }
    if (!"true".equals(body.get("confirm"))) {
      errors.put("confirm", t.t("page.staff.courses.confirmMissing"));
    }
    if (!errors.isEmpty()) {
      return page(
          request, auth, id, new Form(values, errors, t.t("page.form.fix")), which, null, 400);
    }
    try {
      training.complete(
          Caller.of(auth), which, new CompletionRequest("yes".equals(passed), certificate, null));
    } catch (ApiProblem problem) {
      if (Staff.notFound(problem)) {
        return ErrorPages.notFound(request, "/courses/" + id);
      }
      return page(
          request, auth, id, Form.of(values).failed(problem, t), which, null, problem.status());
    }
    return Staff.seeOther("/courses/" + course + "?done=completed");
  }

  private HttpResponse<?> page(
      HttpRequest<?> request,
      Authentication auth,
      String id,
      Form form,
      @Nullable Long failed,
      @Nullable String done,
      int status) {
    Long course = Staff.id(id);
    if (course == null) {
      return ErrorPages.notFound(request, "/courses/" + id);
    }
    CourseView c;
    PageResponse<EnrolmentView> enrolments;
    int asked = Pager.asked(request.getParameters().get("page"));
    try {
      c = training.getCourse(course);
      enrolments =
          training.listEnrolments(
              Caller.of(auth), course, null, Math.min(asked, 10_000) - 1, Pager.SIZE);
    } catch (ApiProblem problem) {
      if (Staff.notFound(problem)) {
        return ErrorPages.notFound(request, "/courses/" + id);
      }
      throw problem;
    }
    Pager pager = Pager.of(enrolments, "/courses/" + course, Map.of());
    Page frame = Page.of(request, c.title(), "/courses/" + course);
    return Staff.status(
        status,
        "staff/course",
        new View(
            frame,
            c,
            enrolments,
            pager,
            form,
            failed,
            "completed".equals(done)
                ? Page.texts(request).t("page.staff.courses.completed")
                : null));
  }

  /** Whether an enrolment can still be completed. */
  public static boolean open(EnrolmentView e) {
    return e.status() == EnrolmentStatus.ENROLLED;
  }
}
