package hongniang.matching;

import hongniang.common.Schedule;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores a resident–posting pair as a sum of named, bounded parts. Each part is a fraction between
 * 0 and 1 of its weight, decided by a few plain tiers that the reasons name. Hard requirements are
 * not scored here: {@link HardRules} excludes a pair before it is ranked.
 */
public final class Scorer {

  /** Whose list is being ranked: priority for the hard-to-place counts only on the posting side. */
  public enum Perspective {
    /** Postings ranked for a resident. */
    FOR_RESIDENT,
    /** Residents ranked for a posting, and the match board. */
    FOR_POSTING
  }

  private final Weights w;
  private final String homeCity;

  /** A scorer with these weights; {@code homeCity} is the city the street office is in. */
  public Scorer(Weights weights, String homeCity) {
    this.w = weights;
    this.homeCity = homeCity;
  }

  public Weights weights() {
    return w;
  }

  /** The city the street office is in. */
  String homeCity() {
    return homeCity;
  }

  /** The most a pair can score from this perspective. */
  public double max(Perspective p) {
    double sum =
        w.occupation()
            + w.skills()
            + w.wage()
            + w.place()
            + w.schedule()
            + w.experience()
            + w.freshness()
            + w.balance();
    return p == Perspective.FOR_POSTING ? sum + w.priority() : sum;
  }

  /** The score alone, without reasons: the fast path for ranking and allocating many pairs. */
  public double points(Seeker s, Opening o, Perspective p, LocalDate today) {
    return total(
        occupationTier(s, o),
        skills(s, o),
        wage(s, o),
        place(s, o),
        schedule(s, o),
        experience(s, o),
        freshness(s, o, p, today),
        p,
        p == Perspective.FOR_POSTING ? priority(s, today) : 0);
  }

  /**
   * The score from the parts' fractions. One place for the sum and its order: the column rankings
   * ({@link ResidentsForPosting}, {@link PostingsForResident}) add up the same fractions here, so
   * their totals equal {@link #points} to the last bit.
   */
  double total(
      int occupationTier,
      double skills,
      double wage,
      double place,
      double schedule,
      double experience,
      double freshness,
      Perspective p,
      double priority) {
    double occupation = OCCUPATION[occupationTier];
    return sum(
        occupation,
        skills,
        wage,
        place,
        schedule,
        experience,
        freshness,
        Math.min(
            residentSide(occupation, wage, place, schedule),
            employerSide(occupation, skills, experience)),
        p,
        priority);
  }

  /**
   * {@link #total} once the balance is known: the weighted fractions in their one order. Column
   * rankings keep the two sides of the balance in small tables (they take few distinct inputs, and
   * dividing costs more than the rest of a pair) and add up here.
   */
  double sum(
      double occupation,
      double skills,
      double wage,
      double place,
      double schedule,
      double experience,
      double freshness,
      double balance,
      Perspective p,
      double priority) {
    double total =
        w.occupation() * occupation
            + w.skills() * skills
            + w.wage() * wage
            + w.place() * place
            + w.schedule() * schedule
            + w.experience() * experience
            + w.freshness() * freshness
            + w.balance() * balance;
    if (p == Perspective.FOR_POSTING) {
      total += w.priority() * priority;
    }
    return total;
  }

  /** The score with every part and its reason. */
  public Match explain(Seeker s, Opening o, Perspective p, LocalDate today) {
    int tier = occupationTier(s, o);
    double skills = skills(s, o);
    double wage = wage(s, o);
    double place = place(s, o);
    double schedule = schedule(s, o);
    double experience = experience(s, o);
    List<Part> parts = new ArrayList<>(9);
    parts.add(part("occupation", w.occupation(), OCCUPATION[tier], occupationReason(s, o, tier)));
    parts.add(part("skills", w.skills(), skills, skillsReason(s, o)));
    parts.add(part("wage", w.wage(), wage, wageReason(s, o)));
    parts.add(part("place", w.place(), place, placeReason(s, o)));
    parts.add(part("schedule", w.schedule(), schedule, scheduleReason(s, o)));
    parts.add(part("experience", w.experience(), experience, experienceReason(s, o)));
    parts.add(
        part(
            "freshness",
            w.freshness(),
            freshness(s, o, p, today),
            freshnessReason(s, o, p, today)));
    if (p == Perspective.FOR_POSTING) {
      parts.add(part("priority", w.priority(), priority(s, today), priorityReason(s, today)));
    }
    double residentSide = residentSide(OCCUPATION[tier], wage, place, schedule);
    double employerSide = employerSide(OCCUPATION[tier], skills, experience);
    parts.add(
        part(
            "balance",
            w.balance(),
            Math.min(residentSide, employerSide),
            Reason.of(
                String.format(
                    Locale.ROOT,
                    "对居民合适程度%d%%，对用人单位%d%%，取较低者",
                    Math.round(residentSide * 100),
                    Math.round(employerSide * 100)),
                String.format(
                    Locale.ROOT,
                    "good for the resident %d%%, for the employer %d%%: the lower counts",
                    Math.round(residentSide * 100),
                    Math.round(employerSide * 100)))));
    double score = 0;
    for (Part part : parts) {
      score += part.points();
    }
    return new Match(s.id(), o.id(), score, max(p), List.copyOf(parts));
  }

  // points stay unrounded here, so the parts add up to the score exactly; views round them
  private static Part part(String name, double weight, double fraction, Reason reason) {
    return new Part(name, weight * fraction, weight, reason);
  }

  // ---------------------------------------------------------------- occupation

  /** Fractions of the occupation weight by tier: none, related, same group, same occupation. */
  static final double[] OCCUPATION = {0, 0.3, 0.6, 1.0};

  /** 3 = an occupation the resident asks for; 2 = its group; 1 = work they have done; 0. */
  static int occupationTier(Seeker s, Opening o) {
    if (o.work() == null) {
      return 0;
    }
    String code = o.work().code();
    String group = o.work().group();
    boolean desiredCode = false;
    boolean desiredGroup = false;
    for (Work d : s.desired()) {
      desiredCode |= d.code().equals(code);
      desiredGroup |= d.group().equals(group);
    }
    boolean pastCode = false;
    boolean pastGroup = false;
    for (Work past : s.pastWork()) {
      pastCode |= past.code().equals(code);
      pastGroup |= past.group().equals(group);
    }
    return occupationTier(desiredCode, desiredGroup, pastCode, s.desired().isEmpty() && pastGroup);
  }

  /**
   * {@link #occupationTier(Seeker, Opening)} on what it decides by: the resident asks for the
   * posting's occupation, for its group, has done it, or asks for nothing and has done work of its
   * group.
   */
  static int occupationTier(
      boolean desiredCode, boolean desiredGroup, boolean pastCode, boolean pastGroupAndNoWish) {
    if (desiredCode) {
      return 3;
    }
    if (desiredGroup) {
      return 2;
    }
    return pastCode || pastGroupAndNoWish ? 1 : 0;
  }

  private static Reason occupationReason(Seeker s, Opening o, int tier) {
    if (o.work() == null) {
      return Reason.of(
          "岗位职业“" + o.title() + "”不在职业目录中", "the posting's occupation is not in the list");
    }
    String job = o.work().name();
    return switch (tier) {
      case 3 -> {
        Work d =
            s.desired().stream()
                .filter(x -> x.code().equals(o.work().code()))
                .findFirst()
                .orElseThrow();
        yield d.name().equals(job)
            ? Reason.of("期望从事" + job + "，正是本岗位", "wants work as " + job + ": this is it")
            : Reason.of(
                "期望从事" + d.name() + "，与本岗位" + job + "是同一职业",
                "wants work as " + d.name() + ", the same occupation as " + job);
      }
      case 2 -> {
        Work d =
            s.desired().stream()
                .filter(x -> x.group().equals(o.work().group()))
                .findFirst()
                .orElseThrow();
        yield Reason.of(
            "期望从事" + d.name() + "，与本岗位" + job + "是同类工作",
            "wants work as " + d.name() + ", in the same group as " + job);
      }
      case 1 ->
          Reason.of(
              "做过与" + job + "相关的工作，但没有把它列为期望",
              "has done work related to " + job + " without asking for it");
      default ->
          Reason.of(
              "本岗位" + job + "不在居民期望的工作之中", job + " is not among the work the resident asks for");
    };
  }

  // ---------------------------------------------------------------- skills

  /** The share of the posting's skills the resident has; half when the posting lists none. */
  static double skills(Seeker s, Opening o) {
    int held = 0;
    for (String key : o.skillKeys()) {
      if (s.skillKeys().contains(key)) {
        held++;
      }
    }
    return skillShare(held, o.skillKeys().size());
  }

  /** {@code held} of the {@code listed} skills; half when none are listed. */
  static double skillShare(int held, int listed) {
    return listed == 0 ? 0.5 : (double) held / listed;
  }

  private static Reason skillsReason(Seeker s, Opening o) {
    if (o.skillKeys().isEmpty()) {
      return Reason.of("岗位没有列出技能要求", "the posting lists no skills");
    }
    List<String> held = new ArrayList<>();
    List<String> lacking = new ArrayList<>();
    for (Skill skill : o.skills()) {
      (s.skillKeys().contains(skill.key()) ? held : lacking).add(skill.name());
    }
    String ratio = held.size() + "/" + o.skills().size();
    if (lacking.isEmpty()) {
      return Reason.of(
          "具备岗位所列全部技能：" + Labels.zh(held) + "（" + ratio + "）",
          "has every skill the posting lists: " + Labels.en(held) + " (" + ratio + ")");
    }
    if (held.isEmpty()) {
      return Reason.of(
          "不具备岗位所列技能：" + Labels.zh(lacking),
          "has none of the listed skills: " + Labels.en(lacking));
    }
    return Reason.of(
        "具备" + Labels.zh(held) + "，缺少" + Labels.zh(lacking) + "（" + ratio + "）",
        "has " + Labels.en(held) + ", lacks " + Labels.en(lacking) + " (" + ratio + ")");
  }

  // ---------------------------------------------------------------- wage

  /**
   * Posting's top wage against the resident's lowest acceptable wage: met gives 0.7 rising to 1 at
   * 30% above; up to 20% short gives at most half, falling to 0; no stated wage gives 0.6.
   */
  static double wage(Seeker s, Opening o) {
    return s.minWage() == null ? wage(NO_WAGE, o.wageMax()) : wage(s.minWage(), o.wageMax());
  }

  /** A resident's lowest wage when they state none. */
  static final int NO_WAGE = Integer.MIN_VALUE;

  /** {@link #wage(Seeker, Opening)} on the two numbers; {@code min} may be {@link #NO_WAGE}. */
  static double wage(int min, int wageMax) {
    if (min == NO_WAGE) {
      return 0.6;
    }
    if (wageMax >= min) {
      return min == 0 ? 1.0 : 0.7 + 0.3 * Math.min(1.0, (wageMax - min) / (0.3 * min));
    }
    double shortfall = (double) (min - wageMax) / min;
    return shortfall <= 0.2 ? 0.5 * (1 - shortfall / 0.2) : 0;
  }

  private static Reason wageReason(Seeker s, Opening o) {
    Integer min = s.minWage();
    if (min == null) {
      return Reason.of(
          "居民未填写期望月薪；本岗位最高" + o.wageMax(),
          "the resident states no wage; this posting pays up to " + o.wageMax());
    }
    String zh = "期望月薪" + min + "，本岗位最高" + o.wageMax();
    String en = "wants at least " + min + " a month; this posting pays up to " + o.wageMax();
    if (o.wageMax() >= min) {
      return Reason.of(zh, en);
    }
    double shortfall = (double) (min - o.wageMax()) / min;
    return shortfall <= 0.2
        ? Reason.of(zh + "，略低于期望", en + ", a little short")
        : Reason.of(zh + "，低于期望较多", en + ", well short");
  }

  // ---------------------------------------------------------------- place

  /** Same community 1, elsewhere in the district 0.7, same city 0.4, another city 0. */
  double place(Seeker s, Opening o) {
    return o.communityId() != null
        ? place(true, o.communityId() == s.communityId(), false)
        : place(false, false, inHomeCity(o));
  }

  /** True when the posting's city is the street office's. */
  boolean inHomeCity(Opening o) {
    return homeCity.equals(o.city());
  }

  /** {@link #place(Seeker, Opening)} on what it decides by. */
  static double place(boolean inDistrict, boolean sameCommunity, boolean inHomeCity) {
    if (inDistrict) {
      return sameCommunity ? 1.0 : 0.7;
    }
    return inHomeCity ? 0.4 : 0;
  }

  private Reason placeReason(Seeker s, Opening o) {
    if (o.communityId() != null) {
      return o.communityId() == s.communityId()
          ? Reason.of("就在居民所在的社区", "in the resident's own community")
          : Reason.of("在本街道的其他社区", "in another community of the district");
    }
    return homeCity.equals(o.city())
        ? Reason.of("在街道以外，但在本市（" + o.city() + "）", "outside the district, in " + o.city())
        : Reason.of("在外地（" + o.city() + "）", "in another city (" + o.city() + ")");
  }

  // ---------------------------------------------------------------- schedule

  /** The resident's first-named schedule 1; another acceptable one, or no preference, 0.6. */
  static double schedule(Seeker s, Opening o) {
    List<Schedule> accepted = s.schedules();
    return schedule(
        accepted.isEmpty(),
        !accepted.isEmpty() && accepted.get(0) == o.schedule(),
        !accepted.isEmpty() && accepted.contains(o.schedule()));
  }

  /** {@link #schedule(Seeker, Opening)} on what it decides by. */
  static double schedule(boolean anyHours, boolean preferred, boolean accepted) {
    if (anyHours) {
      return 0.6;
    }
    if (preferred) {
      return 1.0;
    }
    return accepted ? 0.6 : 0;
  }

  private static Reason scheduleReason(Seeker s, Opening o) {
    Schedule sc = o.schedule();
    if (s.schedules().isEmpty()) {
      return Reason.of("居民对工作时间没有要求", "the resident accepts any hours");
    }
    if (s.schedules().get(0) == sc) {
      return Reason.of(sc.label() + "是居民首选的工作时间", Labels.en(sc) + " is what the resident prefers");
    }
    return Reason.of("居民可以接受" + sc.label(), "the resident accepts " + Labels.en(sc));
  }

  // ---------------------------------------------------------------- experience

  /** Has done this occupation 1; work of the same group 0.5. */
  static double experience(Seeker s, Opening o) {
    if (o.work() == null) {
      return 0;
    }
    boolean pastCode = false;
    boolean pastGroup = false;
    for (Work past : s.pastWork()) {
      pastCode |= past.code().equals(o.work().code());
      pastGroup |= past.group().equals(o.work().group());
    }
    return experience(pastCode, pastGroup);
  }

  /** {@link #experience(Seeker, Opening)} on what it decides by. */
  static double experience(boolean pastCode, boolean pastGroup) {
    return pastCode ? 1.0 : pastGroup ? 0.5 : 0;
  }

  private static Reason experienceReason(Seeker s, Opening o) {
    double e = experience(s, o);
    if (e == 1.0) {
      return Reason.of("工作经历中做过" + o.work().name(), "has worked as " + o.work().name() + " before");
    }
    if (e > 0) {
      Work past =
          s.pastWork().stream()
              .filter(x -> x.group().equals(o.work().group()))
              .findFirst()
              .orElseThrow();
      return Reason.of(
          "做过同类工作（" + past.name() + "）", "has done similar work (" + past.name() + ")");
    }
    return Reason.of("工作经历中没有相关工作", "no related work in the history");
  }

  // ---------------------------------------------------------------- freshness

  /**
   * For a resident: a posting a week old 1, a month 0.6, three months 0.3. For a posting: a profile
   * updated within a month 1, three months 0.5, older 0.2 (still seeking, less surely).
   */
  static double freshness(Seeker s, Opening o, Perspective p, LocalDate today) {
    if (p == Perspective.FOR_RESIDENT) {
      return postingFreshness(ChronoUnit.DAYS.between(o.createdOn(), today));
    }
    return profileFreshness(s, today);
  }

  /** Freshness on a resident's list, by the posting's age in days. */
  static double postingFreshness(long days) {
    return days <= 7 ? 1.0 : days <= 30 ? 0.6 : days <= 90 ? 0.3 : 0;
  }

  /** Freshness on a posting's list: it depends on the resident's profile alone. */
  static double profileFreshness(Seeker s, LocalDate today) {
    return profileFreshness(ChronoUnit.DAYS.between(s.updatedOn(), today));
  }

  /** {@link #profileFreshness(Seeker, LocalDate)} by the profile's age in days. */
  static double profileFreshness(long days) {
    return days <= 30 ? 1.0 : days <= 90 ? 0.5 : 0.2;
  }

  private static Reason freshnessReason(Seeker s, Opening o, Perspective p, LocalDate today) {
    if (p == Perspective.FOR_RESIDENT) {
      long days = Math.max(0, ChronoUnit.DAYS.between(o.createdOn(), today));
      return Reason.of("岗位" + days + "天前发布", "posted " + days + " days ago");
    }
    long days = Math.max(0, ChronoUnit.DAYS.between(s.updatedOn(), today));
    return Reason.of("求职登记" + days + "天前更新", "profile updated " + days + " days ago");
  }

  // ---------------------------------------------------------------- priority

  /**
   * Employment-difficulty categories: one gives 0.6, each more 0.1 (to 0.8); unemployed a year or
   * more adds 0.2.
   */
  static double priority(Seeker s, LocalDate today) {
    return priority(s.categories().size(), longUnemployed(s, today));
  }

  /** {@link #priority(Seeker, LocalDate)} on how many categories and a year out of work. */
  static double priority(int categories, boolean longUnemployed) {
    double f = categories == 0 ? 0 : Math.min(0.8, 0.5 + 0.1 * categories);
    if (longUnemployed) {
      f += 0.2;
    }
    return Math.min(1.0, f);
  }

  private static boolean longUnemployed(Seeker s, LocalDate today) {
    return s.unemployedSince() != null && !s.unemployedSince().isAfter(longUnemployedFrom(today));
  }

  /** Out of work since this day or earlier: a year or more. */
  static LocalDate longUnemployedFrom(LocalDate today) {
    return today.minusYears(1);
  }

  private static Reason priorityReason(Seeker s, LocalDate today) {
    List<String> zh = new ArrayList<>();
    List<String> en = new ArrayList<>();
    if (!s.categories().isEmpty()) {
      zh.add("就业困难人员（" + Labels.zhCategories(s.categories()) + "）");
      en.add("employment difficulty (" + Labels.enCategories(s.categories()) + ")");
    }
    if (longUnemployed(s, today)) {
      long months = ChronoUnit.MONTHS.between(s.unemployedSince(), today);
      zh.add("失业" + months + "个月");
      en.add("unemployed for " + months + " months");
    }
    if (zh.isEmpty()) {
      return Reason.of("不属于优先帮扶对象", "no priority category");
    }
    return Reason.of(String.join("，", zh) + "，优先帮扶", String.join("; ", en) + ": helped first");
  }

  // ---------------------------------------------------------------- balance

  /** How good the pair is for the resident: the work, the pay, the place, the hours. */
  double residentSide(double occupation, double wage, double place, double schedule) {
    double max = w.occupation() + w.wage() + w.place() + w.schedule();
    return max == 0
        ? 0
        : (w.occupation() * occupation
                + w.wage() * wage
                + w.place() * place
                + w.schedule() * schedule)
            / max;
  }

  /** How good the pair is for the employer: the work, the skills, the experience. */
  double employerSide(double occupation, double skills, double experience) {
    double max = w.occupation() + w.skills() + w.experience();
    return max == 0
        ? 0
        : (w.occupation() * occupation + w.skills() * skills + w.experience() * experience) / max;
  }
}
