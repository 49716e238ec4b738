package hongniang.matching;

import hongniang.common.Education;
import hongniang.matching.Scorer.Perspective;
import java.time.LocalDate;

/**
 * Residents ranked for one posting, on columns: {@link HardRules#allows} and {@link Scorer#points}
 * from the posting's side, to the last bit. The posting's keys become a table over the residents'
 * key numbers, so each resident costs one pass over its few keys and a handful of comparisons; the
 * fractions come from the scorer's own formulas and are added up by {@link Scorer#total}.
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
  private final boolean inHomeCity;
  private final int wageMax;
  private final int year;
  private final long today;
  private final long longUnemployedFrom;
  private final double[] skillShare;

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
    this.inHomeCity = scorer.inHomeCity(o);
    this.wageMax = o.wageMax();
    this.year = today.getYear();
    this.today = today.toEpochDay();
    this.longUnemployedFrom = Scorer.longUnemployedFrom(today).toEpochDay();
    this.skillShare = new double[listed + 1];
    for (int held = 0; held <= listed; held++) {
      skillShare[held] = Scorer.skillShare(held, listed);
    }
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
    long m = match(r);
    return allows(r, m) ? points(r, m) : Double.NEGATIVE_INFINITY;
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

  private boolean allows(int r, long m) {
    int flags = c.flags[r];
    int accepted = c.accepted[r];
    int age = year - c.birthYear[r];
    return admitted
        && (flags & SeekerColumns.ADMITTED) != 0 // NotSeeking
        && m >>> 32 == required // LicenceMissing
        && !(welfare && c.categories[r] == 0) // PublicWelfareNotEligible
        && (accepted == 0 || (accepted & scheduleBit) != 0) // ScheduleNotAcceptable
        && age >= minAge
        && age <= maxAge // AgeOutOfRange
        && c.education[r] >= minEducation // EducationBelowMinimum
        && (inDistrict || (flags & SeekerColumns.WILLING_OUTSIDE) != 0) // OutsideNotWanted
        && (onlyCommunity == null || onlyCommunity == c.community[r]);
  }

  private double points(int r, long m) {
    boolean pastGroup = (m & PAST_GROUP) != 0;
    int accepted = c.accepted[r];
    return scorer.total(
        Scorer.occupationTier(
            (m & DESIRED_CODE) != 0,
            (m & DESIRED_GROUP) != 0,
            (m & PAST_CODE) != 0,
            (c.flags[r] & SeekerColumns.WISHES) == 0 && pastGroup),
        skillShare[(int) (m >>> 8) & 0xFFFFFF],
        Scorer.wage(c.minWage[r], wageMax),
        inDistrict
            ? Scorer.place(true, community == c.community[r], false)
            : Scorer.place(false, false, inHomeCity),
        Scorer.schedule(accepted == 0, c.preferred[r] == schedule, (accepted & scheduleBit) != 0),
        Scorer.experience((m & PAST_CODE) != 0, pastGroup),
        freshness(r),
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
