package hongniang.pages.resident;

import hongniang.common.ApiProblem;
import hongniang.common.RowVersions;
import hongniang.common.Schedule;
import hongniang.jobseekers.JobseekerService;
import hongniang.jobseekers.JobseekerView;
import hongniang.pages.Form;
import hongniang.pages.Page;
import hongniang.pages.Texts;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resident changes their own phone and wishes ({@code /me/edit}): the kinds of work they want,
 * their lowest wage, their hours and whether they would work outside the district, through {@link
 * JobseekerService#updateOwn} (the same rules as staff; a change made meanwhile by their matchmaker
 * is not overwritten).
 */
@Controller("/me/edit")
@Secured(Role.RESIDENT_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class EditProfilePage {

  private final JobseekerService jobseekers;

  EditProfilePage(JobseekerService jobseekers) {
    this.jobseekers = jobseekers;
  }

  /** The form: what was typed (or is stored), the hours ticked, the version it rests on. */
  public record View(Page page, Form form, List<Choice> schedules, long version) {}

  /** One kind of hours with its tick box. */
  public record Choice(String value, String label, boolean checked) {}

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<?> form(HttpRequest<?> request, Authentication auth) {
    Caller caller = Caller.of(auth);
    JobseekerView me = jobseekers.get(caller, Resident.profile(caller), false);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("phone", me.phone() == null ? "" : me.phone());
    values.put("desiredOccupations", String.join("、", me.desiredOccupations()));
    values.put("minWage", me.minWage() == null ? "" : me.minWage().toString());
    values.put("willingOutside", me.willingOutside() ? "on" : "");
    return view(
        request,
        Form.of(values),
        me.acceptableSchedules().stream().map(Enum::name).toList(),
        me.version());
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> save(
      HttpRequest<?> request, Authentication auth, @Body Map<String, Object> body) {
    Caller caller = Caller.of(auth);
    Resident.profile(caller);
    Texts t = Page.texts(request);
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : List.of("phone", "desiredOccupations", "minWage", "willingOutside")) {
      values.put(name, one(body.get(name)));
    }
    List<String> ticked = many(body.get("acceptableSchedules"));
    long version = number(one(body.get("version")), -1);
    Form form = Form.of(values);
    Map<String, String> errors = new LinkedHashMap<>();
    Integer minWage = null;
    String wage = values.get("minWage").strip();
    if (!wage.isEmpty()) {
      if (wage.matches("\\d{1,7}")) {
        minWage = Integer.valueOf(wage);
      } else {
        errors.put("minWage", t.t("page.me.edit.wageNumber"));
      }
    }
    List<Schedule> schedules = new ArrayList<>();
    Set<String> known =
        Arrays.stream(Schedule.values())
            .map(Enum::name)
            .collect(java.util.stream.Collectors.toSet());
    for (String s : ticked) {
      if (known.contains(s)) {
        schedules.add(Schedule.valueOf(s));
      }
    }
    if (!errors.isEmpty()) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST)
          .body(
              view(request, new Form(values, errors, t.t("page.form.fix")), ticked, version)
                  .getBody()
                  .orElseThrow());
    }
    List<String> desired =
        Arrays.stream(values.get("desiredOccupations").split("[、,，;；\\s]+"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    try {
      jobseekers.updateOwn(
          caller,
          new JobseekerService.OwnChanges(
              values.get("phone"),
              desired,
              minWage,
              schedules,
              "on".equals(values.get("willingOutside"))),
          version < 0 ? null : RowVersions.etag(version));
    } catch (ApiProblem problem) {
      HttpStatus status =
          problem.status() == 412 ? HttpStatus.CONFLICT : HttpStatus.valueOf(problem.status());
      Form failed =
          problem.status() == 412 || problem.status() == 409
              ? form.failed(t.t("page.me.edit.changedMeanwhile"))
              : form.failed(problem, t);
      return HttpResponse.status(status)
          .body(view(request, failed, ticked, version).getBody().orElseThrow());
    }
    return HttpResponse.seeOther(URI.create("/me?done=saved"));
  }

  private HttpResponse<ModelAndView<Map<String, Object>>> view(
      HttpRequest<?> request, Form form, List<String> ticked, long version) {
    Texts t = Page.texts(request);
    List<Choice> choices = new ArrayList<>();
    for (Schedule s : Schedule.values()) {
      choices.add(new Choice(s.name(), Words.schedule(s, t), ticked.contains(s.name())));
    }
    Page frame = Page.of(request, t.t("page.me.edit.title"), "/me/edit");
    return HttpResponse.ok(
        new ModelAndView<>(
            "resident/edit", Map.of("view", new View(frame, form, choices, version))));
  }

  private static String one(Object value) {
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "" : String.valueOf(list.get(0));
    }
    return value == null ? "" : value.toString();
  }

  private static List<String> many(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : List.of(value.toString());
  }

  private static long number(String text, long fallback) {
    return text.matches("\\d{1,18}") ? Long.parseLong(text) : fallback;
  }
}
