package hongniang.pages.staff;

import hongniang.common.ApiProblem;
import hongniang.common.Education;
import hongniang.common.Gender;
import hongniang.common.ImportBodies;
import hongniang.common.ImportReport;
import hongniang.common.PageResponse;
import hongniang.communities.CommunityService;
import hongniang.jobseekers.DataConsent;
import hongniang.jobseekers.DuplicateCandidate;
import hongniang.jobseekers.JobseekerCsv;
import hongniang.jobseekers.JobseekerRequest;
import hongniang.jobseekers.JobseekerService;
import hongniang.jobseekers.JobseekerStatus;
import hongniang.jobseekers.JobseekerView;
import hongniang.pages.Form;
import hongniang.pages.Links;
import hongniang.pages.Page;
import hongniang.pages.Pager;
import hongniang.pages.Texts;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The community's residents: a paged list searched by name and status, staff-assisted intake (with
 * the duplicate guard's candidates and the choice it allows) and a spreadsheet import with its
 * per-row report.
 */
@Controller("/residents")
@Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class ResidentsPage {

  private final JobseekerService jobseekers;
  private final CommunityService communities;
  private final ImportBodies bodies;
  private final Clock clock;

  ResidentsPage(
      JobseekerService jobseekers, CommunityService communities, ImportBodies bodies, Clock clock) {
    this.jobseekers = jobseekers;
    this.communities = communities;
    this.bodies = bodies;
    this.clock = clock;
  }

  /** The list: its residents, the pager, the search as typed, the statuses to choose from. */
  public record ListView(
      Page page,
      PageResponse<JobseekerView> residents,
      Pager pager,
      String name,
      @Nullable JobseekerStatus status,
      List<JobseekerStatus> statuses,
      boolean admin) {}

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> list(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable @QueryValue String name,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String page) {
    Caller caller = Caller.of(auth);
    String typed = name == null ? "" : name.strip();
    if (typed.length() > 50) {
      typed = typed.substring(0, 50);
    }
    JobseekerStatus chosen =
        Arrays.stream(JobseekerStatus.values())
            .filter(s -> s.name().equals(status))
            .findFirst()
            .orElse(null);
    PageResponse<JobseekerView> found =
        jobseekers.list(caller, null, chosen, null, typed, Pager.asked(page) - 1, Pager.SIZE);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("name", typed);
    params.put("status", chosen);
    Pager pager = Pager.of(found, "/residents", params);
    Page frame = Staff.frame(request, "page.staff.residents.title", "/residents");
    return Staff.ok(
        "staff/residents",
        new ListView(
            frame,
            found,
            pager,
            typed,
            chosen,
            List.of(JobseekerStatus.values()),
            caller.isAdmin()));
  }

  // ---- intake

  /** The intake form: what was typed, what was wrong, the residents it may repeat. */
  public record NewView(
      Page page,
      Form form,
      boolean admin,
      List<Gender> genders,
      List<Education> educations,
      List<DuplicateCandidate> candidates) {}

  @Get(value = "/new", produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> newForm(
      HttpRequest<?> request, Authentication auth) {
    return Staff.ok("staff/resident-new", newView(request, auth, Form.empty(), List.of()));
  }

  private NewView newView(
      HttpRequest<?> request, Authentication auth, Form form, List<DuplicateCandidate> found) {
    return new NewView(
        Staff.frame(request, "page.staff.new.title", "/residents/new"),
        form,
        Caller.of(auth).isAdmin(),
        List.of(Gender.values()),
        List.of(Education.values()),
        found);
  }

  @Post(
      value = "/new",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> create(
      HttpRequest<?> request, Authentication auth, @Body Map<String, String> body) {
    Caller caller = Caller.of(auth);
    Texts t = Page.texts(request);
    Map<String, String> values = new LinkedHashMap<>();
    for (String field :
        List.of(
            "name",
            "gender",
            "idNumber",
            "birthYear",
            "phone",
            "communityId",
            "education",
            "skills",
            "desiredOccupations",
            "minWage",
            "unemployedSince",
            "dataConsent")) {
      String v = Staff.text(body.get(field));
      if (v != null) {
        values.put(field, v.length() > 5000 ? v.substring(0, 5000) : v);
      }
    }
    Form form = Form.of(values);
    Map<String, String> errors = new LinkedHashMap<>();
    Integer birthYear = number(values.get("birthYear"), "birthYear", errors, t);
    Integer minWage = number(values.get("minWage"), "minWage", errors, t);
    Long community = caller.isAdmin() ? Staff.id(values.get("communityId")) : caller.communityId();
    if (caller.isAdmin() && community == null) {
      errors.put("communityId", t.t("page.staff.new.communityMissing"));
    }
    // registering someone on their behalf needs to say how they agreed to their data being kept
    DataConsent consent = Staff.choice(DataConsent.class, values.get("dataConsent"));
    if (consent == null) {
      errors.put("dataConsent", t.t("page.staff.new.dataConsentMissing"));
    }
    LocalDate unemployedSince = null;
    if (values.get("unemployedSince") != null) {
      try {
        unemployedSince = LocalDate.parse(values.get("unemployedSince"));
      } catch (DateTimeParseException e) {
        errors.put("unemployedSince", t.t("page.staff.new.notDate"));
      }
    }
    if (values.get("idNumber") != null) {
      values.put("idNumber", values.get("idNumber").toUpperCase(java.util.Locale.ROOT));
    }
    JobseekerRequest r =
        new JobseekerRequest(
            values.get("name") == null ? "" : values.get("name"),
            Staff.choice(Gender.class, values.get("gender")),
            values.get("idNumber"),
            birthYear,
            values.get("phone"),
            community,
            Staff.choice(Education.class, values.get("education")),
            list(values.get("skills")),
            null,
            list(values.get("desiredOccupations")),
            minWage,
            null,
            null,
            null,
            null,
            null,
            null,
            unemployedSince,
            null,
            "true".equals(body.get("confirmedNotDuplicate")) ? Boolean.TRUE : null,
            consent);
    if (!errors.isEmpty()) {
      // the service's own rules too, so that every field's message is shown at once
      List<hongniang.common.FieldError> rules = jobseekers.validate(caller, r);
      Form checked = rules.isEmpty() ? form : form.failed(ApiProblem.invalid(rules), t);
      Map<String, String> all = new LinkedHashMap<>(checked.errors());
      all.putAll(errors);
      return Staff.status(
          400,
          "staff/resident-new",
          newView(request, auth, new Form(values, all, t.t("page.form.fix")), List.of()));
    }
    try {
      JobseekerView created = jobseekers.create(caller, r);
      return Staff.seeOther("/residents/" + created.id() + "?done=registered");
    } catch (ApiProblem problem) {
      if (problem.status() == 404 || problem.status() == 403) {
        throw problem;
      }
      List<DuplicateCandidate> found = new ArrayList<>();
      if (problem.candidates() != null) {
        for (Object c : problem.candidates()) {
          if (c instanceof DuplicateCandidate d) {
            found.add(d);
          }
        }
      }
      return Staff.status(
          problem.status(),
          "staff/resident-new",
          newView(request, auth, form.failed(problem, t), found));
    }
  }

  private static @Nullable Integer number(
      @Nullable String value, String field, Map<String, String> errors, Texts t) {
    if (value == null) {
      return null;
    }
    if (!value.matches("\\d{1,7}")) {
      errors.put(field, t.t("page.staff.new.notNumber"));
      return null;
    }
    return Integer.parseInt(value);
  }

  private static @Nullable List<String> list(@Nullable String value) {
    if (value == null) {
      return null;
    }
    List<String> items =
        Arrays.stream(value.split("[,，;；、\\n]"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    return items.isEmpty() ? null : items;
  }

  // ---- import

  /** The import page: the report of the last file, if one was sent. */
  public record ImportView(Page page, @Nullable ImportReport report, @Nullable String problem) {

    /** The rows with something to fix. */
    public List<ImportReport.Row> toFix() {
      return report == null
          ? List.of()
          : report.rows().stream().filter(r -> !r.errors().isEmpty()).toList();
    }
  }

  @Get(value = "/import", produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> importForm(HttpRequest<?> request) {
    return Staff.ok(
        "staff/import",
        new ImportView(
            Staff.frame(request, "page.staff.import.title", "/residents/import"), null, null));
  }

  @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> importFile(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable CompletedFileUpload file,
      @Nullable String atomic) {
    Caller caller = Caller.of(auth);
    Texts t = Page.texts(request);
    Page frame = Staff.frame(request, "page.staff.import.title", "/residents/import");
    if (file == null || file.getSize() == 0) {
      return Staff.status(
          400, "staff/import", new ImportView(frame, null, t.t("page.staff.import.noFile")));
    }
    try {
      ImportReport report =
          jobseekers.importRows(
              caller, bodies.parse(file, JobseekerCsv.sheet(communities)), "on".equals(atomic));
      return Staff.ok("staff/import", new ImportView(frame, t.messages().render(report), null));
    } catch (ApiProblem problem) {
      Form failed = Form.empty().failed(problem, t);
      String why =
          failed.summary() != null ? failed.summary() : String.join(" ", failed.errors().values());
      return Staff.status(problem.status(), "staff/import", new ImportView(frame, null, why));
    }
  }

  /** The spreadsheet to fill in, as the API gives it: xlsx (the default) or csv. */
  @Get("/import/template")
  HttpResponse<byte[]> template(Authentication auth, @Nullable @QueryValue String format) {
    String f = "csv".equals(format) ? "csv" : "xlsx";
    return JobseekerCsv.template(communities.exampleName(Caller.of(auth)), LocalDate.now(clock))
        .download(f);
  }

  /** Links of the list with a status chosen (for the template). */
  public static String statusLink(String name, @Nullable JobseekerStatus status) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("name", name);
    params.put("status", status);
    return Links.of("/residents", params);
  }
}
