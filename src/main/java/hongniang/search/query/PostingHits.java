package hongniang.search.query;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A page of posting search results with the total and facet counts. */
@Serdeable
public record PostingHits(
    long total,
    boolean totalExact,
    int page,
    int size,
    List<Hit> hits,
    Map<String, List<FacetCount>> facets) {

  /** The same page with other facets (the same counts, labelled). */
  public PostingHits withFacets(Map<String, List<FacetCount>> labelled) {
    return new PostingHits(total, totalExact, page, size, hits, labelled);
  }

  /** One open posting as search shows it, with highlighted snippets (matches in {@code <b>}). */
  @Serdeable
  public record Hit(
      long id,
      String title,
      long partnerUnitId,
      String partnerUnitName,
      String occupation,
      String occupationGroup,
      Long communityId,
      String city,
      String schedule,
      int wageMin,
      int wageMax,
      String wageNote,
      int remaining,
      boolean publicWelfare,
      boolean accommodation,
      boolean disabilityFriendly,
      List<String> requiredLicences,
      LocalDate validThrough,
      float score,
      Map<String, String> highlights) {}
}
