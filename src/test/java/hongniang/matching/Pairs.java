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
public final class Pairs {

  public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  public static final Work CLEANER = new Work("保洁员", "HN-CLEANER", "cleaning");
  public static final Work CLEANER_COLLOQUIAL = new Work("清洁工", "HN-CLEANER", "cleaning");
  public static final Work TOILET_ATTENDANT = new Work("公厕保洁员", "HN-TOILET-ATTENDANT", "cleaning");
  public static final Work GARDENER = new Work("绿化工", "4-09-10-01", "greening");
  public static final Work GUARD = new Work("保安员", "4-07-05-01", "security");
  public static final Work ELECTRICIAN = new Work("电工", "6-31-01-03", "repair");

  private Pairs() {}

  public static Skill skill(String name) {
    return new Skill(name, name);
  }

  /** A mutable resident, turned into a record by {@link #build()}. */
  public static final class JobseekerBuilder {
    public long id = 1;
    public String name = "林秀英";
    public int birthYear = 1975;
    public long community = 1;
    public Education education = Education.JUNIOR_HIGH;
    public List<Work> desired = new ArrayList<>(List.of(CLEANER_COLLOQUIAL));
    public List<Skill> skills = new ArrayList<>(List.of(skill("清洁卫生")));
    public Set<Work> pastWork = new LinkedHashSet<>();
    public Integer minWage = 2500;
    public List<Schedule> schedules = new ArrayList<>();
    public boolean willingOutside = false;
    public Set<String> licences = new LinkedHashSet<>();
    public Set<DifficultyCategory> categories = new LinkedHashSet<>();
    public LocalDate unemployedSince = TODAY.minusMonths(3);
    public String status = "SEEKING";
    public LocalDate updatedOn = TODAY.minusDays(10);

    public Jobseeker build() {
      return new Jobseeker(
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
  public static final class PostingBuilder {
    public long id = 100;
    public long unit = 10;
    public String title = "小区保洁员";
    public Work work = CLEANER;
    public List<Skill> skills = new ArrayList<>(List.of(skill("清洁卫生"), skill("垃圾分类")));
    public int wageMin = 2200;
    public int wageMax = 3000;
    public Schedule schedule = Schedule.FULL_TIME;
    public Long community = 1L;
    public String city = "三明市";
    public Integer minAge;
    public Integer maxAge;
    public Education minEducation = Education.NONE;
    public Set<String> licences = new LinkedHashSet<>();
    public boolean publicWelfare;
    public String status = "OPEN";
    public int remaining = 2;
    public LocalDate validThrough = TODAY.plusMonths(3);
    public LocalDate agreementUntil = TODAY.plusYears(1);
    public LocalDate createdOn = TODAY.minusDays(3);

    public Posting build() {
      return new Posting(
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

  public static JobseekerBuilder aJobseeker() {
    return new JobseekerBuilder();
  }

  public static PostingBuilder aPosting() {
    return new PostingBuilder();
  }
}
