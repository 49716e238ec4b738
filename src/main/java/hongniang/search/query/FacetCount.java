package hongniang.search.query;

import io.micronaut.serde.annotation.Serdeable;

/** One facet value and how many hits have it. */
@Serdeable
public record FacetCount(String value, long count) {}
