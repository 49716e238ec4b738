package hongniang.matching.ranking;

import hongniang.common.Education;
import hongniang.matching.HardRules;
import hongniang.matching.MatchKeys;
import hongniang.matching.Posting;
import hongniang.matching.Scorer;
import hongniang.matching.Scorer.Perspective;
import java.time.LocalDate;

/**
 * Residents ranked for one posting, on columns: {@link HardRules#allows} and {@link Scorer#points}
 * from the posting's side, to the last bit. The rules on plain numbers come first; then the
 * posting's keys, as a table over the residents' key numbers, say in one pass over a resident's few
 * keys how their occupations relate and how many of the posting's skills and licences they hold.
 * The fractions come from the scorer's own formulas and {@link Scorer#sum} adds them up.
 */
public final class JobseekersForPosting extends KeyedRanking {

  private final JobseekerColumns c;
  private final Long onlyCommunity;
  private final boolean admitted;
  private final int required;
  private final int listed;
  private final boolean welfare;
  private final int scheduleBit;
  private final int schedule;
  private final int minAge;
  private final int maxAge;
  private final int minEducation;
  private final boolean inDistrict;
  private final long community;
  private final double outsidePlace;
  private final int year;
  private final long today;
  private final Steps steps; // freshness along columns stored newest first, else null
  private final long longUnemployedFrom;
  private final double[] skillShare; // by skills held
  private final double[] wage; // by the resident's wage level
  private final int levels;

  /**
   * The posting against these residents, {@code today}; with {@code onlyCommunity} set, residents
   * of other communities are left out as if a rule excluded them.
   */
  public JobseekersForPosting(
      Scorer scorer, Posting o, LocalDate today, JobseekerColumns residents, Long onlyCommunity) {
    super(scorer, residents);
    this.c = residents;
    this.onlyCommunity = onlyCommunity;
    if (o.work() != null) {
      residents.mark(roles, MatchKeys.DESIRED_CODE + o.work().code(), DESIRED_CODE);
      residents.mark(roles, MatchKeys.DESIRED_GROUP + o.work().group(), DESIRED_GROUP);
      residents.mark(roles, MatchKeys.PAST_CODE + o.work().code(), PAST_CODE);
      residents.mark(roles, MatchKeys.PAST_GROUP + o.work().group(), PAST_GROUP);
    }
    o.skillKeys().forEach(k -> residents.mark(roles, MatchKeys.SKILL + k, SKILL));
    o.requiredLicences().forEach(l -> residents.mark(roles, MatchKeys.LICENCE + l, LICENCE));
    this.admitted = HardRules.admitsPosting(o, today);
    this.required = o.requiredLicences().size();
    this.listed = o.skillKeys().size();
    this.welfare = o.publicWelfare();
    this.schedule = o.schedule().ordinal();
    this.scheduleBit = 1 << schedule;
    this.minAge = o.minAge() == null ? Integer.MIN_VALUE : o.minAge();
    this.maxAge = o.maxAge() == null ? Integer.MAX_VALUE : o.maxAge();
    this.minEducation = (o.minEducation() == null ? Education.NONE : o.minEducation()).ordinal();
    this.inDistrict = o.communityId() != null;
    this.community = inDistrict ? o.communityId() : 0;
    this.outsidePlace = Scorer.place(false, false, scorer.inHomeCity(o));
    this.year = today.getYear();
    this.today = today.toEpochDay();
    this.longUnemployedFrom = Scorer.longUnemployedFrom(today).toEpochDay();
    this.skillShare = new double[listed + 1];
    for (int held = 0; held <= listed; held++) {
      skillShare[held] = Scorer.skillShare(held, listed);
    }
    int[] wages = residents.wages.values();
    this.levels = wages.length;
    this.wage = new double[levels];
    for (int level = 0; level < levels; level++) {
      wage[level] = Scorer.wage(Scorer.lowestAccepted(wages[level], welfare), o.wageMax());
    }
    int tiers = Scorer.TIERS;
    tables(tiers * levels * 2 * HOURS, tiers * (listed + 1) * EXPERIENCE.length);
    this.steps = c.newestFirst ? Steps.of(c.size, this::dated) : null;
  }

  @Override
  public double upper(int r, int tier, double experience) {
    return total(r, tier, listed, experienceIndex(experience));
  }

  @Override
  public boolean passesPlainRules(int r) {
    int flags = c.flags[r];
    int accepted = c.accepted[r];
    int age = year - c.birthYear[r];
    return admitted
        && (flags & JobseekerColumns.ADMITTED) != 0 // NotSeeking
        && !(welfare && c.categories[r] == 0) // PublicWelfareNotEligible
        && (accepted == 0 || (accepted & scheduleBit) != 0) // ScheduleNotAcceptable
        && age >= minAge
        && age <= maxAge // AgeOutOfRange
        && c.education[r] >= minEducation // EducationBelowMinimum
        && (inDistrict || (flags & JobseekerColumns.WILLING_OUTSIDE) != 0) // OutsideNotWanted
        && (onlyCommunity == null || onlyCommunity == c.community[r]);
  }

  @Override
  int requiredLicences(int r) {
    return required;
  }

  @Override
  double points(int r, long m) {
    return total(
        r, tier(m, (c.flags[r] & JobseekerColumns.WISHES) != 0), skillsHeld(m), experience(m));
  }

  /** The score with this tier, skills held and experience, the other parts the resident's own. */
  private double total(int r, int tier, int held, int experience) {
    double occupation = Scorer.occupation(tier);
    double skills = skillShare[held];
    int level = c.wages.of()[r];
    double wage = this.wage[level];
    boolean same = inDistrict && community == c.community[r];
    double place = inDistrict ? Scorer.place(true, same, false) : outsidePlace;
    int accepted = c.accepted[r];
    boolean preferred = c.preferred[r] == schedule;
    boolean acceptable = (accepted & scheduleBit) != 0;
    double hours = Scorer.schedule(accepted == 0, preferred, acceptable);
    double exp = EXPERIENCE[experience];
    double forResident =
        residentSide(
            ((tier * levels + level) * 2 + (same ? 1 : 0)) * HOURS
                + hours(accepted == 0, preferred, acceptable),
            occupation,
            wage,
            place,
            hours);
    double forEmployer =
        employerSide(
            (tier * (listed + 1) + held) * EXPERIENCE.length + experience, occupation, skills, exp);
    return scorer.sum(
        occupation,
        skills,
        wage,
        place,
        hours,
        exp,
        freshness(r),
        Math.min(forResident, forEmployer),
        Perspective.FOR_POSTING,
        Scorer.priority(c.categories[r], c.unemployedSince[r] <= longUnemployedFrom));
  }

  @Override
  public double freshness(int r) {
    return steps != null ? steps.at(r) : dated(r);
  }

  private double dated(int r) {
    return Scorer.profileFreshness(today - c.updated[r]);
  }

  @Override
  public boolean newestFirst() {
    return c.newestFirst;
  }
}
