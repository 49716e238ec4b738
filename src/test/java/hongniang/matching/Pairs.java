package hongniang.matching;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Schedule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Residents and postings for matching tests, built by intent. */
final class Pairs {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  static final Work CLEANER = new Work("保洁员", "HN-CLEANER", "cleaning");
  static final Work CLEANER_COLLOQUIAL = new Work("清洁工", "HN-CLEANER", "cleaning");
  static final Work TOILET_ATTENDANT = new Work("公厕保洁员", "HN-TOILET-ATTENDANT", "cleaning");
  static final Work GARDENER = new Work("绿化工", "HN-GARDENER", "greening");
  static final Work GUARD = new Work("保安员", "4-07-05-01", "security");
  static final Work ELECTRICIAN = new Work("电工", "6-31-01-03", "repair");

  private Pairs() {}

  static Skill skill(String name) {
    return new Skill(name, name);
  }

  /** A mutable resident, turned into a record by {@link #build()}. */
  static final class SeekerBuilder {
    long id = 1;
    String name = "林秀英";
    int birthYear = 1975;
    long community = 1;
    Education education = Education.JUNIOR_HIGH;
    List<Work> desired = new ArrayList<>(List.of(CLEANER_COLLOQUIAL));
    List<Skill> skills = new ArrayList<>(List.of(skill("清洁卫生")));
    Set<Work> pastWork = new LinkedHashSet<>();
    Integer minWage = 2500;
    List<Schedule> schedules = new ArrayList<>();
    boolean willingOutside = false;
    Set<String> licences = new LinkedHashSet<>();
    Set<DifficultyCategory> categories = new LinkedHashSet<>();
    LocalDate unemployedSince = TODAY.minusMonths(3);
    String status = "SEEKING";
    LocalDate updatedOn = TODAY.minusDays(10);

    Seeker build() {
      return new Seeker(
          id,
          name,
          birthYear,
          community,
          education,
          List.copyOf(desired),
          List.copyOf(skills),
          Skill.keys(skills),
          Set.copyOf(pastWork),
          minWage,
          List.copyOf(schedules),
          willingOutside,
          Set.copyOf(licences),
          Set.copyOf(categories),
          unemployedSince,
          status,
          updatedOn);
    }
  }

  /** A mutable posting, turned into a record by {@link #build()}. */
  static final class OpeningBuilder {
    long id = 100;
    long unit = 10;
    String title = "小区保洁员";
    Work work = CLEANER;
    List<Skill> skills = new ArrayList<>(List.of(skill("清洁卫生"), skill("垃圾分类")));
    int wageMin = 2200;
    int wageMax = 3000;
    Schedule schedule = Schedule.FULL_TIME;
    Long community = 1L;
    String city = "三明市";
    Integer minAge;
    Integer maxAge;
    Education minEducation = Education.NONE;
    Set<String> licences = new LinkedHashSet<>();
    boolean publicWelfare;
    String status = "OPEN";
    int remaining = 2;
    LocalDate validThrough = TODAY.plusMonths(3);
    LocalDate agreementUntil = TODAY.plusYears(1);
    LocalDate createdOn = TODAY.minusDays(3);

    Opening build() {
      return new Opening(
          id,
          unit,
          title,
          work,
          List.copyOf(skills),
          Skill.keys(skills),
          wageMin,
          wageMax,
          schedule,
          community,
          city,
          minAge,
          maxAge,
          minEducation,
          Set.copyOf(licences),
          publicWelfare,
          status,
          remaining,
          validThrough,
          agreementUntil,
          createdOn);
    }
  }

  static SeekerBuilder aSeeker() {
    return new SeekerBuilder();
  }

  static OpeningBuilder anOpening() {
    return new OpeningBuilder();
  }
}
