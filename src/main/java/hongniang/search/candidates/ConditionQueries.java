package hongniang.search.candidates;

import static hongniang.search.index.IndexSchema.AGREEMENT_UNTIL;
import static hongniang.search.index.IndexSchema.CATEGORY;
import static hongniang.search.index.IndexSchema.COMMUNITY;
import static hongniang.search.index.IndexSchema.CREATED;
import static hongniang.search.index.IndexSchema.FIRST_SCHEDULE;
import static hongniang.search.index.IndexSchema.MATCH_KEY;
import static hongniang.search.index.IndexSchema.MIN_WAGE;
import static hongniang.search.index.IndexSchema.OUTSIDE;
import static hongniang.search.index.IndexSchema.PUBLIC_WELFARE;
import static hongniang.search.index.IndexSchema.SCHEDULE;
import static hongniang.search.index.IndexSchema.UNEMPLOYED_SINCE;
import static hongniang.search.index.IndexSchema.UPDATED;
import static hongniang.search.index.IndexSchema.VALID_THROUGH;
import static hongniang.search.index.IndexSchema.WAGE_MAX;

import hongniang.matching.Condition;
import hongniang.matching.Condition.Attribute;
import hongniang.matching.LooseQuery;
import hongniang.search.index.HitSets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Matching's conditions as queries on the index's fields: the one place where matching's attributes
 * meet the field names and encodings of {@code IndexSchema} and {@code LuceneDocuments}. {@code
 * ConditionQueriesTest} holds every attribute's query against {@link Condition#holds} on indexed
 * records.
 */
final class ConditionQueries {

  private final ZoneId zone;

  ConditionQueries(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * A filter for bit sets ({@link HitSets}): any of several values as a union of single terms, so
   * that each term's cached set serves every query that asks for it.
   */
  Query filter(Condition c) {
    if (c instanceof Condition.AnyOf any) {
      return HitSets.anyOf(field(any.attribute()), any.values());
    }
    return other(c);
  }

  /** A clause for a scoring search: any of several values as one set of terms. */
  Query scored(Condition c) {
    if (c instanceof Condition.AnyOf any) {
      String field = field(any.attribute());
      return any.values().size() == 1
          ? new TermQuery(new Term(field, any.values().iterator().next()))
          : new TermInSetQuery(field, any.values().stream().map(BytesRef::new).toList());
    }
    return other(c);
  }

  /**
   * The looser "why not" query: its filters required, each clause the best of its tiers (constant
   * scores worth the tier's points), at least one clause met.
   */
  Query loose(LooseQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Condition filter : q.filters()) {
      b.add(scored(filter), BooleanClause.Occur.FILTER);
    }
    for (List<LooseQuery.Tier> clause : q.clauses()) {
      List<Query> tiers =
          clause.stream()
              .map(
                  t ->
                      (Query)
                          new BoostQuery(
                              new ConstantScoreQuery(scored(t.when())), (float) t.points()))
              .toList();
      b.add(
          tiers.size() == 1 ? tiers.get(0) : new DisjunctionMaxQuery(tiers, 0f),
          BooleanClause.Occur.SHOULD);
    }
    b.setMinimumNumberShouldMatch(1);
    return b.build();
  }

  /** The field of an attribute whose values are terms. */
  private static String field(Attribute a) {
    return switch (a) {
      case KEY -> MATCH_KEY;
      case COMMUNITY -> COMMUNITY;
      case SCHEDULE -> SCHEDULE;
      case FIRST_SCHEDULE -> FIRST_SCHEDULE;
      case CATEGORY -> CATEGORY;
      default -> throw new IllegalArgumentException(a + " has no terms to be any of");
    };
  }

  /** Ranges and yes-or-no attributes. */
  private Query other(Condition c) {
    if (c instanceof Condition.Is is) {
      return switch (is.attribute()) {
        // the index says whether work is outside the district
        case IN_DISTRICT -> new TermQuery(new Term(OUTSIDE, Boolean.toString(!is.value())));
        case PUBLIC_WELFARE -> new TermQuery(new Term(PUBLIC_WELFARE, is.value() ? "1" : "0"));
        default -> throw new IllegalArgumentException(is.attribute() + " is not a yes or no");
      };
    }
    boolean atLeast = c instanceof Condition.AtLeast;
    long value = atLeast ? ((Condition.AtLeast) c).value() : ((Condition.AtMost) c).value();
    return switch (c.attribute()) {
      case WAGE_MAX -> ints(WAGE_MAX, atLeast, value);
      case MIN_WAGE -> ints(MIN_WAGE, atLeast, value);
      case VALID_THROUGH -> longs(VALID_THROUGH, atLeast, value);
      case AGREEMENT_UNTIL -> longs(AGREEMENT_UNTIL, atLeast, value);
      case UNEMPLOYED_SINCE -> longs(UNEMPLOYED_SINCE, atLeast, value);
      // the index keeps these as instants: a day is from its first millisecond, in the
      // service's time zone, to the last
      case CREATED_ON -> longs(CREATED, atLeast, dayMillis(value, atLeast));
      case UPDATED_ON -> longs(UPDATED, atLeast, dayMillis(value, atLeast));
      default -> throw new IllegalArgumentException(c.attribute() + " is not a number");
    };
  }

  /** The first millisecond of the day, or the last. */
  private long dayMillis(long epochDay, boolean first) {
    LocalDate day = LocalDate.ofEpochDay(first ? epochDay : epochDay + 1);
    long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
    return first ? start : start - 1;
  }

  private static Query ints(String field, boolean atLeast, long value) {
    int v = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    return atLeast
        ? IntField.newRangeQuery(field, v, Integer.MAX_VALUE)
        : IntField.newRangeQuery(field, Integer.MIN_VALUE, v);
  }

  private static Query longs(String field, boolean atLeast, long value) {
    return atLeast
        ? LongField.newRangeQuery(field, value, Long.MAX_VALUE)
        : LongField.newRangeQuery(field, Long.MIN_VALUE, value);
  }
}
