package hongniang.matching;

import hongniang.common.Education;
import hongniang.matching.Scorer.Perspective;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Residents ranked for one posting, on columns: {@link HardRules#allows} and {@link Scorer#points}
 * from the posting's side, to the last bit. The rules on plain numbers come first; then the
 * posting's keys, as a table over the residents' key numbers, say in one pass over a resident's few
 * keys how their occupations relate and how many of the posting's skills and licences they hold.
 * The fractions come from the scorer's own formulas; the two sides of the balance, which divide,
 * are kept in tables over their few distinct inputs; {@link Scorer#sum} adds them up.
 */
public final class ResidentsForPosting implements ColumnRanking {

  static final int DESIRED_CODE = 1;
  static final int DESIRED_GROUP = 2;
  static final int PAST_CODE = 4;
  static final int PAST_GROUP = 8;
  static final int SKILL = 16;
  static final int LICENCE = 32;

  private final Scorer scorer;
  private final SeekerColumns c;
  private final byte[] roles;
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
  private final long longUnemployedFrom;
  private final double[] skillShare; // by skills held
  private final double[] wage; // by the resident's wage level
  private final int levels;
  private final double[] residentSide; // [tier][wage level][same community][hours]; NaN until met
  private final double[] employerSide; // [tier][skills held][experience]; NaN until met

  /**
   * The posting against these residents, {@code today}; with {@code onlyCommunity} set, residents
   * of other communities are left out as if a rule excluded them.
   */
  public ResidentsForPosting(
      Scorer scorer, Opening o, LocalDate today, SeekerColumns residents, Long onlyCommunity) {
    this.scorer = scorer;
    this.c = residents;
    this.onlyCommunity = onlyCommunity;
    this.roles = residents.roles();
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
      wage[level] = Scorer.wage(wages[level], o.wageMax());
    }
    this.residentSide = new double[Scorer.OCCUPATION.length * levels * 2 * HOURS];
    this.employerSide = new double[Scorer.OCCUPATION.length * (listed + 1) * EXPERIENCE.length];
    Arrays.fill(residentSide, Double.NaN);
    Arrays.fill(employerSide, Double.NaN);
  }

  @Override
  public int size() {
    return c.size;
  }

  @Override
  public long id(int r) {
    return c.id[r];
  }

  /** True when the pair breaks no hard rule: {@link HardRules#allows}. */
  public boolean allows(int r) {
    return score(r) != Double.NEGATIVE_INFINITY;
  }

  /** The pair's score for the posting's list: {@link Scorer#points}, to the last bit. */
  public double points(int r) {
    return points(r, match(r));
  }

  @Override
  public double score(int r) {
    if (!passesPlainRules(r)) {
      return Double.NEGATIVE_INFINITY;
    }
    long m = match(r);
    return m >>> 32 == required ? points(r, m) : Double.NEGATIVE_INFINITY; // LicenceMissing
  }

  @Override
  public double upper(int r, int tier, double experience) {
    return total(r, tier, listed, experienceIndex(experience));
  }

  /** Every hard rule but the licences, which need the keys. */
  private boolean passesPlainRules(int r) {
    int flags = c.flags[r];
    int accepted = c.accepted[r];
    int age = year - c.birthYear[r];
    return admitted
        && (flags & SeekerColumns.ADMITTED) != 0 // NotSeeking
        && !(welfare && c.categories[r] == 0) // PublicWelfareNotEligible
        && (accepted == 0 || (accepted & scheduleBit) != 0) // ScheduleNotAcceptable
        && age >= minAge
        && age <= maxAge // AgeOutOfRange
        && c.education[r] >= minEducation // EducationBelowMinimum
        && (inDistrict || (flags & SeekerColumns.WILLING_OUTSIDE) != 0) // OutsideNotWanted
        && (onlyCommunity == null || onlyCommunity == c.community[r]);
  }

  /**
   * The roles of the resident's keys (low bits), how many of the posting's skills they hold (bits
   * 8–31) and how many of its licences (bits 32 and up).
   */
  private long match(int r) {
    int roleBits = 0;
    int skills = 0;
    int licences = 0;
    int[] keys = c.keys;
    for (int i = c.keyStart[r], end = c.keyStart[r + 1]; i < end; i++) {
      int role = roles[keys[i]];
      roleBits |= role;
      skills += (role >>> 4) & 1;
      licences += (role >>> 5) & 1;
    }
    return roleBits | (long) skills << 8 | (long) licences << 32;
  }

  private double points(int r, long m) {
    boolean pastCode = (m & PAST_CODE) != 0;
    boolean pastGroup = (m & PAST_GROUP) != 0;
    int tier =
        Scorer.occupationTier(
            (m & DESIRED_CODE) != 0,
            (m & DESIRED_GROUP) != 0,
            pastCode,
            (c.flags[r] & SeekerColumns.WISHES) == 0 && pastGroup);
    return total(r, tier, (int) (m >>> 8) & 0xFFFFFF, pastCode ? 0 : pastGroup ? 1 : 2);
  }

  /** The experience fractions, by index: done the occupation, done its group, neither. */
  private static final double[] EXPERIENCE = {
    Scorer.experience(true, false), Scorer.experience(false, true), Scorer.experience(false, false)
  };

  private static int experienceIndex(double experience) {
    return experience >= EXPERIENCE[0] ? 0 : experience >= EXPERIENCE[1] ? 1 : 2;
  }

  /** The resident's hours against the posting's: any, preferred, accepted, not accepted. */
  private static final int HOURS = 4;

  /** The score with this tier, skills held and experience, the other parts the resident's own. */
  private double total(int r, int tier, int held, int experience) {
    double occupation = Scorer.OCCUPATION[tier];
    double skills = skillShare[held];
    int level = c.wages.of()[r];
    double wage = this.wage[level];
    boolean same = inDistrict && community == c.community[r];
    double place = inDistrict ? Scorer.place(true, same, false) : outsidePlace;
    int accepted = c.accepted[r];
    boolean preferred = c.preferred[r] == schedule;
    boolean acceptable = (accepted & scheduleBit) != 0;
    double hours = Scorer.schedule(accepted == 0, preferred, acceptable);
    int h = accepted == 0 ? 0 : preferred ? 1 : acceptable ? 2 : 3;
    double exp = EXPERIENCE[experience];
    int rs = ((tier * levels + level) * 2 + (same ? 1 : 0)) * HOURS + h;
    double forResident = residentSide[rs];
    if (forResident != forResident) {
      forResident = scorer.residentSide(occupation, wage, place, hours);
      residentSide[rs] = forResident;
    }
    int es = (tier * (listed + 1) + held) * EXPERIENCE.length + experience;
    double forEmployer = employerSide[es];
    if (forEmployer != forEmployer) {
      forEmployer = scorer.employerSide(occupation, skills, exp);
      employerSide[es] = forEmployer;
    }
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
    return Scorer.profileFreshness(today - c.updated[r]);
  }

  @Override
  public long minIdFrom(int i) {
    return c.minIdFrom(i);
  }

  @Override
  public boolean newestFirst() {
    return c.newestFirst;
  }
}
