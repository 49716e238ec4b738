package hongniang.pages.resident;

import hongniang.common.DifficultyCategory;
import hongniang.common.Schedule;
import hongniang.jobseekers.JobseekerStatus;
import hongniang.pages.Texts;
import hongniang.security.Role;
import hongniang.training.CourseKind;
import hongniang.training.EnrolmentStatus;

/**
 * The resident's pages' words for values whose labels the bundles hold in Chinese only ({@code
 * enum.*} labels may stay Chinese for the API): here in both languages, one literal key each.
 */
public final class Words {

  private Words() {}

  public static String role(Role role, Texts t) {
    return switch (role) {
      case ADMIN -> t.t("page.me.word.admin");
      case MATCHMAKER -> t.t("page.me.word.matchmaker");
      case EMPLOYER -> t.t("page.me.word.employer");
      case RESIDENT -> t.t("page.me.word.resident");
    };
  }

  public static String schedule(Schedule schedule, Texts t) {
    return switch (schedule) {
      case FULL_TIME -> t.t("page.me.word.fullTime");
      case PART_TIME -> t.t("page.me.word.partTime");
      case FLEXIBLE -> t.t("page.me.word.flexible");
      case SHIFT -> t.t("page.me.word.shift");
    };
  }

  /** A schedule by its name, as a match names it; the name itself if it is none. */
  public static String schedule(String name, Texts t) {
    for (Schedule s : Schedule.values()) {
      if (s.name().equals(name)) {
        return schedule(s, t);
      }
    }
    return name;
  }

  public static String status(JobseekerStatus status, Texts t) {
    return switch (status) {
      case SEEKING -> t.t("page.me.word.seeking");
      case REFERRED -> t.t("page.me.word.referred");
      case EMPLOYED -> t.t("page.me.word.employed");
      case INACTIVE -> t.t("page.me.word.inactive");
    };
  }

  public static String kind(CourseKind kind, Texts t) {
    return switch (kind) {
      case VOCATIONAL -> t.t("page.me.word.vocational");
      case ENTREPRENEURSHIP -> t.t("page.me.word.entrepreneurship");
    };
  }

  public static String enrolment(EnrolmentStatus status, Texts t) {
    return switch (status) {
      case ENROLLED -> t.t("page.me.word.enrolled");
      case COMPLETED -> t.t("page.me.word.completed");
      case WITHDRAWN -> t.t("page.me.word.withdrawn");
    };
  }

  public static String category(DifficultyCategory category, Texts t) {
    return switch (category) {
      case AGE_4050 -> t.t("page.me.word.age4050");
      case LOW_INCOME -> t.t("page.me.word.lowIncome");
      case ZERO_EMPLOYMENT_FAMILY -> t.t("page.me.word.zeroEmployment");
      case DISABLED -> t.t("page.me.word.disabled");
      case LONG_TERM_UNEMPLOYED -> t.t("page.me.word.longTermUnemployed");
    };
  }
}
