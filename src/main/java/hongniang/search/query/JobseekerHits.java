package hongniang.search.query;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** A page of jobseeker search results, for staff only. */
@Serdeable
public record JobseekerHits(
    long total,
    boolean totalExact,
    int page,
    int size,
    List<Hit> hits,
    Map<String, List<FacetCount>> facets) {

  /** The same page with other facets (the same counts, labelled). */
  public JobseekerHits withFacets(Map<String, List<FacetCount>> labelled) {
    return new JobseekerHits(total, totalExact, page, size, hits, labelled);
  }

  /** One resident as search shows them: no ID number, no phone. */
  @Serdeable
  public record Hit(
      long id,
      String name,
      String gender,
      int birthYear,
      long communityId,
      String status,
      String education,
      List<String> skills,
      List<String> desiredOccupations,
      List<String> difficultyCategories,
      List<String> licences,
      int minWage,
      float score,
      Map<String, String> highlights) {}
}
