package hongniang.matching;

import hongniang.common.Schedule;
import hongniang.matching.Scorer.Perspective;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Postings ranked for one resident, on columns: {@link HardRules#allows} and {@link Scorer#points}
 * from the resident's side, to the last bit. The rules on plain numbers come first; then the
 * resident's keys, as a table over the postings' key numbers, say how a posting's code and group
 * relate to the resident's wishes and history, how many of its skills and licences the resident
 * holds, and whether its city is the home city. The two sides of the balance, which divide, are
 * kept in tables over their few distinct inputs; {@link Scorer#sum} adds the fractions up.
 */
public final class PostingsForResident implements ColumnRanking {

  private static final int DESIRED_CODE = ResidentsForPosting.DESIRED_CODE;
  private static final int DESIRED_GROUP = ResidentsForPosting.DESIRED_GROUP;
  private static final int PAST_CODE = ResidentsForPosting.PAST_CODE;
  private static final int PAST_GROUP = ResidentsForPosting.PAST_GROUP;
  private static final int SKILL = ResidentsForPosting.SKILL;
  private static final int LICENCE = ResidentsForPosting.LICENCE;
  private static final int HOME_CITY = 64;

  /** Postings listing up to this many skills have their skill shares and balances tabled. */
  private static final int TABLED_SKILLS = 15;

  /** The experience fractions, by index: done the occupation, done its group, neither. */
  private static final double[] EXPERIENCE = {
    Scorer.experience(true, false), Scorer.experience(false, true), Scorer.experience(false, false)
  };

  /** The posting's hours against the resident's: any, preferred, accepted, not accepted. */
  private static final int HOURS = 4;

  /** Where the work is: the resident's community, the district, the home city, elsewhere. */
  private static final double[] PLACE = {
    Scorer.place(true, true, false),
    Scorer.place(true, false, false),
    Scorer.place(false, false, true),
    Scorer.place(false, false, false)
  };

  private final Scorer scorer;
  private final OpeningColumns c;
  private final byte[] roles;
  private final boolean admitted;
  private final boolean wishes;
  private final boolean difficulty;
  private final int accepted;
  private final int preferred;
  private final int age;
  private final int education;
  private final boolean willingOutside;
  private final long community;
  private final long today;
  private final double[] wage; // by the posting's wage level
  private final int levels;
  private final double[] skillShare; // [listed][held] for tabled sizes
  private final double[] residentSide; // [tier][wage level][place][hours]; NaN until met
  private final double[] employerSide; // [tier][listed][held][experience]; NaN until met

  /** The resident against these postings, {@code today}. */
  public PostingsForResident(Scorer scorer, Seeker s, LocalDate today, OpeningColumns postings) {
    this.scorer = scorer;
    this.c = postings;
    this.roles = postings.roles();
    for (Work w : s.desired()) {
      postings.mark(roles, MatchKeys.CODE + w.code(), DESIRED_CODE);
      postings.mark(roles, MatchKeys.GROUP + w.group(), DESIRED_GROUP);
    }
    for (Work w : s.pastWork()) {
      postings.mark(roles, MatchKeys.CODE + w.code(), PAST_CODE);
      postings.mark(roles, MatchKeys.GROUP + w.group(), PAST_GROUP);
    }
    s.skillKeys().forEach(k -> postings.mark(roles, MatchKeys.SKILL + k, SKILL));
    s.licences().forEach(l -> postings.mark(roles, MatchKeys.LICENCE + l, LICENCE));
    postings.mark(roles, MatchKeys.CITY + scorer.homeCity(), HOME_CITY);
    this.admitted = HardRules.admitsResident(s);
    this.wishes = !s.desired().isEmpty();
    this.difficulty = !s.categories().isEmpty();
    int bits = 0;
    for (Schedule sc : s.schedules()) {
      bits |= 1 << sc.ordinal();
    }
    this.accepted = bits;
    this.preferred = s.schedules().isEmpty() ? -1 : s.schedules().get(0).ordinal();
    this.age = today.getYear() - s.birthYear();
    this.education = s.education().ordinal();
    this.willingOutside = s.willingOutside();
    this.community = s.communityId();
    this.today = today.toEpochDay();
    int minWage = s.minWage() == null ? Scorer.NO_WAGE : s.minWage();
    int[] wages = postings.wages.values();
    this.levels = wages.length;
    this.wage = new double[levels];
    for (int level = 0; level < levels; level++) {
      wage[level] = Scorer.wage(minWage, wages[level]);
    }
    int sizes = TABLED_SKILLS + 1;
    this.skillShare = new double[sizes * sizes];
    for (int listed = 0; listed < sizes; listed++) {
      for (int held = 0; held <= listed; held++) {
        skillShare[listed * sizes + held] = Scorer.skillShare(held, listed);
      }
    }
    this.residentSide = new double[Scorer.OCCUPATION.length * levels * PLACE.length * HOURS];
    this.employerSide = new double[Scorer.OCCUPATION.length * sizes * sizes * EXPERIENCE.length];
    Arrays.fill(residentSide, Double.NaN);
    Arrays.fill(employerSide, Double.NaN);
  }

  @Override
  public int size() {
    return c.size;
  }

  @Override
  public long id(int p) {
    return c.id[p];
  }

  /** True when the pair breaks no hard rule: {@link HardRules#allows}. */
  public boolean allows(int p) {
    return score(p) != Double.NEGATIVE_INFINITY;
  }

  /** The pair's score for the resident's list: {@link Scorer#points}, to the last bit. */
  public double points(int p) {
    return points(p, match(p));
  }

  @Override
  public double score(int p) {
    if (!passesPlainRules(p)) {
      return Double.NEGATIVE_INFINITY;
    }
    long m = match(p);
    return m >>> 32 == c.licences[p] ? points(p, m) : Double.NEGATIVE_INFINITY; // LicenceMissing
  }

  @Override
  public double upper(int p, int tier, double experience) {
    // the home city at its best too: finding the city means reading the keys
    return total(p, HOME_CITY, tier, c.skills[p], experienceIndex(experience));
  }

  /** Every hard rule but the licences, which need the keys. */
  private boolean passesPlainRules(int p) {
    int flags = c.flags[p];
    return admitted // NotSeeking
        && (flags & OpeningColumns.OPEN) != 0 // PostingNotOpen
        && c.remaining[p] > 0 // PostingFull
        && c.validThrough[p] >= today // PostingExpired
        && (flags & OpeningColumns.AGREEMENT) != 0
        && c.agreementUntil[p] >= today // AgreementNotValid
        && !((flags & OpeningColumns.WELFARE) != 0 && !difficulty) // PublicWelfareNotEligible
        && (accepted == 0 || (accepted & 1 << c.schedule[p]) != 0) // ScheduleNotAcceptable
        && age >= c.minAge[p]
        && age <= c.maxAge[p] // AgeOutOfRange
        && education >= c.minEducation[p] // EducationBelowMinimum
        && ((flags & OpeningColumns.IN_DISTRICT) != 0 || willingOutside); // OutsideNotWanted
  }

  /**
   * The roles of the posting's keys (low bits), how many of its skills the resident holds (bits
   * 8–31) and how many of its licences (bits 32 and up).
   */
  private long match(int p) {
    int roleBits = 0;
    int skills = 0;
    int licences = 0;
    int[] keys = c.keys;
    for (int i = c.keyStart[p], end = c.keyStart[p + 1]; i < end; i++) {
      int role = roles[keys[i]];
      roleBits |= role;
      skills += (role >>> 4) & 1;
      licences += (role >>> 5) & 1;
    }
    return roleBits | (long) skills << 8 | (long) licences << 32;
  }

  private double points(int p, long m) {
    boolean pastCode = (m & PAST_CODE) != 0;
    boolean pastGroup = (m & PAST_GROUP) != 0;
    int tier =
        Scorer.occupationTier(
            (m & DESIRED_CODE) != 0, (m & DESIRED_GROUP) != 0, pastCode, !wishes && pastGroup);
    return total(
        p, m & HOME_CITY, tier, (int) (m >>> 8) & 0xFFFFFF, pastCode ? 0 : pastGroup ? 1 : 2);
  }

  private static int experienceIndex(double experience) {
    return experience >= EXPERIENCE[0] ? 0 : experience >= EXPERIENCE[1] ? 1 : 2;
  }

  /** The score with this tier, skills held and experience, the other parts the posting's own. */
  private double total(int p, long homeCity, int tier, int held, int experience) {
    double occupation = Scorer.OCCUPATION[tier];
    int listed = c.skills[p];
    boolean tabled = listed <= TABLED_SKILLS;
    double skills =
        tabled ? skillShare[listed * (TABLED_SKILLS + 1) + held] : Scorer.skillShare(held, listed);
    int level = c.wages.of()[p];
    double wage = this.wage[level];
    int where =
        (c.flags[p] & OpeningColumns.IN_DISTRICT) != 0
            ? (c.community[p] == community ? 0 : 1)
            : (homeCity != 0 ? 2 : 3);
    double place = PLACE[where];
    int schedule = c.schedule[p];
    boolean isPreferred = preferred == schedule;
    boolean acceptable = (accepted & 1 << schedule) != 0;
    double hours = Scorer.schedule(accepted == 0, isPreferred, acceptable);
    int h = accepted == 0 ? 0 : isPreferred ? 1 : acceptable ? 2 : 3;
    double exp = EXPERIENCE[experience];
    int rs = ((tier * levels + level) * PLACE.length + where) * HOURS + h;
    double forResident = residentSide[rs];
    if (forResident != forResident) {
      forResident = scorer.residentSide(occupation, wage, place, hours);
      residentSide[rs] = forResident;
    }
    double forEmployer;
    if (tabled) {
      int sizes = TABLED_SKILLS + 1;
      int es = ((tier * sizes + listed) * sizes + held) * EXPERIENCE.length + experience;
      forEmployer = employerSide[es];
      if (forEmployer != forEmployer) {
        forEmployer = scorer.employerSide(occupation, skills, exp);
        employerSide[es] = forEmployer;
      }
    } else {
      forEmployer = scorer.employerSide(occupation, skills, exp);
    }
    return scorer.sum(
        occupation,
        skills,
        wage,
        place,
        hours,
        exp,
        freshness(p),
        Math.min(forResident, forEmployer),
        Perspective.FOR_RESIDENT,
        0);
  }

  @Override
  public double freshness(int p) {
    return Scorer.postingFreshness(today - c.createdOn[p]);
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
