package hongniang.pages.resident;

import hongniang.common.ApiProblem;
import hongniang.jobseekers.JobseekerService;
import hongniang.jobseekers.JobseekerStatus;
import hongniang.jobseekers.JobseekerView;
import hongniang.matches.MatchService;
import hongniang.matches.PartView;
import hongniang.matches.PostingMatches;
import hongniang.pages.ErrorPages;
import hongniang.pages.Page;
import hongniang.pages.Texts;
import hongniang.referrals.InterestRequest;
import hongniang.referrals.ReferralService;
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
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * "Jobs for me" ({@code /me/matches}): the open postings ranked for the resident with the reasons
 * in plain words, each linking to its page, with "I'm interested" (a request to their matchmaker);
 * and what a licence would open. The same button on a posting's page posts here too.
 */
@Controller("/me/matches")
@Secured(Role.RESIDENT_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class MatchesPage {

  /** How many matches the page shows: the best ones; the matchmaker has the rest. */
  static final int SHOWN = 20;

  private final MatchService matches;
  private final ReferralService referrals;
  private final JobseekerService jobseekers;

  MatchesPage(MatchService matches, ReferralService referrals, JobseekerService jobseekers) {
    this.matches = matches;
    this.referrals = referrals;
    this.jobseekers = jobseekers;
  }

  /** One match: the posting, and why it suits the resident, the strongest reason first. */
  public record Match(PostingMatches.Hit hit, List<String> reasons) {}

  /**
   * The page: the matches, what licences would open, whether the search is paused, and the notice
   * of the last action (done, or why not).
   */
  public record View(
      Page page,
      List<Match> matches,
      List<MatchService.LicenceOpening> openings,
      boolean paused,
      @Nullable String notice,
      @Nullable String problem) {}

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication auth) {
    // the last action's outcome: words of this page, not parameters of the API
    String done = request.getParameters().get("done");
    String refused = request.getParameters().get("refused");
    Caller caller = Resident.caller(auth);
    long me = Resident.profile(caller);
    Texts t = Page.texts(request);
    JobseekerView profile = jobseekers.get(caller, me, false);
    boolean paused =
        profile.status() != JobseekerStatus.SEEKING && profile.status() != JobseekerStatus.REFERRED;
    List<Match> found =
        matches.forJobseeker(caller, me, SHOWN, null).matches().stream()
            .map(h -> new Match(h, reasons(h, t)))
            .toList();
    List<MatchService.LicenceOpening> openings =
        paused ? List.of() : matches.licenceOpenings(caller, me);
    String notice = "interest".equals(done) ? t.t("page.me.matches.interestDone") : null;
    String problem =
        refused == null
            ? null
            : switch (refused) {
              case "already" -> t.t("page.me.matches.alreadyAsked");
              case "rules" -> t.t("page.me.matches.notSuitable");
              default -> null;
            };
    Page frame = Page.of(request, t.t("page.me.matches.title"), "/me/matches");
    return new ModelAndView<>(
        "resident/matches",
        Map.of("view", new View(frame, found, openings, paused, notice, problem)));
  }

  /**
   * The parts of a score that say how the job fits the resident's own wishes and record; the rest
   * (how fresh the posting is, priority, the balance of both sides) explain the ranking to staff.
   */
  private static final java.util.Set<String> ABOUT_THE_RESIDENT =
      java.util.Set.of("occupation", "skills", "wage", "place", "schedule", "experience");

  /** The reasons a posting suits the resident: the parts that scored, the strongest first. */
  private static List<String> reasons(PostingMatches.Hit hit, Texts t) {
    return hit.parts().stream()
        .filter(p -> p.points() > 0 && ABOUT_THE_RESIDENT.contains(p.name()))
        .sorted(Comparator.comparingDouble(PartView::points).reversed())
        .map(p -> t.english() ? p.en() : p.zh())
        .toList();
  }

  /**
   * "I'm interested": a request to the matchmaker to refer the resident (REQUESTED). From a
   * posting's page ({@code from=posting}) the resident lands on their referrals, where it shows.
   */
  @Post(value = "/{postingId}/interest", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> interest(
      HttpRequest<?> request,
      Authentication auth,
      @PathVariable String postingId,
      @Body Map<String, String> form) {
    Caller caller = Resident.caller(auth);
    Resident.profile(caller);
    Long id = Resident.id(postingId);
    if (id == null) {
      return ErrorPages.notFound(request, "/jobs/" + postingId);
    }
    boolean fromPosting = "posting".equals(form.get("from"));
    try {
      referrals.interest(caller, id, new InterestRequest(null), null);
    } catch (ApiProblem refused) {
      return switch (refused.status()) {
        case 404 -> ErrorPages.notFound(request, "/jobs/" + id);
        case 409 -> HttpResponse.seeOther(URI.create("/me/matches?refused=already"));
        case 422 -> HttpResponse.seeOther(URI.create("/me/matches?refused=rules"));
        default -> throw refused;
      };
    }
    return HttpResponse.seeOther(
        URI.create(fromPosting ? "/me/referrals?done=interest" : "/me/matches?done=interest"));
  }
}
