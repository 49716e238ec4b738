package hongniang.search.query;

import java.util.List;

/**
 * A jobseeker search for staff: text over skills, wishes and experience, and filters (null means
 * any). {@code communityId} is forced to a matchmaker's own community by the caller. Facet counts
 * (community, status, category) only when {@code facets} is true: over a million profiles they cost
 * more than the search itself, and without them the total is exact up to 1000 hits. Highlighted
 * snippets only when {@code highlight} is true: a hit already lists the resident's skills and
 * wishes, and marking the matched words cost a third of a search. A null {@code status} means
 * residents still looking for work (not {@link #NOT_LOOKING}); {@link #ANY_STATUS} means every one.
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
    Boolean highlight,
    Integer page,
    Integer size) {

  /** The status that asks for every resident, whatever their status. */
  public static final String ANY_STATUS = "ANY";

  /** Statuses of residents no longer looking: left out unless asked for. */
  public static final List<String> NOT_LOOKING = List.of("EMPLOYED", "INACTIVE");
}
