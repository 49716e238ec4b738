package hongniang.matching.allocation;

import hongniang.matching.Jobseeker;
import hongniang.matching.Posting;
import hongniang.matching.Scorer;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The match board: every jobseeker × posting pair that passes the hard rules, scored as on a
 * posting's list (priority residents weighted up), and the allocation of pairs that maximises the
 * total within each posting's places and a per-resident limit, exactly, beside what the greedy way
 * reaches.
 */
public final class Board {

  private final BoardScores.Scored scored;

  private Board(BoardScores.Scored scored) {
    this.scored = scored;
  }

  /** Scores every pair; posting {@code p} of the results is {@code postings.get(p)}, and so on. */
  public static Board of(
      Scorer scorer,
      List<Posting> postings,
      List<Jobseeker> jobseekers,
      LocalDate today,
      int perResident) {
    return new Board(new BoardScores(scorer, postings, jobseekers, today).board(perResident));
  }

  /** The allocation with the highest total, and whether duality certified it. */
  public Allocation.Result optimal() {
    return Allocation.optimal(scored.rows());
  }

  /** Best pair first while places and limits allow: what a person would do by hand. */
  public Allocation.Result greedy() {
    return Allocation.greedy(scored.rows());
  }

  /** The places left in all the postings. */
  public int places() {
    return IntStream.of(scored.rows().capacity()).sum();
  }

  /** How many pairs pass the hard rules. */
  public long feasiblePairs() {
    return scored.feasiblePairs();
  }
}
