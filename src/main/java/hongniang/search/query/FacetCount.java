package hongniang.search.query;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One facet value, how many hits have it, and its label in the caller's language (a community's
 * name, a group's or a schedule's label; the value itself where there is none).
 */
@Serdeable
public record FacetCount(String value, long count, String label) {

  /** A count not labelled yet. */
  public FacetCount(String value, long count) {
    this(value, count, null);
  }

  /** The same count with a label. */
  public FacetCount withLabel(String text) {
    return new FacetCount(value, count, text);
  }
}
