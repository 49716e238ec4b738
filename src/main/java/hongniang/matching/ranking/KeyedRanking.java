package hongniang.matching.ranking;

import hongniang.matching.Scorer;

/**
 * What both column rankings share: the columns, the query's table of what each of their keys means
 * to it, one pass over an item's keys, the hard rules in the order that skips that pass when it
 * can, and the two sides of the balance kept in tables (they divide, and take few distinct inputs).
 */
abstract class KeyedRanking implements ColumnRanking {

  // what a key means to the query
  static final int DESIRED_CODE = 1;
  static final int DESIRED_GROUP = 2;
  static final int PAST_CODE = 4;
  static final int PAST_GROUP = 8;
  static final int SKILL = 16;
  static final int LICENCE = 32;
  static final int HOME_CITY = 64;

  /** The experience fractions, by index: done the occupation, done its group, neither. */
  static final double[] EXPERIENCE = {
    Scorer.experience(true, false), Scorer.experience(false, true), Scorer.experience(false, false)
  };

  /** The resident's hours against the posting's: any, preferred, accepted, not accepted. */
  static final int HOURS = 4;

  final Scorer scorer;
  final byte[] roles;
  private final Columns columns;
  private double[] residentSide = new double[0];
  private double[] employerSide = new double[0];

  KeyedRanking(Scorer scorer, Columns columns) {
    this.scorer = scorer;
    this.columns = columns;
    this.roles = columns.roles();
  }

  @Override
  public final int size() {
    return columns.size;
  }

  @Override
  public final long id(int i) {
    return columns.id[i];
  }

  @Override
  public final long minIdFrom(int i) {
    return columns.minIdFrom(i);
  }

  /** True when the pair breaks no hard rule: {@link HardRules#allows}. */
  public final boolean allows(int i) {
    return score(i) != Double.NEGATIVE_INFINITY;
  }

  /** The pair's score: {@link Scorer#points}, to the last bit. */
  public final double points(int i) {
    return points(i, match(i));
  }

  @Override
  public final double score(int i) {
    return passesPlainRules(i) ? scorePassing(i) : Double.NEGATIVE_INFINITY;
  }

  @Override
  public final double scorePassing(int i) {
    long m = match(i);
    return m >>> 32 == requiredLicences(i) ? points(i, m) : Double.NEGATIVE_INFINITY;
  }

  /** Every hard rule but LicenceMissing, which needs the keys. */
  @Override
  public abstract boolean passesPlainRules(int i);

  /** How many licences the pair's posting requires. */
  abstract int requiredLicences(int i);

  /** The score, given what {@link #match} found. */
  abstract double points(int i, long m);

  /**
   * The roles of item {@code i}'s keys (low bits), how many of them are skills of the posting the
   * resident holds (bits 8–31) and licences of the posting the resident holds (bits 32 and up).
   */
  final long match(int i) {
    int roleBits = 0;
    int skills = 0;
    int licences = 0;
    int[] keys = columns.keys;
    for (int k = columns.keyStart[i], end = columns.keyStart[i + 1]; k < end; k++) {
      int role = roles[keys[k]];
      roleBits |= role;
      skills += (role >>> 4) & 1;
      licences += (role >>> 5) & 1;
    }
    return roleBits | (long) skills << 8 | (long) licences << 32;
  }

  /** Skills held, from what {@link #match} found. */
  static int skillsHeld(long m) {
    return (int) (m >>> 8) & 0xFFFFFF;
  }

  /** The occupation tier, from what {@link #match} found; {@code wishes}: the resident asks. */
  static int tier(long m, boolean wishes) {
    return Scorer.occupationTier(
        (m & DESIRED_CODE) != 0,
        (m & DESIRED_GROUP) != 0,
        (m & PAST_CODE) != 0,
        !wishes && (m & PAST_GROUP) != 0);
  }

  /** The experience's index in {@link #EXPERIENCE}, from what {@link #match} found. */
  static int experience(long m) {
    return (m & PAST_CODE) != 0 ? 0 : (m & PAST_GROUP) != 0 ? 1 : 2;
  }

  /** The index in {@link #EXPERIENCE} of a cap on experience. */
  static int experienceIndex(double experience) {
    return experience >= EXPERIENCE[0] ? 0 : experience >= EXPERIENCE[1] ? 1 : 2;
  }

  /** The index of the hours case: any, preferred, accepted, not accepted. */
  static int hours(boolean anyHours, boolean preferred, boolean accepted) {
    return anyHours ? 0 : preferred ? 1 : accepted ? 2 : 3;
  }

  /** Sizes the balance tables; each entry is worked out when first needed. */
  final void tables(int residentSides, int employerSides) {
    residentSide = new double[residentSides];
    employerSide = new double[employerSides];
    java.util.Arrays.fill(residentSide, Double.NaN);
    java.util.Arrays.fill(employerSide, Double.NaN);
  }

  /** {@link Scorer#residentSide}, kept at {@code at}. */
  final double residentSide(int at, double occupation, double wage, double place, double hours) {
    double v = residentSide[at];
    if (v != v) {
      v = scorer.residentSide(occupation, wage, place, hours);
      residentSide[at] = v;
    }
    return v;
  }

  /** {@link Scorer#employerSide}, kept at {@code at}; a negative {@code at} is not kept. */
  final double employerSide(int at, double occupation, double skills, double experience) {
    if (at < 0) {
      return scorer.employerSide(occupation, skills, experience);
    }
    double v = employerSide[at];
    if (v != v) {
      v = scorer.employerSide(occupation, skills, experience);
      employerSide[at] = v;
    }
    return v;
  }
}
