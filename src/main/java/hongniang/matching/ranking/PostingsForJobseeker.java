package hongniang.matching.ranking;

import hongniang.common.Schedule;
import hongniang.matching.HardRules;
import hongniang.matching.Jobseeker;
import hongniang.matching.MatchKeys;
import hongniang.matching.Scorer;
import hongniang.matching.Scorer.Perspective;
import hongniang.matching.Work;
import java.time.LocalDate;

/**
 * Postings ranked for one resident, on columns: {@link HardRules#allows} and {@link Scorer#points}
 * from the resident's side, to the last bit. The rules on plain numbers come first; then the
 * resident's keys, as a table over the postings' key numbers, say how a posting's code and group
 * relate to the resident's wishes and history, how many of its skills and licences the resident
 * holds, and whether its city is the home city. {@link Scorer#sum} adds the fractions up.
 */
final class PostingsForJobseeker extends KeyedRanking {

  /** Postings listing up to this many skills have their skill shares and balances tabled. */
  private static final int TABLED_SKILLS = 15;

  /** Where the work is: the resident's community, the district, the home city, elsewhere. */
  private static final double[] PLACE = {
    Scorer.place(true, true, false),
    Scorer.place(true, false, false),
    Scorer.place(false, false, true),
    Scorer.place(false, false, false)
  };

  private final PostingColumns c;
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
  private final int residentSkills; // at most this many of a posting's skills can match
  private final Steps steps; // freshness along columns stored newest first, else null
  private final double[] wage; // by wage case: the posting's wage level, public-welfare or not
  private final int levels; // wage cases
  private final double[] skillShare; // [listed][held] for tabled sizes

  /** The resident against these postings, {@code today}. */
  PostingsForJobseeker(Scorer scorer, Jobseeker s, LocalDate today, PostingColumns postings) {
    super(scorer, postings);
    this.c = postings;
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
    this.admitted = HardRules.admitsJobseeker(s);
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
    this.residentSkills = s.skillKeys().size();
    int minWage = s.minWage() == null ? Scorer.NO_WAGE : s.minWage();
    int[] wages = postings.wages.values();
    // a wage case is a top wage level and whether the post is a public-welfare one
    this.levels = wages.length * 2;
    this.wage = new double[levels];
    for (int level = 0; level < wages.length; level++) {
      wage[level * 2] = Scorer.wage(Scorer.lowestAccepted(minWage, false), wages[level]);
      wage[level * 2 + 1] = Scorer.wage(Scorer.lowestAccepted(minWage, true), wages[level]);
    }
    int sizes = TABLED_SKILLS + 1;
    this.skillShare = new double[sizes * sizes];
    for (int listed = 0; listed < sizes; listed++) {
      for (int held = 0; held <= listed; held++) {
        skillShare[listed * sizes + held] = Scorer.skillShare(held, listed);
      }
    }
    int tiers = Scorer.TIERS;
    tables(tiers * levels * PLACE.length * HOURS, tiers * sizes * sizes * EXPERIENCE.length);
    this.steps = c.newestFirst ? Steps.of(c.size, this::dated) : null;
  }

  @Override
  public double upper(int p, int tier, double experience) {
    // the home city at its best too: finding the city means reading the keys; of the posting's
    // skills the resident holds at most as many as they have
    return total(
        p, HOME_CITY, tier, Math.min(c.skills[p], residentSkills), experienceIndex(experience));
  }

  @Override
  public boolean passesPlainRules(int p) {
    int flags = c.flags[p];
    return admitted // NotSeeking
        && (flags & PostingColumns.OPEN) != 0 // PostingNotOpen
        && c.remaining[p] > 0 // PostingFull
        && c.validThrough[p] >= today // PostingExpired
        && (flags & PostingColumns.AGREEMENT) != 0
        && c.agreementUntil[p] >= today // AgreementNotValid
        && !((flags & PostingColumns.WELFARE) != 0 && !difficulty) // PublicWelfareNotEligible
        && (accepted == 0 || (accepted & 1 << c.schedule[p]) != 0) // ScheduleNotAcceptable
        && age >= c.minAge[p]
        && age <= c.maxAge[p] // AgeOutOfRange
        && education >= c.minEducation[p] // EducationBelowMinimum
        && ((flags & PostingColumns.IN_DISTRICT) != 0 || willingOutside); // OutsideNotWanted
  }

  @Override
  int requiredLicences(int p) {
    return c.licences[p];
  }

  @Override
  double points(int p, long m) {
    return total(p, m & HOME_CITY, tier(m, wishes), skillsHeld(m), experience(m));
  }

  /** The score with this tier, skills held and experience, the other parts the posting's own. */
  private double total(int p, long homeCity, int tier, int held, int experience) {
    double occupation = Scorer.occupation(tier);
    int listed = c.skills[p];
    int sizes = TABLED_SKILLS + 1;
    boolean tabled = listed < sizes;
    double skills = tabled ? skillShare[listed * sizes + held] : Scorer.skillShare(held, listed);
    int level = c.wages.of()[p] * 2 + ((c.flags[p] & PostingColumns.WELFARE) != 0 ? 1 : 0);
    double wage = this.wage[level];
    int where =
        (c.flags[p] & PostingColumns.IN_DISTRICT) != 0
            ? (c.community[p] == community ? 0 : 1)
            : (homeCity != 0 ? 2 : 3);
    double place = PLACE[where];
    int schedule = c.schedule[p];
    boolean isPreferred = preferred == schedule;
    boolean acceptable = (accepted & 1 << schedule) != 0;
    double hours = Scorer.schedule(accepted == 0, isPreferred, acceptable);
    double exp = EXPERIENCE[experience];
    double forResident =
        residentSide(
            ((tier * levels + level) * PLACE.length + where) * HOURS
                + hours(accepted == 0, isPreferred, acceptable),
            occupation,
            wage,
            place,
            hours);
    double forEmployer =
        employerSide(
            tabled ? ((tier * sizes + listed) * sizes + held) * EXPERIENCE.length + experience : -1,
            occupation,
            skills,
            exp);
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
    return steps != null ? steps.at(p) : dated(p);
  }

  private double dated(int p) {
    return Scorer.postingFreshness(today - c.createdOn[p]);
  }

  @Override
  public boolean newestFirst() {
    return c.newestFirst;
  }
}
