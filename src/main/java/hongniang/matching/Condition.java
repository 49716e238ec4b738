package hongniang.matching;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A condition on the postings or jobseekers the search index holds, in matching's words: an
 * attribute and what it must be. Matching asks the index for candidates with conditions (the hard
 * rules' fast forms, the rings of the exact search, the looser "why not" query), and {@code search}
 * turns each into a query on its fields. {@link #holds(Posting)} and {@link #holds(Jobseeker)} say
 * what a condition means on a record, so tests can hold the index's answers against them.
 */
public sealed interface Condition {

  /** What a condition looks at; each attribute belongs to postings, jobseekers or both. */
  enum Attribute {
    /** Postings and jobseekers: the names matching compares ({@link MatchKeys}). */
    KEY,
    /** Postings: the community of the work (none outside the district); jobseekers: theirs. */
    COMMUNITY,
    /** Postings: work in one of the district's communities. */
    IN_DISTRICT,
    /** Postings: the schedule. */
    SCHEDULE,
    /** Jobseekers: the schedule they name first (none when they name none). */
    FIRST_SCHEDULE,
    /** Postings: the top wage. */
    WAGE_MAX,
    /** Jobseekers: the lowest wage they accept, 0 when they state none. */
    MIN_WAGE,
    /** Postings: the day the posting was made, as an epoch day. */
    CREATED_ON,
    /** Jobseekers: the day the profile last changed, as an epoch day. */
    UPDATED_ON,
    /** Postings: the posting's last valid day. */
    VALID_THROUGH,
    /** Postings: the last day of the unit's active agreement; the earliest day when it has none. */
    AGREEMENT_UNTIL,
    /** Postings: a public-welfare post. */
    PUBLIC_WELFARE,
    /** Jobseekers: their employment-difficulty categories. */
    CATEGORY,
    /** Jobseekers: the day they have been out of work since (none when they are not). */
    UNEMPLOYED_SINCE
  }

  /** What the condition looks at. */
  Attribute attribute();

  /** The attribute has at least one of the values. */
  record AnyOf(Attribute attribute, Set<String> values) implements Condition {
    public AnyOf {
      // sorted, so that a query built from it reads the same every time
      values = Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
  }

  /** The attribute is a number (days as epoch days) at least {@code value}; none is not. */
  record AtLeast(Attribute attribute, long value) implements Condition {}

  /** The attribute is a number at most {@code value}; none is not. */
  record AtMost(Attribute attribute, long value) implements Condition {}

  /** The attribute, a yes or no, is {@code value}. */
  record Is(Attribute attribute, boolean value) implements Condition {}

  /** The attribute has any of the values. */
  static Condition anyOf(Attribute attribute, Collection<String> values) {
    return new AnyOf(attribute, Set.copyOf(values));
  }

  /** True when the posting meets the condition. */
  default boolean holds(Posting p) {
    return holds(this, Attributes.of(attribute(), p));
  }

  /** True when the jobseeker meets the condition. */
  default boolean holds(Jobseeker j) {
    return holds(this, Attributes.of(attribute(), j));
  }

  private static boolean holds(Condition c, Object value) {
    if (c instanceof AnyOf any) {
      return ((Set<?>) value).stream().anyMatch(any.values()::contains);
    }
    if (c instanceof AtLeast least) {
      return value != null && (Long) value >= least.value();
    }
    if (c instanceof AtMost most) {
      return value != null && (Long) value <= most.value();
    }
    return (Boolean) value == ((Is) c).value();
  }
}
