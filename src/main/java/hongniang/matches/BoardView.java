package hongniang.matches;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The board's proposals: nothing is written until a matchmaker accepts them.
 *
 * @param runId the kept run, whose proposals {@code POST /match-board/{runId}/accept} turns into
 *     referrals (null when the board was solved without being kept)
 * @param total the sum of the proposals' scores, the most any allocation can reach
 * @param greedyTotal what taking the best pair first, again and again, would reach
 * @param gain {@code total - greedyTotal}
 * @param certified true when the allocation was proven optimal over every feasible pair
 * @param rounds how many times the exact method ran: once (kept in the API for its clients)
 */
@Serdeable
public record BoardView(
    @Nullable Long runId,
    List<Proposal> proposals,
    double total,
    double greedyTotal,
    double gain,
    int residents,
    int postings,
    int places,
    long feasiblePairs,
    int perResident,
    boolean certified,
    int rounds,
    long millis) {

  /** This board as the kept run {@code id}. */
  BoardView kept(long id) {
    return new BoardView(
        id,
        proposals,
        total,
        greedyTotal,
        gain,
        residents,
        postings,
        places,
        feasiblePairs,
        perResident,
        certified,
        rounds,
        millis);
  }

  /** One proposed referral with its explanation. */
  @Serdeable
  public record Proposal(
      long postingId,
      String title,
      long jobseekerId,
      String name,
      double score,
      List<PartView> parts) {}
}
