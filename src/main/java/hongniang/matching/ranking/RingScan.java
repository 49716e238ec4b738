package hongniang.matching.ranking;

/**
 * Scores one ring's items of one batch of columns, in column order, into a top k, and says when no
 * later item of the batch can enter it: every later item scores at most the ring's bound and has an
 * id at least the lowest id from here on, so once the k-th best is above the bound, or equal to it
 * with a lower id, the rest is skipped. When the columns come newest first, freshness never rises
 * along them, and the bound with the current item's freshness caps the rest.
 */
public final class RingScan {

  private final ColumnRanking ranking;
  private final Ring ring;
  private final Bound bound;
  private final TopK top;
  private final boolean sorted;
  private double freshness = Double.NaN;
  private double limit;

  RingScan(ColumnRanking ranking, Ring ring, Bound bound, TopK top) {
    this.ranking = ranking;
    this.ring = ring;
    this.bound = bound;
    this.top = top;
    this.sorted = ranking.newestFirst();
    this.limit = ring.bound();
  }

  /**
   * Offers item {@code i} when it passes the hard rules. Items must come in increasing order; false
   * means no item from {@code i} on can enter the top k. The rules that need no keys come first:
   * most items a ring holds fail one (hours, age, place), and checking costs less than the bound.
   */
  public boolean collect(int i) {
    if (sorted) {
      double f = ranking.freshness(i);
      if (f != freshness) {
        freshness = f;
        limit = bound.at(ring.tier(), ring.experience(), f);
      }
    }
    if (!ranking.passesPlainRules(i)) {
      return true;
    }
    if (top.full()) {
      double worst = top.worstScore();
      long worstId = top.worstId();
      if (worst > limit || (worst == limit && worstId < ranking.minIdFrom(i))) {
        return false;
      }
      // this item at the ring's best cannot enter: skip its keys and its exact score
      double upper = ranking.upper(i, ring.tier(), ring.experience());
      if (upper < worst || (upper == worst && ranking.id(i) > worstId)) {
        return true;
      }
    }
    double s = ranking.scorePassing(i);
    if (s != Double.NEGATIVE_INFINITY) {
      top.offer(s, ranking.id(i));
    }
    return true;
  }
}
