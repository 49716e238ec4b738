package hongniang.matching.ranking;

/**
 * One resident or one posting against many of the other side held in columns: the pair's verdict
 * and score, exactly those of {@link HardRules#allows} and {@link Scorer#points}, and the freshness
 * that {@link Bound} caps what items not yet seen can score by.
 */
interface ColumnRanking {

  /** How many items the columns hold. */
  int size();

  /** The id of item {@code i}. */
  long id(int i);

  /** The pair's score, or {@link Double#NEGATIVE_INFINITY} when a hard rule excludes it. */
  double score(int i);

  /**
   * False when a hard rule that needs no keys excludes the pair: cheaper than {@link #score} and
   * {@link #upper}, so a search asks it first.
   */
  boolean passesPlainRules(int i);

  /** {@link #score} of an item that {@link #passesPlainRules}. */
  double scorePassing(int i);

  /**
   * At least the score of item {@code i} were its occupation tier at most {@code tier}, its
   * experience at most {@code experience}: every part but those and the skills (at their best) as
   * the item has it. Cheaper than {@link #score}: a search skips an item this shows cannot enter.
   */
  double upper(int i, int tier, double experience);

  /** The freshness fraction of item {@code i}'s side of the pair. */
  double freshness(int i);

  /** The lowest id of item {@code i} and every item after it. */
  long minIdFrom(int i);

  /** True when items come newest first, so freshness never rises along the columns. */
  boolean newestFirst();
}
