package hongniang.pages.staff;

import hongniang.pages.Page;
import hongniang.pages.Texts;
import hongniang.security.Caller;
import hongniang.security.Role;
import hongniang.worklist.WorklistService;
import hongniang.worklist.WorklistView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/**
 * The matchmaker's home: the worklist's sections in working order, each with its count, its first
 * items and why each is there, linking to the resident, the referral or the posting.
 */
@Controller
@Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class WorklistPage {

  /** How many items of each section are shown. */
  static final int SHOWN = 10;

  private final WorklistService worklist;

  WorklistPage(WorklistService worklist) {
    this.worklist = worklist;
  }

  /** The page: the worklist in the reader's language. */
  public record View(Page page, WorklistView worklist) {

    /** Where an item leads: its referral, else its resident, else its posting's candidates. */
    public @Nullable String link(WorklistView.Item item) {
      if (item.referralId() != null) {
        return "/referrals/" + item.referralId();
      }
      if (item.jobseekerId() != null) {
        return "/residents/" + item.jobseekerId();
      }
      if (item.postingId() != null) {
        return "/postings/" + item.postingId() + "/candidates";
      }
      return null;
    }

    /** The item's name: the resident, the unit, or both with the posting. */
    public String name(WorklistView.Item item) {
      StringBuilder s = new StringBuilder();
      if (item.residentName() != null) {
        s.append(item.residentName());
      }
      if (item.postingTitle() != null) {
        s.append(s.length() > 0 ? " · " : "").append(item.postingTitle());
      }
      if (item.unitName() != null) {
        s.append(s.length() > 0 ? " · " : "").append(item.unitName());
      }
      return s.toString();
    }
  }

  @Get(value = "/worklist", produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> show(
      HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String communityId) {
    Caller caller = Caller.of(auth);
    Texts t = Page.texts(request);
    Long community = caller.isAdmin() ? Staff.id(communityId) : null;
    WorklistView view;
    try {
      view = worklist.worklist(caller, community, SHOWN, t.messages());
    } catch (hongniang.common.ApiProblem problem) {
      if (Staff.notFound(problem)) {
        return hongniang.pages.ErrorPages.notFound(request, "/worklist");
      }
      throw problem;
    }
    return Staff.ok(
        "staff/worklist",
        new View(Staff.frame(request, "page.staff.worklist.title", "/worklist"), view));
  }
}
