package hongniang.pages.admin;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.PageResponse;
import hongniang.common.Validation;
import hongniang.communities.CommunityRequest;
import hongniang.communities.CommunityService;
import hongniang.communities.CommunityView;
import hongniang.pages.Form;
import hongniang.pages.Page;
import hongniang.pages.Pager;
import hongniang.pages.Texts;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;

/** The communities of the street office, and adding one (through {@link CommunityService}). */
@Controller("/admin/communities")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class CommunityPages {

  private final CommunityService communities;
  private final Validator validator;

  CommunityPages(CommunityService communities, Validator validator) {
    this.communities = communities;
    this.validator = validator;
  }

  public record View(
      Page page,
      PageResponse<CommunityView> communities,
      Pager pager,
      Form form,
      @Nullable String done) {}

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> list(
      HttpRequest<?> request, @Nullable @QueryValue String page) {
    String done = request.getParameters().get("done");
    return Admin.view(
        "communities",
        view(request, Pager.asked(page), Form.empty(), "created".equals(done) ? done : null));
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> create(
      HttpRequest<?> request, Authentication auth, @Body Map<String, String> body) {
    Form form = Admin.form(body);
    CommunityRequest community =
        new CommunityRequest(Admin.text(form, "name"), Admin.text(form, "description"));
    try {
      List<FieldError> errors = Validation.check(validator, community);
      ApiProblem.throwIfAny(errors);
      communities.create(null, auth.getName(), community);
      return Admin.seeOther("/admin/communities?done=created");
    } catch (ApiProblem problem) {
      return Admin.status(
          problem.status(),
          "communities",
          view(request, 1, form.failed(problem, Page.texts(request)), null));
    }
  }

  private View view(HttpRequest<?> request, int page, Form form, @Nullable String done) {
    Texts t = Page.texts(request);
    PageResponse<CommunityView> list = communities.list(page - 1, Pager.SIZE);
    Pager pager = Pager.of(list, "/admin/communities", Map.of());
    Page frame =
        Page.of(
            request,
            t.t("page.admin.communities.title"),
            pager.page() > 1 ? "/admin/communities?page=" + pager.page() : "/admin/communities");
    return new View(frame, list, pager, form, done);
  }
}
