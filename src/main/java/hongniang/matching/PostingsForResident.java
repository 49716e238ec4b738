package hongniang.matching;

import hongniang.common.Schedule;
import hongniang.matching.Scorer.Perspective;
import java.time.LocalDate;

/**
 * Postings ranked for one resident, on columns: {@link HardRules#allows} and {@link Scorer#points}
 * from the resident's side, to the last bit. The resident's keys become a table over the postings'
 * key numbers: a posting's code and group say the occupation tier and experience, its skills and
 * licences are counted against the resident's, its city is the home city or not.
 */
public final class PostingsForResident implements ColumnRanking {

  private static final int DESIRED_CODE = ResidentsForPosting.DESIRED_CODE;
  private static final int DESIRED_GROUP = ResidentsForPosting.DESIRED_GROUP;
  private static final int PAST_CODE = ResidentsForPosting.PAST_CODE;
  private static final int PAST_GROUP = ResidentsForPosting.PAST_GROUP;
  private static final int SKILL = ResidentsForPosting.SKILL;
  private static final int LICENCE = ResidentsForPosting.LICENCE;
  private static final int HOME_CITY = 64;

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
  private final int minWage;
  private final boolean hasSkills;
  private final long today;

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
    this.minWage = s.minWage() == null ? Scorer.NO_WAGE : s.minWage();
    this.hasSkills = !s.skillKeys().isEmpty();
    this.today = today.toEpochDay();
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
    long m = match(p);
    return allows(p, m) ? points(p, m) : Double.NEGATIVE_INFINITY;
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

  private boolean allows(int p, long m) {
    int flags = c.flags[p];
    int scheduleBit = 1 << c.schedule[p];
    return admitted // NotSeeking
        && (flags & OpeningColumns.OPEN) != 0 // PostingNotOpen
        && c.remaining[p] > 0 // PostingFull
        && c.validThrough[p] >= today // PostingExpired
        && (flags & OpeningColumns.AGREEMENT) != 0
        && c.agreementUntil[p] >= today // AgreementNotValid
        && m >>> 32 == c.licences[p] // LicenceMissing
        && !((flags & OpeningColumns.WELFARE) != 0 && !difficulty) // PublicWelfareNotEligible
        && (accepted == 0 || (accepted & scheduleBit) != 0) // ScheduleNotAcceptable
        && age >= c.minAge[p]
        && age <= c.maxAge[p] // AgeOutOfRange
        && education >= c.minEducation[p] // EducationBelowMinimum
        && ((flags & OpeningColumns.IN_DISTRICT) != 0 || willingOutside); // OutsideNotWanted
  }

  private double points(int p, long m) {
    int schedule = c.schedule[p];
    boolean pastGroup = (m & PAST_GROUP) != 0;
    boolean inDistrict = (c.flags[p] & OpeningColumns.IN_DISTRICT) != 0;
    return scorer.total(
        Scorer.occupationTier(
            (m & DESIRED_CODE) != 0,
            (m & DESIRED_GROUP) != 0,
            (m & PAST_CODE) != 0,
            !wishes && pastGroup),
        Scorer.skillShare((int) (m >>> 8) & 0xFFFFFF, c.skills[p]),
        Scorer.wage(minWage, c.wageMax[p]),
        inDistrict
            ? Scorer.place(true, c.community[p] == community, false)
            : Scorer.place(false, false, (m & HOME_CITY) != 0),
        Scorer.schedule(accepted == 0, preferred == schedule, (accepted & 1 << schedule) != 0),
        Scorer.experience((m & PAST_CODE) != 0, pastGroup),
        freshness(p),
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
