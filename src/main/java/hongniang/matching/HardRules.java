package hongniang.matching;

import hongniang.common.Education;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The requirements that exclude a pair outright, never merely rank it low. Each has a stable rule
 * name for APIs and tests, a test, and a reason for people.
 */
public final class HardRules {

  private interface Test {
    boolean broken(Seeker s, Opening o, LocalDate today);
  }

  private interface Because {
    Reason reason(Seeker s, Opening o, LocalDate today);
  }

  /** What a rule looks at: a rule on one side alone excludes that side from every pair. */
  private enum Scope {
    RESIDENT,
    POSTING,
    PAIR
  }

  private record Rule(String name, Scope scope, Test test, Because because) {}

  private static final List<Rule> ALL =
      List.of(
          new Rule(
              "NotSeeking",
              Scope.RESIDENT,
              (s, o, t) -> !s.seeking(),
              (s, o, t) ->
                  Reason.of(
                      "居民当前不在求职（" + statusZh(s.status()) + "）",
                      "the resident is not looking for work (" + s.status().toLowerCase() + ")")),
          new Rule(
              "PostingNotOpen",
              Scope.POSTING,
              (s, o, t) -> !"OPEN".equals(o.status()),
              (s, o, t) ->
                  Reason.of(
                      "岗位未在招聘（" + postingStatusZh(o.status()) + "）",
                      "the posting is not open (" + o.status().toLowerCase() + ")")),
          new Rule(
              "PostingFull",
              Scope.POSTING,
              (s, o, t) -> o.remaining() <= 0,
              (s, o, t) -> Reason.of("岗位已招满", "the posting is full")),
          new Rule(
              "PostingExpired",
              Scope.POSTING,
              (s, o, t) -> o.validThrough().isBefore(t),
              (s, o, t) ->
                  Reason.of(
                      "岗位有效期已过（" + o.validThrough() + "）",
                      "the posting expired on " + o.validThrough())),
          new Rule(
              "AgreementNotValid",
              Scope.POSTING,
              (s, o, t) -> o.agreementValidUntil() == null || o.agreementValidUntil().isBefore(t),
              (s, o, t) ->
                  Reason.of(
                      "用工单位没有有效的劳动信息协议", "the employer has no valid labour-information agreement")),
          new Rule(
              "LicenceMissing",
              Scope.PAIR,
              (s, o, t) -> !s.licences().containsAll(o.requiredLicences()),
              (s, o, t) -> {
                Set<String> missing = new TreeSet<>(o.requiredLicences());
                missing.removeAll(s.licences());
                return Reason.of(
                    "缺少所需的" + Labels.zh(missing), "lacks the required " + Labels.en(missing));
              }),
          new Rule(
              "PublicWelfareNotEligible",
              Scope.PAIR,
              (s, o, t) -> o.publicWelfare() && s.categories().isEmpty(),
              (s, o, t) ->
                  Reason.of(
                      "公益性岗位仅面向就业困难人员",
                      "public-welfare posts are only for residents with an employment-difficulty"
                          + " category")),
          new Rule(
              "ScheduleNotAcceptable",
              Scope.PAIR,
              (s, o, t) -> !s.schedules().isEmpty() && !s.schedules().contains(o.schedule()),
              (s, o, t) ->
                  Reason.of(
                      "居民不接受" + o.schedule().label() + "岗位",
                      "the resident does not accept " + Labels.en(o.schedule()) + " work")),
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
              }),
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
                          + " or above")),
          new Rule(
              "OutsideNotWanted",
              Scope.PAIR,
              (s, o, t) -> o.communityId() == null && !s.willingOutside(),
              (s, o, t) ->
                  Reason.of(
                      "岗位在街道以外（" + o.city() + "），居民不愿外出就业",
                      "the work is outside the district ("
                          + o.city()
                          + ") and the resident does not want to work outside")));

  /** Every rule name, in the order they are checked. */
  public static final List<String> RULES = ALL.stream().map(Rule::name).toList();

  private HardRules() {}

  /** True when no rule excludes the pair: the fast path for scoring many pairs. */
  public static boolean allows(Seeker s, Opening o, LocalDate today) {
    for (Rule rule : ALL) {
      if (rule.test().broken(s, o, today)) {
        return false;
      }
    }
    return true;
  }

  /** True when no rule on the resident alone excludes them from every posting. */
  public static boolean admitsResident(Seeker s) {
    return passes(Scope.RESIDENT, s, null, null);
  }

  /** True when no rule on the posting alone excludes it for every resident. */
  public static boolean admitsPosting(Opening o, LocalDate today) {
    return passes(Scope.POSTING, null, o, today);
  }

  /** The rules of one scope; they look only at their own side, so the other may be null. */
  private static boolean passes(Scope scope, Seeker s, Opening o, LocalDate today) {
    for (Rule rule : ALL) {
      if (rule.scope() == scope && rule.test().broken(s, o, today)) {
        return false;
      }
    }
    return true;
  }

  /** Every rule the pair breaks, with reasons; empty when it may be proposed. */
  public static List<Exclusion> check(Seeker s, Opening o, LocalDate today) {
    List<Exclusion> out = new ArrayList<>(2);
    for (Rule rule : ALL) {
      if (rule.test().broken(s, o, today)) {
        out.add(new Exclusion(rule.name(), rule.because().reason(s, o, today)));
      }
    }
    return out;
  }

  private static Education minimum(Opening o) {
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
