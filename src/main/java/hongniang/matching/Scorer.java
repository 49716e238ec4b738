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
  public String homeCity() {
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
  public double points(Jobseeker s, Posting o, Perspective p, LocalDate today) {
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
   * of {@code matching.ranking} add up the same fractions here, so their totals equal {@link
   * #points} to the last bit.
   */
  public double total(
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
  public double sum(
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
  public Match explain(Jobseeker s, Posting o, Perspective p, LocalDate today) {
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

  /** The occupation tier of a resident who asks for the posting's occupation. */
  public static final int ASKED = 3;

  /** The tier of a resident who asks for an occupation of the posting's group. */
  public static final int GROUP_ASKED = 2;

  /** The tier of a resident who has done the work without asking for it. */
  public static final int DONE = 1;

  /** How many occupation tiers there are, 0 included. */
  public static final int TIERS = 4;

  /** Fractions of the occupation weight by tier: none, done, same group asked, asked. */
  private static final double[] OCCUPATION = {0, 0.3, 0.6, 1.0};

  /** The occupation fraction of a tier. */
  public static double occupation(int tier) {
    return OCCUPATION[tier];
  }

  /** {@link #ASKED}, {@link #GROUP_ASKED}, {@link #DONE} or 0. */
  public static int occupationTier(Jobseeker s, Posting o) {
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
   * {@link #occupationTier(Jobseeker, Posting)} on what it decides by: the resident asks for the
   * posting's occupation, for its group, has done it, or asks for nothing and has done work of its
   * group.
   */
  public static int occupationTier(
      boolean desiredCode, boolean desiredGroup, boolean pastCode, boolean pastGroupAndNoWish) {
    if (desiredCode) {
      return ASKED;
    }
    if (desiredGroup) {
      return GROUP_ASKED;
    }
    return pastCode || pastGroupAndNoWish ? DONE : 0;
  }

  private static Reason occupationReason(Jobseeker s, Posting o, int tier) {
    if (o.work() == null) {
      return Reason.of("岗位没有写明职业", "the posting names no occupation");
    }
    Work job = o.work();
    return switch (tier) {
      case ASKED -> {
        Work d =
            s.desired().stream().filter(x -> x.code().equals(job.code())).findFirst().orElseThrow();
        yield d.name().equals(job.name())
            ? Reason.of("期望从事" + job.zh() + "，正是本岗位", "wants work as " + job.en() + ": this is it")
            : Reason.of(
                "期望从事" + d.zh() + "，与本岗位" + job.zh() + "是同一职业",
                "wants work as " + d.en() + ", the same occupation as " + job.en());
      }
      case GROUP_ASKED -> {
        Work d =
            s.desired().stream()
                .filter(x -> x.group().equals(job.group()))
                .findFirst()
                .orElseThrow();
        yield Reason.of(
            "期望从事" + d.zh() + "，与本岗位" + job.zh() + "是同类工作",
            "wants work as " + d.en() + ", in the same group as " + job.en());
      }
      case DONE ->
          Reason.of(
              "做过与" + job.zh() + "相关的工作，但没有把它列为期望",
              "has done work related to " + job.en() + " without asking for it");
      default ->
          Reason.of(
              "本岗位" + job.zh() + "不在居民期望的工作之中",
              job.en() + " is not among the work the resident asks for");
    };
  }

  // ---------------------------------------------------------------- skills

  /** The share of the posting's skills the resident has; half when the posting lists none. */
  static double skills(Jobseeker s, Posting o) {
    int held = 0;
    for (String key : o.skillKeys()) {
      if (s.skillKeys().contains(key)) {
        held++;
      }
    }
    return skillShare(held, o.skillKeys().size());
  }

  /** The skills fraction of a posting that lists no skills: neither good nor bad. */
  public static final double NO_SKILLS_LISTED = 0.5;

  /** {@code held} of the {@code listed} skills; {@link #NO_SKILLS_LISTED} when none are listed. */
  public static double skillShare(int held, int listed) {
    return listed == 0 ? NO_SKILLS_LISTED : (double) held / listed;
  }

  private static Reason skillsReason(Jobseeker s, Posting o) {
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
  static double wage(Jobseeker s, Posting o) {
    int min = s.minWage() == null ? NO_WAGE : s.minWage();
    return wage(lowestAccepted(min, o.publicWelfare()), o.wageMax());
  }

  /**
   * The share below their stated lowest wage that a resident accepts from a public-welfare post: it
   * carries social insurance and subsidies. Only residents who qualify for such posts are matched
   * to them ({@link HardRules}), so the posting alone decides.
   */
  public static final int WELFARE_DISCOUNT_PERCENT = 10;

  /**
   * The lowest top wage a resident accepts from a posting: their stated lowest, or for a
   * public-welfare post {@link #WELFARE_DISCOUNT_PERCENT} below it, rounded up to the yuan (3000
   * gives 2700, 3005 gives 2705); {@link #NO_WAGE} stays.
   */
  public static int lowestAccepted(int min, boolean publicWelfare) {
    if (min == NO_WAGE || !publicWelfare) {
      return min;
    }
    return min - (int) ((long) min * WELFARE_DISCOUNT_PERCENT / 100);
  }

  /** A resident's lowest wage when they state none. */
  public static final int NO_WAGE = Integer.MIN_VALUE;

  /** The wage fraction when the resident states no wage. */
  public static final double NO_WAGE_STATED = 0.6;

  /** The wage fraction of a top wage that just meets the resident's lowest. */
  public static final double WAGE_MET = 0.7;

  /**
   * What the fraction gains, evenly, from a wage just met to one {@link #WAGE_FULL_ABOVE} above.
   */
  public static final double WAGE_RISE = 0.3;

  /** The share above the resident's lowest wage at which the wage fraction reaches 1. */
  public static final double WAGE_FULL_ABOVE = 0.3;

  /** The fraction of a top wage a hair short of the resident's lowest, falling evenly to 0. */
  public static final double WAGE_SHORT_AT_MOST = 0.5;

  /** The shortfall, as a share of the resident's lowest wage, at which the fraction reaches 0. */
  public static final double WAGE_SHORT_LIMIT = 0.2;

  /** {@link #wage(Jobseeker, Posting)} on the two numbers; {@code min} may be {@link #NO_WAGE}. */
  public static double wage(int min, int wageMax) {
    if (min == NO_WAGE) {
      return NO_WAGE_STATED;
    }
    if (wageMax >= min) {
      return min == 0
          ? 1.0
          : WAGE_MET + WAGE_RISE * Math.min(1.0, (wageMax - min) / (WAGE_FULL_ABOVE * min));
    }
    double shortfall = (double) (min - wageMax) / min;
    return shortfall <= WAGE_SHORT_LIMIT
        ? WAGE_SHORT_AT_MOST * (1 - shortfall / WAGE_SHORT_LIMIT)
        : 0;
  }

  /**
   * A point of the wage curve: a posting whose top wage is at least {@code ratio} times the
   * resident's lowest gets at least {@code fraction}.
   */
  public record WageTier(double ratio, double fraction) {}

  /**
   * Points of the wage curve, best first, from its constants: fully met, halfway up, just met, and
   * short by half the limit. The looser "why not" search scores by them.
   */
  public static final List<WageTier> WAGE_TIERS =
      List.of(
          new WageTier(1 + WAGE_FULL_ABOVE, WAGE_MET + WAGE_RISE),
          new WageTier(1 + WAGE_FULL_ABOVE / 2, WAGE_MET + WAGE_RISE / 2),
          new WageTier(1, WAGE_MET),
          new WageTier(1 - WAGE_SHORT_LIMIT / 2, WAGE_SHORT_AT_MOST / 2));

  private static Reason wageReason(Jobseeker s, Posting o) {
    Integer min = s.minWage();
    if (min == null) {
      return Reason.of(
          "居民未填写期望月薪；本岗位最高" + o.wageMax(),
          "the resident states no wage; this posting pays up to " + o.wageMax());
    }
    String zh = "期望月薪" + min + "，本岗位最高" + o.wageMax();
    String en = "wants at least " + min + " a month; this posting pays up to " + o.wageMax();
    int accepted = lowestAccepted(min, o.publicWelfare());
    if (o.wageMax() >= min) {
      return Reason.of(zh, en);
    }
    if (o.wageMax() >= accepted) {
      return Reason.of(
          zh + "；公益性岗位含社保和补贴，低于期望" + WELFARE_DISCOUNT_PERCENT + "%以内视同满足",
          en
              + "; a public-welfare post carries social insurance and subsidies, so up to "
              + WELFARE_DISCOUNT_PERCENT
              + "% less counts as met");
    }
    double shortfall = (double) (accepted - o.wageMax()) / accepted;
    return shortfall <= WAGE_SHORT_LIMIT
        ? Reason.of(zh + "，略低于期望", en + ", a little short")
        : Reason.of(zh + "，低于期望较多", en + ", well short");
  }

  // ---------------------------------------------------------------- place

  /** Same community 1, elsewhere in the district 0.7, same city 0.4, another city 0. */
  double place(Jobseeker s, Posting o) {
    return o.communityId() != null
        ? place(true, o.communityId() == s.communityId(), false)
        : place(false, false, inHomeCity(o));
  }

  /** True when the posting's city is the street office's. */
  public boolean inHomeCity(Posting o) {
    return homeCity.equals(o.city());
  }

  /** The place fraction of work in the resident's own community. */
  public static final double SAME_COMMUNITY = 1.0;

  /** The place fraction of work in another community of the district. */
  public static final double IN_DISTRICT = 0.7;

  /** The place fraction of work outside the district in the street office's city. */
  public static final double IN_HOME_CITY = 0.4;

  /** {@link #place(Jobseeker, Posting)} on what it decides by. */
  public static double place(boolean inDistrict, boolean sameCommunity, boolean inHomeCity) {
    if (inDistrict) {
      return sameCommunity ? SAME_COMMUNITY : IN_DISTRICT;
    }
    return inHomeCity ? IN_HOME_CITY : 0;
  }

  private Reason placeReason(Jobseeker s, Posting o) {
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
  static double schedule(Jobseeker s, Posting o) {
    List<Schedule> accepted = s.schedules();
    return schedule(
        accepted.isEmpty(),
        !accepted.isEmpty() && accepted.get(0) == o.schedule(),
        !accepted.isEmpty() && accepted.contains(o.schedule()));
  }

  /** The schedule fraction of the hours the resident names first. */
  public static final double PREFERRED_HOURS = 1.0;

  /**
   * The schedule fraction of other hours the resident accepts, or of any hours for one who says
   * none.
   */
  public static final double ACCEPTED_HOURS = 0.6;

  /** {@link #schedule(Jobseeker, Posting)} on what it decides by. */
  public static double schedule(boolean anyHours, boolean preferred, boolean accepted) {
    if (anyHours) {
      return ACCEPTED_HOURS;
    }
    if (preferred) {
      return PREFERRED_HOURS;
    }
    return accepted ? ACCEPTED_HOURS : 0;
  }

  private static Reason scheduleReason(Jobseeker s, Posting o) {
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
  public static double experience(Jobseeker s, Posting o) {
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

  /** The experience fraction of a history that names the posting's occupation. */
  public static final double DONE_IT = 1.0;

  /** The experience fraction of a history that names work of the posting's group. */
  public static final double DONE_ITS_GROUP = 0.5;

  /** {@link #experience(Jobseeker, Posting)} on what it decides by. */
  public static double experience(boolean pastCode, boolean pastGroup) {
    return pastCode ? DONE_IT : pastGroup ? DONE_ITS_GROUP : 0;
  }

  private static Reason experienceReason(Jobseeker s, Posting o) {
    double e = experience(s, o);
    if (e == DONE_IT) {
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
  static double freshness(Jobseeker s, Posting o, Perspective p, LocalDate today) {
    if (p == Perspective.FOR_RESIDENT) {
      return postingFreshness(ChronoUnit.DAYS.between(o.createdOn(), today));
    }
    return profileFreshness(s, today);
  }

  /**
   * A fraction by age in days: that of the first tier whose days the age is within, else {@code
   * older}.
   */
  public static final class AgeTiers {
    private final int[] days;
    private final double[] fractions;
    private final double older;

    AgeTiers(int[] days, double[] fractions, double older) {
      this.days = days.clone();
      this.fractions = fractions.clone();
      this.older = older;
    }

    /** The fraction at an age of {@code days}. */
    public double at(long age) {
      for (int i = 0; i < days.length; i++) {
        if (age <= days[i]) {
          return fractions[i];
        }
      }
      return older;
    }

    /** How many tiers there are before "older". */
    public int size() {
      return days.length;
    }

    /** The most days of tier {@code i}. */
    public int days(int i) {
      return days[i];
    }

    /** The fraction of tier {@code i}. */
    public double fraction(int i) {
      return fractions[i];
    }

    /** The fraction of anything older than the last tier. */
    public double older() {
      return older;
    }
  }

  /** Freshness on a resident's list by the posting's age: a week 1, a month 0.6, 3 months 0.3. */
  public static final AgeTiers POSTING_AGE =
      new AgeTiers(new int[] {7, 30, 90}, new double[] {1.0, 0.6, 0.3}, 0);

  /** Freshness on a posting's list by the profile's age: a month 1, 3 months 0.5, older 0.2. */
  public static final AgeTiers PROFILE_AGE =
      new AgeTiers(new int[] {30, 90}, new double[] {1.0, 0.5}, 0.2);

  /** Freshness on a resident's list, by the posting's age in days. */
  public static double postingFreshness(long days) {
    return POSTING_AGE.at(days);
  }

  /** Freshness on a posting's list: it depends on the resident's profile alone. */
  static double profileFreshness(Jobseeker s, LocalDate today) {
    return profileFreshness(ChronoUnit.DAYS.between(s.updatedOn(), today));
  }

  /** {@link #profileFreshness(Jobseeker, LocalDate)} by the profile's age in days. */
  public static double profileFreshness(long days) {
    return PROFILE_AGE.at(days);
  }

  private static Reason freshnessReason(Jobseeker s, Posting o, Perspective p, LocalDate today) {
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
  static double priority(Jobseeker s, LocalDate today) {
    return priority(s.categories().size(), longUnemployed(s, today));
  }

  /** Priority from categories is {@code BASE + EACH × n}, at most {@link #CATEGORIES_AT_MOST}. */
  private static final double CATEGORIES_BASE = 0.5;

  /** See {@link #CATEGORIES_BASE}. */
  private static final double CATEGORIES_EACH = 0.1;

  /** The most the employment-difficulty categories give. */
  public static final double CATEGORIES_AT_MOST = 0.8;

  /** What a year or more out of work adds to priority. */
  public static final double LONG_UNEMPLOYED = 0.2;

  /** {@link #priority(Jobseeker, LocalDate)} on how many categories and a year out of work. */
  public static double priority(int categories, boolean longUnemployed) {
    double f =
        categories == 0
            ? 0
            : Math.min(CATEGORIES_AT_MOST, CATEGORIES_BASE + CATEGORIES_EACH * categories);
    if (longUnemployed) {
      f += LONG_UNEMPLOYED;
    }
    return Math.min(1.0, f);
  }

  private static boolean longUnemployed(Jobseeker s, LocalDate today) {
    return s.unemployedSince() != null && !s.unemployedSince().isAfter(longUnemployedFrom(today));
  }

  /** Out of work since this day or earlier: a year or more. */
  public static LocalDate longUnemployedFrom(LocalDate today) {
    return today.minusYears(1);
  }

  private static Reason priorityReason(Jobseeker s, LocalDate today) {
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
  public double residentSide(double occupation, double wage, double place, double schedule) {
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
  public double employerSide(double occupation, double skills, double experience) {
    double max = w.occupation() + w.skills() + w.experience();
    return max == 0
        ? 0
        : (w.occupation() * occupation + w.skills() * skills + w.experience() * experience) / max;
  }
}
