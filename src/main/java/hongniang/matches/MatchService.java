package hongniang.matches;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.MessageKey;
import hongniang.communities.CommunityService;
import hongniang.documents.MatchRecords;
import hongniang.matching.CandidateSource;
import hongniang.matching.Jobseeker;
import hongniang.matching.Matcher;
import hongniang.matching.Posting;
import hongniang.matching.Scorer;
import hongniang.partners.PartnerService;
import hongniang.security.Caller;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Ranked, explained matches both ways, for the API: who may ask for whose matches, and what they
 * see. The matching itself is the {@link Matcher}'s: candidates from the search index, records
 * fresh from PostgreSQL, hard rules and scores.
 */
@Singleton
public class MatchService {

  static final int MAX_SIZE = 100;
  private static final int EXCLUDED_SHOWN = 10;

  private final CandidateSource candidates;
  private final MatchRecords records;
  private final MatchingSettings settings;
  private final Matcher matcher;
  private final Clock clock;
  private final PartnerService partners;
  private final CommunityService communities;

  MatchService(
      CandidateSource candidates,
      MatchRecords records,
      MatchingSettings settings,
      Clock clock,
      PartnerService partners,
      CommunityService communities) {
    this.candidates = candidates;
    this.records = records;
    this.settings = settings;
    this.matcher = matcher(settings.scorer());
    this.clock = clock;
    this.partners = partners;
    this.communities = communities;
  }

  private static String unitName(Map<Long, PartnerService.UnitCard> units, long id) {
    PartnerService.UnitCard card = units.get(id);
    return card == null ? null : card.name();
  }

  /** A matcher with another scorer: the evaluation and the benchmarks compare weightings. */
  public Matcher matcher(Scorer scorer) {
    return new Matcher(candidates, records, scorer);
  }

  /** Open postings for a resident: the resident themself, their matchmaker, or an admin. */
  public PostingMatches forJobseeker(
      Caller caller, long jobseekerId, Integer size, String explain) {
    int n = size(size);
    boolean whyNot = explain(explain);
    Jobseeker jobseeker = visibleJobseeker(caller, jobseekerId);
    LocalDate today = LocalDate.now(clock);
    var ranked = matcher.postingsFor(jobseeker, n, today);
    Map<Long, PartnerService.UnitCard> units =
        partners.unitCards(ranked.stream().map(x -> x.item().unitId()).toList());
    Map<Long, String> places = communities.namesById();
    List<PostingMatches.Hit> hits =
        ranked.stream()
            .map(
                x ->
                    new PostingMatches.Hit(
                        x.item().id(),
                        x.item().title(),
                        x.item().unitId(),
                        unitName(units, x.item().unitId()),
                        x.item().work() == null ? null : x.item().work().name(),
                        x.item().communityId(),
                        x.item().communityId() == null ? null : places.get(x.item().communityId()),
                        x.item().city(),
                        x.item().schedule().name(),
                        x.item().wageMin(),
                        x.item().wageMax(),
                        x.item().remaining(),
                        PartView.round(x.match().score()),
                        x.match().max(),
                        PartView.of(x.match().parts())))
            .toList();
    List<PostingMatches.Excluded> excluded = null;
    if (whyNot) {
      excluded =
          matcher
              .excludedPostingsFor(jobseeker, EXCLUDED_SHOWN, settings.getCandidates(), today)
              .stream()
              .map(
                  x ->
                      new PostingMatches.Excluded(
                          x.item().id(),
                          x.item().title(),
                          PartView.round(x.match().score()),
                          ExclusionView.of(x.rules())))
              .toList();
    }
    return new PostingMatches(jobseekerId, hits, excluded);
  }

  /** A licence the resident lacks, and how many open postings it alone keeps from them. */
  public record LicenceOpening(String licence, int postings) {}

  /**
   * What a licence would open for the resident: among the "why not" candidates (the best {@code
   * hongniang.matching.candidates} postings of the looser query), those excluded only because one
   * licence is missing, counted per licence, most first. Postings that another rule excludes too,
   * or that need two missing licences, are not counted; nothing of a posting is shown but the
   * count. For the resident themself, their matchmaker, or an admin.
   */
  public List<LicenceOpening> licenceOpenings(Caller caller, long jobseekerId) {
    Jobseeker jobseeker = visibleJobseeker(caller, jobseekerId);
    LocalDate today = LocalDate.now(clock);
    int searched = settings.getCandidates();
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (var x : matcher.excludedPostingsFor(jobseeker, searched, searched, today)) {
      if (x.rules().size() != 1 || !LICENCE_MISSING.equals(x.rules().get(0).rule())) {
        continue;
      }
      java.util.Set<String> missing = new java.util.TreeSet<>(x.item().requiredLicences());
      missing.removeAll(jobseeker.licences());
      if (missing.size() == 1) {
        counts.merge(missing.iterator().next(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .map(e -> new LicenceOpening(e.getKey(), e.getValue()))
        .sorted(java.util.Comparator.comparingInt(LicenceOpening::postings).reversed())
        .toList();
  }

  private static final String LICENCE_MISSING = "LicenceMissing";

  /**
   * Jobseekers for a posting, for staff: a matchmaker sees their own community's residents, an
   * admin everyone's. Employers never reach this: they see residents only through referrals.
   */
  public JobseekerMatches forPosting(Caller caller, long postingId, Integer size, String explain) {
    int n = size(size);
    boolean whyNot = explain(explain);
    if (!caller.isStaff()) {
      throw ApiProblem.forbidden(
          MessageKey.of("forbidden.rankResidents"),
          "only matchmakers and admins rank residents for a posting");
    }
    Posting posting =
        records.posting(postingId).orElseThrow(() -> ApiProblem.notFound("posting", postingId));
    if (caller.isMatchmaker() && caller.communityId() == null) {
      throw ApiProblem.forbidden(
          MessageKey.of("forbidden.noCommunity"),
          "this matchmaker account is bound to no community");
    }
    Long community = caller.isAdmin() ? null : caller.communityId();
    LocalDate today = LocalDate.now(clock);
    Map<Long, String> places = communities.namesById();
    List<JobseekerMatches.Hit> hits =
        matcher.jobseekersFor(posting, n, community, today).stream()
            .map(
                x ->
                    new JobseekerMatches.Hit(
                        x.item().id(),
                        x.item().name(),
                        x.item().communityId(),
                        places.get(x.item().communityId()),
                        today.getYear() - x.item().birthYear(),
                        x.item().status(),
                        PartView.round(x.match().score()),
                        x.match().max(),
                        PartView.of(x.match().parts())))
            .toList();
    List<JobseekerMatches.Excluded> excluded = null;
    if (whyNot) {
      excluded =
          matcher
              .excludedJobseekersFor(
                  posting,
                  EXCLUDED_SHOWN,
                  settings.getCandidates(),
                  community,
                  s -> visible(caller, s),
                  today)
              .stream()
              .map(
                  x ->
                      new JobseekerMatches.Excluded(
                          x.item().id(),
                          x.item().name(),
                          PartView.round(x.match().score()),
                          ExclusionView.of(x.rules())))
              .toList();
    }
    return new JobseekerMatches(postingId, hits, excluded);
  }

  /** The resident if the caller may see them; not found otherwise, as if there were none. */
  private Jobseeker visibleJobseeker(Caller caller, long jobseekerId) {
    return records
        .jobseeker(jobseekerId)
        .filter(s -> visible(caller, s))
        .orElseThrow(() -> ApiProblem.notFound("jobseeker", jobseekerId));
  }

  /** A resident's own profile, their community's matchmaker, any admin. */
  private static boolean visible(Caller caller, Jobseeker s) {
    if (caller.isResident()) {
      return caller.jobseekerId() != null && caller.jobseekerId() == s.id();
    }
    return caller.seesCommunity(s.communityId());
  }

  private static int size(Integer size) {
    if (size == null) {
      return 20;
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ApiProblem.invalid(FieldError.range("size", 1, MAX_SIZE));
    }
    return size;
  }

  private static boolean explain(String explain) {
    if (explain == null || explain.isBlank()) {
      return false;
    }
    if (!"excluded".equals(explain)) {
      throw ApiProblem.invalid(FieldError.oneOf("explain", List.of("excluded")));
    }
    return true;
  }
}
