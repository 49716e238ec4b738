package hongniang.matches;

import hongniang.matching.Scorer;
import io.micronaut.context.BeanLocator;
import java.time.Clock;

/**
 * Benchmark-only access to what the matches package keeps to itself: the scorer its services rank
 * with ({@link MatchingSettings}), so that brute force scores as the service does, and a board
 * service of the default settings without a database, for the board's lab.
 */
public final class MatchesProbe {

  private MatchesProbe() {}

  /** The scorer of the service in {@code beans}: its configured weights and home city. */
  public static Scorer scorer(BeanLocator beans) {
    return beans.getBean(MatchingSettings.class).scorer();
  }

  /** The scorer of the default settings. */
  public static Scorer defaultScorer() {
    return new MatchingSettings().scorer();
  }

  /** A board service of the default settings on {@code clock}; it solves, it reads nothing. */
  public static BoardService board(Clock clock) {
    return new BoardService(null, new MatchingSettings(), clock, null);
  }
}
