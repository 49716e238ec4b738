package hongniang.matching.ranking;

import hongniang.matching.Condition;
import java.util.List;

/**
 * One ring of an exact search: the items that meet every condition of {@code with} and none of
 * {@code without} (conditions on their keys: how their occupations relate to the query's). Their
 * occupation tier is at most {@code tier}, their experience at most {@code experience}, their score
 * at most {@code bound}.
 */
public record Ring(
    List<Condition> with, List<Condition> without, int tier, double experience, double bound) {

  /**
   * True when no item of this ring can enter the top: its k-th best is above the ring's bound (an
   * item with an equal score and a lower id could still belong, so equal is not enough).
   */
  public boolean closedTo(TopK top) {
    return top.full() && top.worstScore() > bound;
  }
}
