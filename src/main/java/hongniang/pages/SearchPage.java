package hongniang.pages;

import hongniang.search.api.FacetLabels;
import hongniang.search.query.FacetCount;
import hongniang.search.query.PostingHits;
import hongniang.search.query.PostingQuery;
import hongniang.search.query.Searches;
import hongniang.search.suggest.Suggester;
import hongniang.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The front door: job search for everyone, no sign-in. The same search as {@code GET
 * /api/v1/postings/search} (open postings of partners with a valid agreement), its filters as links
 * with counts, its matches highlighted, ten to a page.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class SearchPage {

  static final int SIZE = 10;

  /** The facets shown, each with the query parameter that filters by it. */
  private static final Map<String, String> FILTERS =
      Map.of("group", "group", "schedule", "schedule", "community", "communityId");

  private static final List<String> FILTER_ORDER = List.of("group", "schedule", "community");

  private static final Set<String> SORTS = Set.of("relevance", "newest", "wage");

  private final Searches searches;
  private final FacetLabels labels;
  private final Suggester suggester;

  SearchPage(Searches searches, FacetLabels labels, Suggester suggester) {
    this.searches = searches;
    this.labels = labels;
    this.suggester = suggester;
  }

  /** Typing suggestions: what was typed and the titles and kinds of work that start with it. */
  public record Suggestions(Texts t, String q, List<Suggester.Suggestion> items) {}

  /**
   * The suggestions for what is typed in the search box (characters, pinyin or initials), as a
   * fragment of links the page puts under the box (htmx); each link searches for it.
   */
  @Get(value = "/suggest", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> suggest(
      HttpRequest<?> request, @Nullable @QueryValue String q) {
    String text = q == null ? "" : Searches.clean(q);
    List<Suggester.Suggestion> items = text.isEmpty() ? List.of() : suggester.suggest(text, 8);
    return new ModelAndView<>(
        "suggestions", Map.of("view", new Suggestions(Page.texts(request), text, items)));
  }

  /** One filter's choices: its label and each value with its count and link. */
  public record Filter(String name, String label, List<Choice> choices) {}

  /** A value to filter by: shown with its count; chosen when the search filters by it now. */
  public record Choice(String label, long count, String link, boolean chosen) {}

  /** A result: the hit, its snippet in parts, its link. */
  public record Result(PostingHits.Hit hit, List<Snippet> title, List<Snippet> snippet) {}

  /** The whole page. */
  public record View(
      Page page,
      String q,
      String sort,
      long total,
      List<Result> results,
      List<Filter> filters,
      Map<String, Object> params,
      String previous,
      String next,
      int pageNumber,
      int pages) {}

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> search(
      HttpRequest<?> request,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String group,
      @Nullable @QueryValue String schedule,
      @Nullable @QueryValue String communityId,
      @Nullable @QueryValue String sort,
      @Nullable @QueryValue String page) {
    Messages language = Switches.language(request);
    Texts t = new Texts(language);
    String text = q == null ? "" : Searches.clean(q);
    Long community = number(communityId);
    String scheduleName = schedule != null && schedule.matches("[A-Z_]{1,20}") ? schedule : null;
    String groupName = group != null && group.length() <= 40 ? group : null;
    String order = sort != null && SORTS.contains(sort) ? sort : null;
    Long asked = number(page);
    int wanted = asked == null ? 1 : (int) Math.max(1, Math.min(100, asked));
    PostingHits hits =
        searches.postings(
            new PostingQuery(
                text.isEmpty() ? null : text,
                community,
                null,
                null,
                scheduleName,
                null,
                null,
                null,
                null,
                null,
                null,
                groupName,
                null,
                order,
                wanted - 1, // the search counts pages from 0, the page from 1
                SIZE));
    hits = hits.withFacets(labels.label(hits.facets(), language.locale()));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("q", text);
    params.put("group", groupName);
    params.put("schedule", scheduleName);
    params.put("communityId", community);
    params.put("sort", order);
    List<Result> results = new ArrayList<>();
    for (PostingHits.Hit h : hits.hits()) {
      results.add(
          new Result(
              h,
              Snippet.parts(h.highlights().getOrDefault("title", plain(h.title()))),
              Snippet.parts(
                  h.highlights().getOrDefault("description", h.highlights().get("skills")))));
    }
    List<Filter> filters = new ArrayList<>();
    for (String dim : FILTER_ORDER) {
      String param = FILTERS.get(dim);
      List<Choice> choices = new ArrayList<>();
      for (FacetCount c : hits.facets().getOrDefault(dim, List.of())) {
        boolean chosen = c.value().equals(String.valueOf(params.get(param)));
        choices.add(
            new Choice(
                c.label() == null ? c.value() : c.label(),
                c.count(),
                Links.of(
                    "/",
                    Links.with(Links.with(params, param, chosen ? null : c.value()), "page", null)),
                chosen));
      }
      if (!choices.isEmpty()) {
        filters.add(new Filter(dim, t.t("page.search.filter." + dim), choices));
      }
    }
    int pages = (int) Math.min(100, (hits.total() + SIZE - 1) / SIZE);
    String previous = wanted > 1 ? Links.of("/", Links.with(params, "page", wanted - 1)) : null;
    String next = wanted < pages ? Links.of("/", Links.with(params, "page", wanted + 1)) : null;
    String title =
        text.isEmpty() ? t.t("page.search.title") : t.t("page.search.titleFor", "q", text);
    Page frame =
        Page.of(
            request, title, Links.of("/", Links.with(params, "page", wanted > 1 ? wanted : null)));
    return new ModelAndView<>(
        "search",
        Map.of(
            "view",
            new View(
                frame,
                text,
                order == null ? "relevance" : order,
                hits.total(),
                results,
                filters,
                params,
                previous,
                next,
                wanted,
                Math.max(1, pages))));
  }

  /** The orders a search can be read in, as the sort links show them. */
  public static final List<String> SORT_ORDER = List.of("relevance", "newest", "wage");

  /** The link that reads this search in another order, from its first page. */
  public static String sortLink(Map<String, Object> params, String sort) {
    return Links.of(
        "/",
        Links.with(
            Links.with(params, "sort", "relevance".equals(sort) ? null : sort), "page", null));
  }

  /** A title without highlighting, as parts: no markup of its own. */
  private static String plain(String title) {
    return title == null ? "" : title.replace("<b>", "").replace("</b>", "");
  }

  private static Long number(String value) {
    if (value == null || !value.matches("\\d{1,9}")) {
      return null;
    }
    return Long.valueOf(value);
  }
}
