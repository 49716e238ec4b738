package hongniang.matching;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Schedule;
import hongniang.matching.Condition.Attribute;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The requirements that exclude a pair outright, never merely rank it low: the one table of them.
 * Each rule has a stable name for APIs and tests, its test (the definition), a reason for people,
 * and its fast forms:
 *
 * <ul>
 *   <li>the conditions the search index filters by, written here beside the test ({@link
 *       #postingConditions}, {@link #jobseekerConditions}); "none" where the index cannot tell
 *       cheaply, which only means more documents reach the columns;
 *   <li>the checks on columns that the exact search and the match board run for every pair, in
 *       {@code matching.ranking} ({@code PostingsForJobseeker} and {@code JobseekersForPosting}:
 *       {@code passesPlainRules}, and {@code KeyedRanking} for the licences).
 * </ul>
 *
 * <p>{@code HardRuleFormsTest} fails when a rule has no case there, when a pair that breaks only
 * one rule gets past a fast form, or when a filter would drop a pair the rules allow.
 */
public final class HardRules {

  private interface Test {
    boolean broken(Jobseeker s, Posting o, LocalDate today);
  }

  private interface Because {
    Reason reason(Jobseeker s, Posting o, LocalDate today);
  }

  /** Conditions every posting a jobseeker may be proposed for meets, as far as one rule says. */
  private interface OnPostings {
    List<Condition> of(Jobseeker s, LocalDate today);
  }

  /** Conditions every jobseeker a posting may be proposed to meets, as far as one rule says. */
  private interface OnJobseekers {
    List<Condition> of(Posting o, LocalDate today);
  }

  /** A rule the index does not filter by. */
  private static final OnPostings NO_POSTING_FILTER = (s, t) -> List.of();

  private static final OnJobseekers NO_JOBSEEKER_FILTER = (o, t) -> List.of();

  /** What a rule looks at: a rule on one side alone excludes that side from every pair. */
  private enum Scope {
    JOBSEEKER,
    POSTING,
    PAIR
  }

  private record Rule(
      String name,
      Scope scope,
      Test test,
      Because because,
      OnPostings onPostings,
      OnJobseekers onJobseekers) {}

  private static final List<Rule> ALL =
      List.of(
          new Rule(
              "NotSeeking",
              Scope.JOBSEEKER,
              (s, o, t) -> !s.seeking(),
              (s, o, t) ->
                  Reason.of(
                      "居民当前不在求职（" + statusZh(s.status()) + "）",
                      "the resident is not looking for work (" + s.status().toLowerCase() + ")"),
              // excluded before any posting is read (admitsJobseeker)
              NO_POSTING_FILTER,
              NO_JOBSEEKER_FILTER),
          new Rule(
              "PostingNotOpen",
              Scope.POSTING,
              (s, o, t) -> !"OPEN".equals(o.status()),
              (s, o, t) ->
                  Reason.of(
                      "岗位未在招聘（" + postingStatusZh(o.status()) + "）",
                      "the posting is not open (" + o.status().toLowerCase() + ")"),
              // only open postings are in the index; a closed one is excluded before any jobseeker
              NO_POSTING_FILTER,
              NO_JOBSEEKER_FILTER),
          new Rule(
              "PostingFull",
              Scope.POSTING,
              (s, o, t) -> o.remaining() <= 0,
              (s, o, t) -> Reason.of("岗位已招满", "the posting is full"),
              NO_POSTING_FILTER,
              NO_JOBSEEKER_FILTER),
          new Rule(
              "PostingExpired",
              Scope.POSTING,
              (s, o, t) -> o.validThrough().isBefore(t),
              (s, o, t) ->
                  Reason.of(
                      "岗位有效期已过（" + o.validThrough() + "）",
                      "the posting expired on " + o.validThrough()),
              (s, t) -> List.of(new Condition.AtLeast(Attribute.VALID_THROUGH, t.toEpochDay())),
              NO_JOBSEEKER_FILTER),
          new Rule(
              "AgreementNotValid",
              Scope.POSTING,
              (s, o, t) -> o.agreementValidUntil() == null || o.agreementValidUntil().isBefore(t),
              (s, o, t) ->
                  Reason.of(
                      "用工单位没有有效的劳动信息协议", "the employer has no valid labour-information agreement"),
              (s, t) -> List.of(new Condition.AtLeast(Attribute.AGREEMENT_UNTIL, t.toEpochDay())),
              NO_JOBSEEKER_FILTER),
          new Rule(
              "LicenceMissing",
              Scope.PAIR,
              (s, o, t) -> !s.licences().containsAll(o.requiredLicences()),
              (s, o, t) -> {
                Set<String> missing = new TreeSet<>(o.requiredLicences());
                missing.removeAll(s.licences());
                return Reason.of(
                    "缺少所需的" + Labels.zh(missing), "lacks the required " + Labels.en(missing));
              },
              NO_POSTING_FILTER,
              (o, t) ->
                  o.requiredLicences().stream()
                      .map(l -> Condition.anyOf(Attribute.KEY, List.of(MatchKeys.LICENCE + l)))
                      .toList()),
          new Rule(
              "PublicWelfareNotEligible",
              Scope.PAIR,
              (s, o, t) -> o.publicWelfare() && s.categories().isEmpty(),
              (s, o, t) ->
                  Reason.of(
                      "公益性岗位仅面向就业困难人员",
                      "public-welfare posts are only for residents with an employment-difficulty"
                          + " category"),
              (s, t) ->
                  s.categories().isEmpty()
                      ? List.of(new Condition.Is(Attribute.PUBLIC_WELFARE, false))
                      : List.of(),
              (o, t) ->
                  o.publicWelfare()
                      ? List.of(
                          Condition.anyOf(
                              Attribute.CATEGORY,
                              Arrays.stream(DifficultyCategory.values())
                                  .map(DifficultyCategory::name)
                                  .toList()))
                      : List.of()),
          new Rule(
              "ScheduleNotAcceptable",
              Scope.PAIR,
              (s, o, t) -> !s.schedules().isEmpty() && !s.schedules().contains(o.schedule()),
              (s, o, t) ->
                  Reason.of(
                      "居民不接受" + o.schedule().label() + "岗位",
                      "the resident does not accept " + Labels.en(o.schedule()) + " work"),
              (s, t) ->
                  s.schedules().isEmpty()
                      ? List.of()
                      : List.of(
                          Condition.anyOf(
                              Attribute.SCHEDULE,
                              s.schedules().stream().map(Schedule::name).toList())),
              NO_JOBSEEKER_FILTER),
          new Rule(
              "AgeOutOfRange",
              Scope.PAIR,
              (s, o, t) -> {
                int age = t.getYear() - s.birthYear();
                return (o.minAge() != null && age < o.minAge())
                    || (o.maxAge() != null && age > o.maxAge());
              },
              (s, o, t) -> {
                int age = t.getYear() - s.birthYear();
                String range =
                    (o.minAge() == null ? "" : o.minAge())
                        + "–"
                        + (o.maxAge() == null ? "" : o.maxAge());
                return Reason.of(
                    "年龄" + age + "岁，不在岗位要求的" + range + "岁之内",
                    "age " + age + " is outside the posting's " + range);
              },
              NO_POSTING_FILTER,
              NO_JOBSEEKER_FILTER),
          new Rule(
              "EducationBelowMinimum",
              Scope.PAIR,
              (s, o, t) -> !s.education().meets(minimum(o)),
              (s, o, t) ->
                  Reason.of(
                      "学历" + s.education().label() + "，岗位要求" + minimum(o).label() + "及以上",
                      Labels.en(s.education())
                          + ", the posting asks for "
                          + Labels.en(minimum(o))
                          + " or above"),
              NO_POSTING_FILTER,
              NO_JOBSEEKER_FILTER),
          new Rule(
              "OutsideNotWanted",
              Scope.PAIR,
              (s, o, t) -> o.communityId() == null && !s.willingOutside(),
              (s, o, t) ->
                  Reason.of(
                      "岗位在街道以外（" + o.city() + "），居民不愿外出就业",
                      "the work is outside the district ("
                          + o.city()
                          + ") and the resident does not want to work outside"),
              (s, t) ->
                  s.willingOutside()
                      ? List.of()
                      : List.of(new Condition.Is(Attribute.IN_DISTRICT, true)),
              NO_JOBSEEKER_FILTER));

  /** Every rule name, in the order they are checked. */
  public static final List<String> RULES = ALL.stream().map(Rule::name).toList();

  private HardRules() {}

  /** True when no rule excludes the pair: the fast path for scoring many pairs. */
  public static boolean allows(Jobseeker s, Posting o, LocalDate today) {
    for (Rule rule : ALL) {
      if (rule.test().broken(s, o, today)) {
        return false;
      }
    }
    return true;
  }

  /** True when no rule on the jobseeker alone excludes them from every posting. */
  public static boolean admitsJobseeker(Jobseeker s) {
    return passes(Scope.JOBSEEKER, s, null, null);
  }

  /** True when no rule on the posting alone excludes it for every resident. */
  public static boolean admitsPosting(Posting o, LocalDate today) {
    return passes(Scope.POSTING, null, o, today);
  }

  /** The rules of one scope; they look only at their own side, so the other may be null. */
  private static boolean passes(Scope scope, Jobseeker s, Posting o, LocalDate today) {
    for (Rule rule : ALL) {
      if (rule.scope() == scope && rule.test().broken(s, o, today)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Conditions that every posting the jobseeker may be proposed for on {@code today} meets: filters
   * for the index, from the rules that have one. A posting that meets them may still break a rule.
   */
  public static List<Condition> postingConditions(Jobseeker s, LocalDate today) {
    List<Condition> out = new ArrayList<>();
    for (Rule rule : ALL) {
      out.addAll(rule.onPostings().of(s, today));
    }
    return List.copyOf(out);
  }

  /** Conditions that every jobseeker the posting may be proposed to on {@code today} meets. */
  public static List<Condition> jobseekerConditions(Posting o, LocalDate today) {
    List<Condition> out = new ArrayList<>();
    for (Rule rule : ALL) {
      out.addAll(rule.onJobseekers().of(o, today));
    }
    return List.copyOf(out);
  }

  /** The index conditions of one rule on postings, for the jobseeker (tests, diagnostics). */
  public static List<Condition> postingConditions(String rule, Jobseeker s, LocalDate today) {
    return rule(rule).onPostings().of(s, today);
  }

  /** The index conditions of one rule on jobseekers, for the posting. */
  public static List<Condition> jobseekerConditions(String rule, Posting o, LocalDate today) {
    return rule(rule).onJobseekers().of(o, today);
  }

  private static Rule rule(String name) {
    return ALL.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no hard rule " + name));
  }

  /** Every rule the pair breaks, with reasons; empty when it may be proposed. */
  public static List<Exclusion> check(Jobseeker s, Posting o, LocalDate today) {
    List<Exclusion> out = new ArrayList<>(2);
    for (Rule rule : ALL) {
      if (rule.test().broken(s, o, today)) {
        out.add(new Exclusion(rule.name(), rule.because().reason(s, o, today)));
      }
    }
    return out;
  }

  private static Education minimum(Posting o) {
    return o.minEducation() == null ? Education.NONE : o.minEducation();
  }

  private static String statusZh(String status) {
    return switch (status) {
      case "EMPLOYED" -> "已就业";
      case "INACTIVE" -> "暂停求职";
      case "REFERRED" -> "已推荐";
      default -> "求职中";
    };
  }

  private static String postingStatusZh(String status) {
    return switch (status) {
      case "DRAFT" -> "草稿";
      case "PAUSED" -> "已暂停";
      case "FILLED" -> "已招满";
      case "CLOSED" -> "已关闭";
      default -> "招聘中";
    };
  }
}
