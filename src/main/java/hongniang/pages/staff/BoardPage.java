package hongniang.pages.staff;

import hongniang.common.ApiProblem;
import hongniang.matches.AcceptRequest;
import hongniang.matches.BoardRequest;
import hongniang.matches.BoardRuns;
import hongniang.matches.BoardService;
import hongniang.matches.BoardView;
import hongniang.pages.ErrorPages;
import hongniang.pages.Form;
import hongniang.pages.Page;
import hongniang.pages.Texts;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The match board: run the allocation for the community, review its proposals with their reasons
 * and the gain over taking the best pair first, tick some or all and accept them in one action (all
 * or nothing, as the service does).
 */
@Controller("/board")
@Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class BoardPage {

  private final BoardService board;
  private final BoardRuns runs;

  BoardPage(BoardService board, BoardRuns runs) {
    this.board = board;
    this.runs = runs;
  }

  /** The page: the board just run (or none), how many referrals were made, what went wrong. */
  public record View(
      Page page, @Nullable BoardView board, @Nullable Integer accepted, Form form, boolean admin) {

    public String say(String zh, String en) {
      return page.t().english() ? en : zh;
    }

    /** A score or total to one decimal. */
    public String points(double value) {
      return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
  }

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> show(
      HttpRequest<?> request, Authentication auth) {
    Long count = Staff.id(request.getParameters().get("accepted"));
    return Staff.ok(
        "staff/board",
        new View(
            frame(request),
            null,
            count == null ? null : count.intValue(),
            Form.empty(),
            Caller.of(auth).isAdmin()));
  }

  private static Page frame(HttpRequest<?> request) {
    return Staff.frame(request, "page.staff.board.title", "/board");
  }

  /** Runs the allocation; nothing is written but the kept run, until proposals are accepted. */
  @Post(
      value = "/run",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> run(
      HttpRequest<?> request, Authentication auth, @Body Map<String, String> body) {
    Caller caller = Caller.of(auth);
    Texts t = Page.texts(request);
    Long per = Staff.id(body.get("perResident"));
    Long community = caller.isAdmin() ? Staff.id(body.get("communityId")) : null;
    Map<String, String> values = new java.util.LinkedHashMap<>();
    values.put("perResident", per == null ? "1" : per.toString());
    values.put("communityId", community == null ? "" : community.toString());
    Form form = Form.of(values);
    try {
      BoardView proposed =
          board.propose(
              caller,
              new BoardRequest(
                  community, null, null, per == null ? null : (int) Math.min(per, 99)));
      return Staff.ok(
          "staff/board", new View(frame(request), proposed, null, form, caller.isAdmin()));
    } catch (ApiProblem problem) {
      return Staff.status(
          problem.status(),
          "staff/board",
          new View(frame(request), null, null, form.failed(problem, t), caller.isAdmin()));
    }
  }

  /** Accepts the ticked proposals, or all of them: one referral each, all or nothing. */
  @Post(
      value = "/{runId}/accept",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> accept(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String runId,
      @Body Map<String, String> body) {
    Long run = Staff.id(runId);
    if (run == null) {
      return ErrorPages.notFound(request, "/board");
    }
    Caller caller = Caller.of(auth);
    Texts t = Page.texts(request);
    boolean all = "all".equals(body.get("which"));
    List<AcceptRequest.Pair> pairs = new ArrayList<>();
    for (String name : body.keySet()) {
      if (!name.startsWith("pick.")) {
        continue;
      }
      String[] parts = name.substring(5).split("-", 2);
      Long posting = Staff.id(parts[0]);
      Long resident = parts.length == 2 ? Staff.id(parts[1]) : null;
      if (posting != null && resident != null) {
        pairs.add(new AcceptRequest.Pair(posting, resident));
      }
    }
    if (!all && pairs.isEmpty()) {
      return Staff.status(
          400,
          "staff/board",
          new View(
              frame(request),
              null,
              null,
              Form.empty().failed(t.t("page.staff.board.noneTicked")),
              caller.isAdmin()));
    }
    String note = Staff.text(body.get("note"));
    List<ReferralView> made;
    try {
      made =
          runs.accept(
              caller,
              run,
              new AcceptRequest(
                  all ? null : pairs,
                  note == null ? null : note.substring(0, Math.min(1000, note.length()))));
    } catch (ApiProblem problem) {
      if (Staff.notFound(problem)) {
        return ErrorPages.notFound(request, "/board");
      }
      return Staff.status(
          problem.status(),
          "staff/board",
          new View(frame(request), null, null, Form.empty().failed(problem, t), caller.isAdmin()));
    }
    return Staff.seeOther("/board?accepted=" + made.size());
  }
}
