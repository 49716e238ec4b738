package hongniang.pages.admin;

import hongniang.common.PageResponse;
import hongniang.communities.CommunityService;
import hongniang.pages.Page;
import hongniang.pages.Pager;
import hongniang.pages.Texts;
import hongniang.partners.PartnerService;
import hongniang.postings.PostingService;
import hongniang.postings.PostingStatus;
import hongniang.search.index.SearchIndex;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admin's overview: what needs the street office (agreements expiring or expired, postings held
 * by screening, each community's worklist), and the search index with its rebuild, asked for first
 * and shown while it runs.
 */
@Controller("/admin")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class AdminHome {

  /** Within this many days an agreement's end is near (as the worklist counts it). */
  public static final int EXPIRING_DAYS = 30;

  private static final Set<String> DONE = Set.of("rebuildStarted", "rebuildRunning");

  private final PartnerService partners;
  private final PostingService postings;
  private final WorklistService worklist;
  private final CommunityService communities;
  private final SearchIndex index;
  private final IndexRebuilds rebuilds;

  AdminHome(
      PartnerService partners,
      PostingService postings,
      WorklistService worklist,
      CommunityService communities,
      SearchIndex index,
      IndexRebuilds rebuilds) {
    this.partners = partners;
    this.postings = postings;
    this.worklist = worklist;
    this.communities = communities;
    this.index = index;
    this.rebuilds = rebuilds;
  }

  /** The search index as the API's status gives it, and the last rebuild from a page. */
  public record IndexStatus(
      int postings, int jobseekers, long pendingChanges, IndexRebuilds.State rebuild) {}

  /** The overview's counts, the worklist's counts per community, the index. */
  public record View(
      Page page,
      long expiring,
      long expired,
      long held,
      long communities,
      @Nullable WorklistView worklist,
      PageResponse<WorklistView.CommunityCounts> byCommunity,
      Pager pager,
      IndexStatus index,
      @Nullable String done) {}

  /**
   * A question before an action: what it does, whether it can be undone, the button that does it (a
   * form posting to {@code action}) and the way back.
   */
  public record Confirm(
      Page page,
      String heading,
      String question,
      boolean cannotUndo,
      String action,
      String button,
      String cancel) {}

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<?> overview(
      HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String page) {
    String done = request.getParameters().get("done");
    Caller caller = Caller.of(auth);
    Texts t = Page.texts(request);
    long expiring =
        partners.listAgreements(caller, null, null, null, EXPIRING_DAYS, 0, 1).totalItems();
    long expired = partners.listAgreements(caller, null, null, "EXPIRED", null, 0, 1).totalItems();
    long held =
        postings
            .list(
                caller,
                new PostingService.Filter(null, null, PostingStatus.REVIEW, null, null, null),
                0,
                1)
            .totalItems();
    WorklistView counts = worklist.worklist(caller, null, 1, t.messages());
    Map<String, Integer> docs = index.counts();
    IndexStatus status =
        new IndexStatus(
            docs.get("postings"), docs.get("jobseekers"), index.pendingChanges(), rebuilds.state());
    // the communities with something to do, the busiest first, a page at a time
    List<WorklistView.CommunityCounts> busy =
        counts.byCommunity() == null
            ? List.of()
            : counts.byCommunity().stream()
                .filter(c -> total(c) > 0)
                .sorted(Comparator.comparingLong(AdminHome::total).reversed())
                .toList();
    int pages = Math.max(1, (busy.size() + Pager.SIZE - 1) / Pager.SIZE);
    int asked = Math.min(Pager.asked(page), pages) - 1;
    PageResponse<WorklistView.CommunityCounts> shown =
        new PageResponse<>(
            busy.subList(asked * Pager.SIZE, Math.min(busy.size(), (asked + 1) * Pager.SIZE)),
            asked,
            Pager.SIZE,
            busy.size(),
            pages);
    Pager pager = Pager.of(shown, "/admin", Map.of());
    Page frame =
        Page.of(
            request,
            t.t("page.admin.overview.title"),
            asked > 0 ? "/admin?page=" + (asked + 1) : "/admin");
    ModelAndView<Map<String, Object>> view =
        Admin.view(
            "overview",
            new View(
                frame,
                expiring,
                expired,
                held,
                communities.list(0, 1).totalItems(),
                counts,
                shown,
                pager,
                status,
                done != null && DONE.contains(done) ? done : null));
    // while a rebuild runs the page reloads itself every few seconds to show its progress
    return status.rebuild().running()
        ? HttpResponse.ok(view).header("Refresh", "5")
        : HttpResponse.ok(view);
  }

  private static long total(WorklistView.CommunityCounts c) {
    return c.counts().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Are you sure? A rebuild reads every posting and resident again. */
  @Get(value = "/index/rebuild", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> confirmRebuild(HttpRequest<?> request) {
    Texts t = Page.texts(request);
    return Admin.view(
        "confirm",
        new Confirm(
            Page.of(request, t.t("page.admin.rebuild.title"), "/admin/index/rebuild"),
            t.t("page.admin.rebuild.heading"),
            t.t("page.admin.rebuild.question"),
            false,
            "/admin/index/rebuild",
            t.t("page.admin.rebuild.yes"),
            "/admin"));
  }

  @Post(
      value = "/index/rebuild",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> rebuild() {
    boolean started = rebuilds.start();
    return Admin.seeOther("/admin?done=" + (started ? "rebuildStarted" : "rebuildRunning"));
  }
}
