package hongniang.matching.ranking;

import hongniang.matching.Jobseeker;
import hongniang.matching.Posting;
import hongniang.matching.Scorer;
import hongniang.matching.Scorer.Perspective;

/**
 * The most a pair can score given caps on its occupation tier, experience and freshness, for one
 * resident's or one posting's list: every other part at the best the other side could bring,
 * knowing only this side. The total only grows with each fraction (non-negative weights; the
 * balance is the lower of two weighted means of fractions), so a cap on every fraction caps the
 * score, floating point included: each operation rounds monotonically.
 */
final class Bound {

  private final Scorer scorer;
  private final Perspective perspective;
  private final double skills;
  private final double wage;
  private final double place;
  private final double schedule;
  private final double priority;

  private Bound(
      Scorer scorer,
      Perspective perspective,
      double skills,
      double wage,
      double place,
      double schedule,
      double priority) {
    this.scorer = scorer;
    this.perspective = perspective;
    this.skills = skills;
    this.wage = wage;
    this.place = place;
    this.schedule = schedule;
    this.priority = priority;
  }

  /**
   * Residents for a posting: a resident holds at most every skill the posting lists (half when it
   * lists none); the place of work outside the district is the same for everyone.
   */
  static Bound forPosting(Scorer scorer, Posting o) {
    int listed = o.skillKeys().size();
    return new Bound(
        scorer,
        Perspective.FOR_POSTING,
        Scorer.skillShare(listed, listed),
        1.0,
        o.communityId() != null ? 1.0 : Scorer.place(false, false, scorer.inHomeCity(o)),
        1.0,
        1.0);
  }

  /**
   * Postings for a resident: with no skills, no stated wage or no preferred hours the resident's
   * fraction is the same for every posting; priority does not count on this side.
   */
  static Bound forResident(Scorer scorer, Jobseeker s) {
    return new Bound(
        scorer,
        Perspective.FOR_RESIDENT,
        s.skillKeys().isEmpty() ? Scorer.skillShare(0, 0) : 1.0,
        s.minWage() == null ? Scorer.wage(Scorer.NO_WAGE, 0) : 1.0,
        1.0,
        s.schedules().isEmpty() ? Scorer.schedule(true, false, false) : 1.0,
        0);
  }

  /** At most what a pair with these caps scores. */
  double at(int tier, double experience, double freshness) {
    return scorer.total(
        tier, skills, wage, place, schedule, experience, freshness, perspective, priority);
  }
}
