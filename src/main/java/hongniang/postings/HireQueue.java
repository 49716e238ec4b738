package hongniang.postings;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Hires of one posting take turns, first come first served, before they open a transaction: at most
 * {@code hongniang.placements.hires-per-posting} (2) of them hold a connection at once. They would
 * queue on the posting's row lock anyway ({@link PostingPlaces#take}); queued here, the others hold
 * no connection and use no CPU, so a burst of hires for one posting neither starves the rest of the
 * service of the pool's connections nor lets the lock's holder be descheduled among dozens of
 * runnable waiters, and the wait is fair. The turns live in this process: with more than one
 * instance of the service the row lock alone still keeps the count exact.
 */
@Singleton
public class HireQueue {

  private static final int STRIPES = 64;

  private final Semaphore[] turns = new Semaphore[STRIPES];
  private final TransactionOperations<Connection> tx;

  @Inject
  HireQueue(
      @Value("${hongniang.placements.hires-per-posting:2}") int perPosting,
      TransactionOperations<Connection> tx) {
    this.tx = tx;
    for (int i = 0; i < STRIPES; i++) {
      turns[i] = new Semaphore(Math.max(1, perPosting), true);
    }
  }

  /** The turns alone, for a test of them. */
  HireQueue(int perPosting) {
    this(perPosting, null);
  }

  /**
   * Runs the hire in the posting's turn, in a transaction that begins once the turn has come (or
   * joins the caller's, which then began before the turn).
   */
  public <T> T write(Long postingId, Supplier<T> hire) {
    return inTurn(postingId, () -> tx.executeWrite(status -> hire.get()));
  }

  /** Runs the hire in the posting's turn (at once without a posting). */
  <T> T inTurn(Long postingId, Supplier<T> hire) {
    if (postingId == null) {
      return hire.get();
    }
    Semaphore turn = turns[Math.floorMod(Long.hashCode(postingId), STRIPES)];
    turn.acquireUninterruptibly();
    try {
      return hire.get();
    } finally {
      turn.release();
    }
  }
}
