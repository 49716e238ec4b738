package hongniang.pages;

import hongniang.common.ApiProblem;
import hongniang.communities.CommunityService;
import hongniang.communities.CommunityView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;

/**
 * The service in each community, for everyone: the communities, and for each where and when its
 * matchmakers can be met and how to call them, with what to bring.
 */
@Controller("/communities")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class CommunityPages {

  private final CommunityService communities;

  CommunityPages(CommunityService communities) {
    this.communities = communities;
  }

  /** The list of communities. */
  public record ListView(Page page, List<CommunityView> communities) {}

  /** One community's page. */
  public record View(Page page, CommunityView community) {}

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
    Texts t = Page.texts(request);
    Page frame = Page.of(request, t.t("page.community.listTitle"), "/communities");
    return new ModelAndView<>(
        "communities", Map.of("view", new ListView(frame, communities.all())));
  }

  @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> community(HttpRequest<?> request, @PathVariable String id) {
    CommunityView community;
    try {
      community = id.matches("\\d{1,18}") ? communities.get(Long.parseLong(id)) : null;
    } catch (ApiProblem notFound) {
      community = null;
    }
    if (community == null) {
      return ErrorPages.notFound(request, "/communities/" + id);
    }
    Texts t = Page.texts(request);
    Page frame =
        Page.of(
            request,
            t.t("page.community.title", "name", community.name()),
            "/communities/" + community.id());
    return HttpResponse.ok(
        new ModelAndView<>("community", Map.of("view", new View(frame, community))));
  }
}
