package hongniang.matching;

import static hongniang.matching.Condition.Attribute.CATEGORY;
import static hongniang.matching.Condition.Attribute.COMMUNITY;
import static hongniang.matching.Condition.Attribute.CREATED_ON;
import static hongniang.matching.Condition.Attribute.FIRST_SCHEDULE;
import static hongniang.matching.Condition.Attribute.IN_DISTRICT;
import static hongniang.matching.Condition.Attribute.KEY;
import static hongniang.matching.Condition.Attribute.MIN_WAGE;
import static hongniang.matching.Condition.Attribute.SCHEDULE;
import static hongniang.matching.Condition.Attribute.UNEMPLOYED_SINCE;
import static hongniang.matching.Condition.Attribute.UPDATED_ON;
import static hongniang.matching.Condition.Attribute.WAGE_MAX;

import hongniang.common.DifficultyCategory;
import hongniang.common.Schedule;
import hongniang.matching.MatchKeys.Relation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The looser query of a "why not" list: candidates ranked by a rough score that ignores the hard
 * rules, so that the best pairs a rule excludes are among its top few hundred. Each clause is worth
 * the points of the best of its tiers a document meets; the clauses add up, and a candidate meets
 * at least one. The tiers are the {@link Scorer}'s own, built from its constants and weights: a
 * posting that meets a tier scores at least its points on that part.
 *
 * @param filters what every candidate must meet (a community)
 * @param clauses the parts of the rough score, each the best of its tiers
 */
public record LooseQuery(List<Condition> filters, List<List<Tier>> clauses) {

  /**
   * How many skills a posting is taken to list when ranking postings for a resident: each skill the
   * resident holds is worth this share of the skills weight. A guess, but the same for every
   * posting; the exact share is the scorer's, once the candidates are read.
   */
  static final int SKILLS_A_POSTING_LISTS = 2;

  /** Worth {@code points} when the condition holds. */
  public record Tier(Condition when, double points) {}

  public LooseQuery {
    filters = List.copyOf(filters);
    clauses = clauses.stream().map(List::copyOf).toList();
  }

  /** Open postings for a resident's "why not" list. */
  public static LooseQuery postingsFor(Jobseeker s, Scorer scorer, LocalDate today) {
    Weights w = scorer.weights();
    Builder b = new Builder();
    Map<Relation, Set<String>> relations = MatchKeys.relations(s);
    Set<String> desiredCodes = relations.getOrDefault(Relation.DESIRED_CODE, Set.of());
    Set<String> desiredGroups = relations.getOrDefault(Relation.DESIRED_GROUP, Set.of());
    Set<String> pastCodes = relations.getOrDefault(Relation.PAST_CODE, Set.of());
    Set<String> pastGroups = relations.getOrDefault(Relation.PAST_GROUP, Set.of());
    double occupation = w.occupation();
    b.clause(
        b.tier(KEY, desiredCodes, occupation * Scorer.occupation(Scorer.ASKED)),
        b.tier(KEY, desiredGroups, occupation * Scorer.occupation(Scorer.GROUP_ASKED)),
        b.tier(KEY, pastCodes, occupation * Scorer.occupation(Scorer.DONE)),
        s.desired().isEmpty()
            ? b.tier(KEY, pastGroups, occupation * Scorer.occupation(Scorer.DONE))
            : null);
    b.clause(
        b.tier(KEY, pastCodes, w.experience() * Scorer.DONE_IT),
        b.tier(KEY, pastGroups, w.experience() * Scorer.DONE_ITS_GROUP));
    for (String key : s.skillKeys()) {
      b.clause(b.tier(KEY, Set.of(MatchKeys.SKILL + key), w.skills() / SKILLS_A_POSTING_LISTS));
    }
    if (s.minWage() != null && s.minWage() > 0) {
      int min = s.minWage();
      List<Tier> tiers = new ArrayList<>();
      for (Scorer.WageTier t : Scorer.WAGE_TIERS) {
        long atLeast = (long) Math.ceil(min * t.ratio());
        tiers.add(b.tier(new Condition.AtLeast(WAGE_MAX, atLeast), w.wage() * t.fraction()));
      }
      b.clause(tiers.toArray(Tier[]::new));
    }
    b.clause(
        b.tier(
            COMMUNITY, Set.of(Long.toString(s.communityId())), w.place() * Scorer.SAME_COMMUNITY),
        b.tier(new Condition.Is(IN_DISTRICT, true), w.place() * Scorer.IN_DISTRICT),
        b.tier(KEY, Set.of(MatchKeys.CITY + scorer.homeCity()), w.place() * Scorer.IN_HOME_CITY));
    if (!s.schedules().isEmpty()) {
      b.clause(
          b.tier(
              SCHEDULE, Set.of(s.schedules().get(0).name()), w.schedule() * Scorer.PREFERRED_HOURS),
          b.tier(
              SCHEDULE,
              names(s.schedules(), Schedule::name),
              w.schedule() * Scorer.ACCEPTED_HOURS));
    }
    Scorer.AgeTiers age = Scorer.POSTING_AGE;
    List<Tier> fresh = new ArrayList<>();
    for (int i = 0; i < age.size(); i++) {
      fresh.add(
          b.tier(
              new Condition.AtLeast(CREATED_ON, today.minusDays(age.days(i)).toEpochDay()),
              w.freshness() * age.fraction(i)));
    }
    b.clause(fresh.toArray(Tier[]::new));
    return b.build();
  }

  /**
   * Jobseekers for a posting's "why not" list, within one community when {@code communityId} is
   * given. Parts every resident gets alike (a place in the district, any accepted hours, an old
   * profile) are left out; a tier is worth what it adds above them.
   */
  public static LooseQuery jobseekersFor(
      Posting o, Scorer scorer, Long communityId, LocalDate today) {
    Weights w = scorer.weights();
    Builder b = new Builder();
    if (communityId != null) {
      b.filters.add(Condition.anyOf(COMMUNITY, List.of(Long.toString(communityId))));
    }
    Map<Relation, Set<String>> relations = MatchKeys.relations(o);
    if (!relations.isEmpty()) {
      double occupation = w.occupation();
      b.clause(
          b.tier(
              KEY,
              relations.get(Relation.DESIRED_CODE),
              occupation * Scorer.occupation(Scorer.ASKED)),
          b.tier(
              KEY,
              relations.get(Relation.DESIRED_GROUP),
              occupation * Scorer.occupation(Scorer.GROUP_ASKED)),
          b.tier(
              KEY, relations.get(Relation.PAST_CODE), occupation * Scorer.occupation(Scorer.DONE)));
      b.clause(
          b.tier(KEY, relations.get(Relation.PAST_CODE), w.experience() * Scorer.DONE_IT),
          b.tier(KEY, relations.get(Relation.PAST_GROUP), w.experience() * Scorer.DONE_ITS_GROUP));
    }
    int listed = o.skillKeys().size();
    for (String key : o.skillKeys()) {
      b.clause(
          b.tier(KEY, Set.of(MatchKeys.SKILL + key), w.skills() * Scorer.skillShare(1, listed)));
    }
    int top = o.wageMax();
    List<Tier> wage = new ArrayList<>();
    for (Scorer.WageTier t : Scorer.WAGE_TIERS) {
      long atMost = (long) Math.floor(top / t.ratio());
      wage.add(b.tier(new Condition.AtMost(MIN_WAGE, atMost), w.wage() * t.fraction()));
    }
    b.clause(wage.toArray(Tier[]::new));
    if (o.communityId() != null) {
      b.clause(
          b.tier(
              COMMUNITY,
              Set.of(Long.toString(o.communityId())),
              w.place() * (Scorer.SAME_COMMUNITY - Scorer.IN_DISTRICT)));
    }
    b.clause(
        b.tier(
            FIRST_SCHEDULE,
            Set.of(o.schedule().name()),
            w.schedule() * (Scorer.PREFERRED_HOURS - Scorer.ACCEPTED_HOURS)));
    Scorer.AgeTiers age = Scorer.PROFILE_AGE;
    List<Tier> fresh = new ArrayList<>();
    for (int i = 0; i < age.size(); i++) {
      fresh.add(
          b.tier(
              new Condition.AtLeast(UPDATED_ON, today.minusDays(age.days(i)).toEpochDay()),
              w.freshness() * (age.fraction(i) - age.older())));
    }
    b.clause(fresh.toArray(Tier[]::new));
    b.clause(
        b.tier(
            CATEGORY,
            names(Arrays.asList(DifficultyCategory.values()), DifficultyCategory::name),
            w.priority() * Scorer.priority(1, false)));
    b.clause(
        b.tier(
            new Condition.AtMost(UNEMPLOYED_SINCE, Scorer.longUnemployedFrom(today).toEpochDay()),
            w.priority() * Scorer.LONG_UNEMPLOYED));
    return b.build();
  }

  private static <T> Set<String> names(Collection<T> items, Function<T, String> of) {
    Set<String> out = new LinkedHashSet<>();
    items.forEach(x -> out.add(of.apply(x)));
    return out;
  }

  /** Collects clauses, leaving out tiers worth nothing and clauses with no tier left. */
  private static final class Builder {
    final List<Condition> filters = new ArrayList<>();
    final List<List<Tier>> clauses = new ArrayList<>();

    Tier tier(Condition.Attribute attribute, Set<String> values, double points) {
      return values.isEmpty() ? null : tier(new Condition.AnyOf(attribute, values), points);
    }

    Tier tier(Condition when, double points) {
      return points > 0 ? new Tier(when, points) : null;
    }

    void clause(Tier... tiers) {
      List<Tier> present = new ArrayList<>();
      for (Tier t : tiers) {
        if (t != null) {
          present.add(t);
        }
      }
      if (!present.isEmpty()) {
        clauses.add(present);
      }
    }

    LooseQuery build() {
      return new LooseQuery(filters, clauses);
    }
  }
}
