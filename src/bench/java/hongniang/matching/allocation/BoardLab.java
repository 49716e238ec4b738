package hongniang.matching.allocation;

import hongniang.matches.BoardView;
import hongniang.matches.MatchesProbe;
import hongniang.matching.Jobseeker;
import hongniang.matching.Posting;
import hongniang.matching.RandomWorld;
import hongniang.matching.Scorer;
import hongniang.matching.Scorer.Perspective;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Where the match board's time goes, without PostgreSQL: 10,000 residents × 1,000 postings drawn by
 * {@link RandomWorld}, each phase of {@code BoardService.solve} timed on its own, then the whole
 * call. A command, not a test: {@code java -cp target/classes:target/test-classes:$(cat
 * target/cp.txt) hongniang.matching.allocation.BoardLab [runs] [k] [crowding %] [residents]
 * [postings]}.
 */
final class BoardLab {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  private BoardLab() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int k = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int crowding = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    int residents = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    int postings = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;
    run(runs, k, crowding, residents, postings, System.out);
  }

  /** The lab's runs on a world of this size, printed to {@code out}. */
  static void run(int runs, int k, int crowding, int residents, int postingCount, PrintStream out) {
    RandomWorld world = new RandomWorld(7, TODAY).withCrowding(crowding);
    List<Jobseeker> jobseekers = world.jobseekers(residents);
    List<Posting> postings = world.postings(postingCount);
    Scorer scorer = MatchesProbe.defaultScorer();
    for (int run = 1; run <= runs; run++) {
      long t0 = System.nanoTime();
      BoardScores scores = new BoardScores(scorer, postings, jobseekers, TODAY);
      long t1 = System.nanoTime();
      BoardScores.Scored scored = scores.board(k);
      long t2 = System.nanoTime();
      Allocation.Result best = Allocation.optimal(scored.rows());
      long t3 = System.nanoTime();
      Allocation.Result greedy = Allocation.greedy(scored.rows());
      long t4 = System.nanoTime();
      best.pairs().parallelStream()
          .forEach(
              pair ->
                  scorer.explain(
                      jobseekers.get(pair.resident()),
                      postings.get(pair.posting()),
                      Perspective.FOR_POSTING,
                      TODAY));
      long t5 = System.nanoTime();
      out.printf(
          Locale.ROOT,
          "run %d: features %d ms, fill %d ms, optimal %d ms, greedy %d ms, explain %d ms,"
              + " total %d ms; feasible %,d, places %,d, proposals %,d, optimum %d, greedy %d,"
              + " rounds %d, certified %s%n",
          run,
          ms(t1 - t0),
          ms(t2 - t1),
          ms(t3 - t2),
          ms(t4 - t3),
          ms(t5 - t4),
          ms(t5 - t0),
          scored.feasiblePairs(),
          IntStream.of(scored.rows().capacity()).sum(),
          best.pairs().size(),
          best.total(),
          greedy.total(),
          best.rounds(),
          best.certified());
    }
    long start = System.nanoTime();
    BoardView view =
        MatchesProbe.board(
                Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
            .solve(postings, jobseekers, k, start);
    out.printf(
        Locale.ROOT,
        "BoardService.solve: %d ms, total %.2f, greedy %.2f, rounds %d, certified %s%n",
        view.millis(),
        view.total(),
        view.greedyTotal(),
        view.rounds(),
        view.certified());
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
