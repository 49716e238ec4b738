package hongniang.matching;

import hongniang.common.DifficultyCategory;
import hongniang.matching.Condition.Attribute;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each {@link Attribute} is on a record: a set of text values, a number (days as epoch days),
 * or a yes or no; null for a number it does not have. The search index stores the same, field by
 * field, and a test in {@code search} holds the two against each other.
 */
final class Attributes {

  private Attributes() {}

  static Object of(Attribute a, Posting p) {
    return switch (a) {
      case KEY -> Set.copyOf(MatchKeys.of(p));
      case COMMUNITY -> p.communityId() == null ? Set.of() : Set.of(Long.toString(p.communityId()));
      case IN_DISTRICT -> p.communityId() != null;
      case SCHEDULE -> Set.of(p.schedule().name());
      case WAGE_MAX -> (long) p.wageMax();
      case CREATED_ON -> p.createdOn().toEpochDay();
      case VALID_THROUGH -> p.validThrough().toEpochDay();
      // no agreement: valid until before the first day there is
      case AGREEMENT_UNTIL ->
          p.agreementValidUntil() == null ? Long.MIN_VALUE : p.agreementValidUntil().toEpochDay();
      case PUBLIC_WELFARE -> p.publicWelfare();
      default -> throw new IllegalArgumentException(a + " is not an attribute of a posting");
    };
  }

  static Object of(Attribute a, Jobseeker j) {
    return switch (a) {
      case KEY -> Set.copyOf(MatchKeys.of(j));
      case COMMUNITY -> Set.of(Long.toString(j.communityId()));
      case FIRST_SCHEDULE ->
          j.schedules().isEmpty() ? Set.of() : Set.of(j.schedules().get(0).name());
      case MIN_WAGE -> j.minWage() == null ? 0L : (long) j.minWage();
      case UPDATED_ON -> j.updatedOn().toEpochDay();
      case CATEGORY ->
          j.categories().stream().map(DifficultyCategory::name).collect(Collectors.toSet());
      case UNEMPLOYED_SINCE ->
          j.unemployedSince() == null ? null : j.unemployedSince().toEpochDay();
      default -> throw new IllegalArgumentException(a + " is not an attribute of a jobseeker");
    };
  }
}
