package hongniang.search;

/**
 * A jobseeker search for staff: text over skills, wishes and experience, and filters (null means
 * any). {@code communityId} is forced to a matchmaker's own community by the caller. Facet counts
 * (community, status, category) only when {@code facets} is true: over a million profiles they cost
 * more than the search itself, and without them the total is exact up to 1000 hits.
 */
public record JobseekerQuery(
    String q,
    Long communityId,
    String status,
    String category,
    String schedule,
    String minEducation,
    Integer wageAtMost,
    Boolean willingOutside,
    String licence,
    Integer minAge,
    Integer maxAge,
    String sort,
    Boolean facets,
    Integer page,
    Integer size) {}
