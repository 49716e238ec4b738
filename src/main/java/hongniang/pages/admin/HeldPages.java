package hongniang.pages.admin;

import hongniang.common.ApiProblem;
import hongniang.common.PageResponse;
import hongniang.pages.Form;
import hongniang.pages.Links;
import hongniang.pages.Page;
import hongniang.pages.Pager;
import hongniang.pages.Texts;
import hongniang.postings.ApprovalRequest;
import hongniang.postings.PostingService;
import hongniang.postings.PostingStatus;
import hongniang.postings.PostingView;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Postings held by screening (status REVIEW), each with what screening found (the words, why, the
 * legal basis, a rewording): the admin approves one's text with a reason (the postings service's
 * approval, recorded with who and when), or leaves it for the employer to rewrite.
 */
@Controller("/admin/held")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class HeldPages {

  private final PostingService postings;

  HeldPages(PostingService postings) {
    this.postings = postings;
  }

  /** The held postings, a page at a time. */
  public record ListView(
      Page page, PageResponse<PostingView> postings, Pager pager, @Nullable String done) {}

  /** One held posting with the approval form. */
  public record OneView(Page page, PostingView posting, Form form) {}

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> list(
      HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String page) {
    String done = request.getParameters().get("done");
    Caller caller = Caller.of(auth);
    Texts t = Page.texts(request);
    PageResponse<PostingView> held =
        postings.list(
            caller,
            new PostingService.Filter(null, null, PostingStatus.REVIEW, null, null, null),
            Pager.asked(page) - 1,
            Pager.SIZE);
    Map<String, Object> params = new LinkedHashMap<>();
    Pager pager = Pager.of(held, "/admin/held", params);
    Page frame =
        Page.of(
            request,
            t.t("page.admin.held.title"),
            Links.of(
                "/admin/held", Links.with(params, "page", pager.page() > 1 ? pager.page() : null)));
    return Admin.view(
        "held", new ListView(frame, held, pager, "approved".equals(done) ? done : null));
  }

  @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> one(
      HttpRequest<?> request, Authentication auth, @PathVariable long id) {
    PostingView posting = postings.get(Caller.of(auth), id);
    return Admin.view("held-one", oneView(request, posting, Form.empty()));
  }

  @Post(
      value = "/{id}/approve",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> approve(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable long id,
      @Body Map<String, String> body) {
    Caller caller = Caller.of(auth);
    Form form = Admin.form(body);
    try {
      postings.approve(caller, id, new ApprovalRequest(Admin.text(form, "reason")), null);
      return Admin.seeOther("/admin/held?done=approved");
    } catch (ApiProblem problem) {
      if (problem.status() == 404) {
        throw problem;
      }
      PostingView posting = postings.get(caller, id);
      return Admin.status(
          problem.status(),
          "held-one",
          oneView(request, posting, form.failed(problem, Page.texts(request))));
    }
  }

  private static OneView oneView(HttpRequest<?> request, PostingView posting, Form form) {
    Texts t = Page.texts(request);
    return new OneView(
        Page.of(
            request,
            t.t("page.admin.heldOne.title", "title", posting.title()),
            "/admin/held/" + posting.id()),
        posting,
        form);
  }
}
