package hongniang.search;

/**
 * A jobseeker search for staff: text over skills, wishes and experience, and filters (null means
 * any). {@code communityId} is forced to a matchmaker's own community by the caller.
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
    Integer page,
    Integer size) {}
