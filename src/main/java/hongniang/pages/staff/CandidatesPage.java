package hongniang.pages.staff;

import hongniang.common.ApiProblem;
import hongniang.matches.JobseekerMatches;
import hongniang.matches.MatchService;
import hongniang.pages.ErrorPages;
import hongniang.pages.Form;
import hongniang.pages.Page;
import hongniang.pages.Texts;
import hongniang.postings.PostingService;
import hongniang.postings.PostingView;
import hongniang.referrals.ReferralRequest;
import hongniang.referrals.ReferralService;
import hongniang.referrals.ReferralView;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/**
 * A posting's ranked candidates of the matchmaker's community, each with the reasons of their score
 * and a button that refers them in one action; those a rule kept out, with the rule.
 */
@Controller("/postings/{id}")
@Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class CandidatesPage {

  private static final int SHOWN = 20;

  private final PostingService postings;
  private final MatchService matches;
  private final ReferralService referrals;

  CandidatesPage(PostingService postings, MatchService matches, ReferralService referrals) {
    this.postings = postings;
    this.matches = matches;
    this.referrals = referrals;
  }

  /** The page: the posting, its candidates, the last referral made, a refusal to show. */
  public record View(
      Page page,
      PostingView posting,
      JobseekerMatches candidates,
      @Nullable Long referred,
      Form form) {

    public String say(String zh, String en) {
      return page.t().english() ? en : zh;
    }
  }

  @Get(value = "/candidates", produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> show(
      HttpRequest<?> request, Authentication auth, @PathVariable String id) {
    String referred = request.getParameters().get("referred");
    Long posting = Staff.id(id);
    if (posting == null) {
      return ErrorPages.notFound(request, "/postings/" + id + "/candidates");
    }
    return page(request, auth, posting, Staff.id(referred), Form.empty(), 200);
  }

  private HttpResponse<ModelAndView<Map<String, Object>>> page(
      HttpRequest<?> request,
      Authentication auth,
      long id,
      @Nullable Long referred,
      Form form,
      int status) {
    Caller caller = Caller.of(auth);
    PostingView p;
    JobseekerMatches found;
    try {
      p = postings.get(caller, id);
      found = matches.forPosting(caller, id, SHOWN, "excluded");
    } catch (ApiProblem problem) {
      if (Staff.notFound(problem)) {
        return ErrorPages.notFound(request, "/postings/" + id + "/candidates");
      }
      throw problem;
    }
    Page frame =
        Page.of(
            request,
            Page.texts(request).t("page.staff.candidates.title", "title", p.title()),
            "/postings/" + id + "/candidates");
    return Staff.status(status, "staff/candidates", new View(frame, p, found, referred, form));
  }

  /** Refers one candidate: a hard rule's refusal or an existing referral is shown as a message. */
  @Post(
      value = "/refer",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> refer(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String id,
      @Body Map<String, String> body) {
    Long posting = Staff.id(id);
    if (posting == null) {
      return ErrorPages.notFound(request, "/postings/" + id + "/candidates");
    }
    Texts t = Page.texts(request);
    Long resident = Staff.id(body.get("jobseekerId"));
    if (resident == null) {
      return page(
          request,
          auth,
          posting,
          null,
          Form.empty().failed(t.t("page.staff.candidates.noResident")),
          400);
    }
    ReferralView made;
    try {
      made =
          referrals.create(
              Caller.of(auth),
              new ReferralRequest(resident, posting, Staff.text(body.get("note"))),
              null);
    } catch (ApiProblem problem) {
      if (Staff.notFound(problem)) {
        return ErrorPages.notFound(request, "/postings/" + id + "/candidates");
      }
      return page(request, auth, posting, null, Form.empty().failed(problem, t), problem.status());
    }
    return Staff.seeOther("/postings/" + posting + "/candidates?referred=" + made.id());
  }
}
