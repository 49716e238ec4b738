package hongniang.search.api;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.search.index.SearchIndex;
import hongniang.search.query.JobseekerHits;
import hongniang.search.query.JobseekerQuery;
import hongniang.search.query.PostingHits;
import hongniang.search.query.PostingQuery;
import hongniang.search.query.Searches;
import hongniang.search.suggest.Suggester;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Search: open postings for anyone, resident profiles for staff, suggestions as one types, and the
 * admin's rebuild.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Search")
class SearchController {

  private final Searches searches;
  private final Suggester suggester;
  private final SearchIndex index;
  private final FacetLabels labels;

  SearchController(Searches searches, Suggester suggester, SearchIndex index, FacetLabels labels) {
    this.searches = searches;
    this.suggester = suggester;
    this.index = index;
    this.labels = labels;
  }

  /** Chinese unless the caller asks for English ({@code Accept-Language: en}). */
  private static Locale locale(HttpRequest<?> request) {
    // as errors are: English when asked for, Chinese otherwise (fr gets Chinese, not a mix)
    return request
        .getLocale()
        .filter(l -> "en".equals(l.getLanguage()))
        .orElse(Locale.SIMPLIFIED_CHINESE);
  }

  /**
   * Open postings of valid partners. {@code q} is text (Chinese, pinyin or initials; never query
   * syntax); filters narrow; {@code heldLicences} (comma-separated) keeps postings whose required
   * licences are all held; {@code sort} is relevance, newest or wage.
   */
  @Get("/postings/search")
  @Secured(SecurityRule.IS_ANONYMOUS)
  PostingHits searchPostings(
      HttpRequest<?> request,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue Long communityId,
      @Nullable @QueryValue Boolean outsideDistrict,
      @Nullable @QueryValue String city,
      @Nullable @QueryValue hongniang.common.Schedule schedule,
      @Nullable @QueryValue Integer wageFrom,
      @Nullable @QueryValue Integer wageTo,
      @Nullable @QueryValue Boolean publicWelfare,
      @Nullable @QueryValue Boolean accommodation,
      @Nullable @QueryValue Boolean disabilityFriendly,
      @Nullable @QueryValue String heldLicences,
      @Nullable @QueryValue String group,
      @Nullable @QueryValue Long partnerUnitId,
      @Nullable @QueryValue String sort,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    PostingHits hits =
        searches.postings(
            new PostingQuery(
                q,
                communityId,
                outsideDistrict,
                city,
                schedule == null ? null : schedule.name(),
                wageFrom,
                wageTo,
                publicWelfare,
                accommodation,
                disabilityFriendly,
                heldLicences == null ? null : split(heldLicences),
                group,
                partnerUnitId,
                sort,
                page,
                size));
    return hits.withFacets(labels.label(hits.facets(), locale(request)));
  }

  /** The statuses a resident search filters by; {@code ANY} drops the default filter. */
  static final List<String> JOBSEEKER_STATUSES =
      List.of("SEEKING", "REFERRED", "EMPLOYED", "INACTIVE", JobseekerQuery.ANY_STATUS);

  /**
   * Resident profiles by skill and wish; a matchmaker searches their own community only. Without a
   * status, only residents still looking for work.
   */
  @Get("/jobseekers/search")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  JobseekerHits searchJobseekers(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue Long communityId,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue hongniang.common.DifficultyCategory category,
      @Nullable @QueryValue hongniang.common.Schedule schedule,
      @Nullable @QueryValue hongniang.common.Education minEducation,
      @Nullable @QueryValue Integer wageAtMost,
      @Nullable @QueryValue Boolean willingOutside,
      @Nullable @QueryValue String licence,
      @Nullable @QueryValue Integer minAge,
      @Nullable @QueryValue Integer maxAge,
      @Nullable @QueryValue String sort,
      @Nullable @QueryValue Boolean facets,
      @Nullable @QueryValue Boolean highlight,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    String wanted = status == null || status.isBlank() ? null : status.trim().toUpperCase();
    if (wanted != null && !JOBSEEKER_STATUSES.contains(wanted)) {
      // without a status, residents still looking for work (not EMPLOYED or INACTIVE)
      throw ApiProblem.invalid(
          FieldError.oneOf("status", JOBSEEKER_STATUSES).saying("rule.OneOf.jobseekerStatus"));
    }
    Caller caller = Caller.of(auth);
    Long community = communityId;
    if (caller.isMatchmaker()) {
      if (communityId != null && !communityId.equals(caller.communityId())) {
        throw ApiProblem.notFound("community", communityId);
      }
      community = caller.communityId();
    }
    JobseekerHits hits =
        searches.jobseekers(
            new JobseekerQuery(
                q,
                community,
                wanted,
                category == null ? null : category.name(),
                schedule == null ? null : schedule.name(),
                minEducation == null ? null : minEducation.name(),
                wageAtMost,
                willingOutside,
                licence,
                minAge,
                maxAge,
                sort,
                facets,
                highlight,
                page,
                size));
    return hits.withFacets(labels.label(hits.facets(), locale(request)));
  }

  /** Titles and occupations that start with what was typed: characters, pinyin or initials. */
  @Get("/suggest")
  @Secured(SecurityRule.IS_ANONYMOUS)
  List<Suggester.Suggestion> suggest(
      @Nullable @QueryValue String q, @Nullable @QueryValue Integer limit) {
    int n = limit == null ? 10 : limit;
    if (n < 1 || n > 20) {
      throw ApiProblem.invalid(FieldError.range("limit", 1, 20));
    }
    return suggester.suggest(Searches.clean(q), n);
  }

  /** Rebuilds both indexes from PostgreSQL and switches to them; searches go on meanwhile. */
  @Post("/search/rebuild")
  @Secured(Role.ADMIN_NAME)
  SearchIndex.RebuildReport rebuild() {
    SearchIndex.RebuildReport report = index.rebuild();
    suggester.refresh();
    return report;
  }

  /** Document counts and the outbox rows still waiting. */
  @Get("/search/status")
  @Secured(Role.ADMIN_NAME)
  Status status() {
    Map<String, Integer> counts = index.counts();
    return new Status(counts.get("postings"), counts.get("jobseekers"), index.pendingChanges());
  }

  /** The index's state. */
  @Serdeable
  record Status(int postings, int jobseekers, long pendingChanges) {}

  private static List<String> split(String csv) {
    return Arrays.stream(csv.split("[,，;；]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
