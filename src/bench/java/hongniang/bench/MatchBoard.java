package hongniang.bench;

import hongniang.documents.MatchRecords;
import hongniang.matches.BoardService;
import hongniang.matches.BoardView;
import hongniang.matching.Jobseeker;
import hongniang.matching.Posting;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The match board on 10,000 seeking residents × 1,000 open postings with places (seeded samples):
 * {@link BoardService#solve} as the API calls it, four runs, the first discarded, the median of the
 * rest; with one and with two proposals per resident.
 */
final class MatchBoard {

  private MatchBoard() {}

  /** The board's section and its target. */
  static void section(
      Report report, BoardService board, MatchRecords records, Connection c, long seed)
      throws SQLException {
    // postings with places, in a seeded order, taken until 1,000; residents seeking, 10,000
    List<Long> postingIds = records.openPostingIdsWithPlaces(100_000);
    Collections.shuffle(postingIds, new Random(seed));
    postingIds = postingIds.subList(0, Math.min(1_000, postingIds.size()));
    List<Long> jobseekerIds =
        BenchWorld.column(
            c,
            "SELECT id FROM jobseeker WHERE status = 'SEEKING' ORDER BY md5((id * 7)::text)"
                + " LIMIT ?",
            Long.class,
            10_000);
    long loadStart = System.nanoTime();
    List<Posting> postings = records.postings(postingIds);
    List<Jobseeker> jobseekers = records.jobseekers(jobseekerIds);
    long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
    List<BoardView> runs = new ArrayList<>();
    for (int run = 0; run < 4; run++) {
      runs.add(board.solve(postings, jobseekers, 1, System.nanoTime()));
    }
    // the first run warms the code; the median of the other three is reported
    List<BoardView> timed = new ArrayList<>(runs.subList(1, runs.size()));
    timed.sort((a, b) -> Long.compare(a.millis(), b.millis()));
    BoardView median = timed.get(1);
    BoardView k2 = board.solve(postings, jobseekers, 2, System.nanoTime());
    report.section("Match board");
    report.line(
        String.format(
            Locale.ROOT,
            "%,d residents (seeking, seeded sample) × %,d open postings with places (seeded"
                + " sample) holding %,d places; %,d pairs pass the hard rules. Reading them from"
                + " PostgreSQL took %,d ms (not part of the figure below). `BoardService.solve`"
                + " scores every pair (priority weighted up, 2 threads), allocates exactly"
                + " (min-cost flow on every pair, each posting's row read only as far as a shortest"
                + " path could reach, then a duality check against"
                + " every pair) and greedily for comparison; 4 runs, the first discarded, median"
                + " of the rest: %s ms (runs: %s).",
            median.residents(),
            median.postings(),
            median.places(),
            median.feasiblePairs(),
            loadMillis,
            Long.toString(median.millis()),
            String.join(", ", timed.stream().map(v -> Long.toString(v.millis())).toList())));
    report.line("");
    report.table(
        List.of(
            "per resident",
            "proposals",
            "optimal total",
            "greedy total",
            "gain",
            "certified optimal",
            "flow rounds",
            "ms"),
        List.of(row(median), row(k2)));
    report.target(
        5,
        "match board, 10,000 residents × 1,000 postings",
        "≤ 2 s, provably optimal",
        String.format(
            Locale.ROOT,
            "%,d ms, certificate %s, gain over greedy %.1f points",
            median.millis(),
            median.certified() ? "holds" : "failed",
            median.gain()),
        median.millis() <= 2_000 && median.certified());
  }

  private static List<String> row(BoardView v) {
    return List.of(
        Integer.toString(v.perResident()),
        String.format(Locale.ROOT, "%,d", v.proposals().size()),
        String.format(Locale.ROOT, "%,.1f", v.total()),
        String.format(Locale.ROOT, "%,.1f", v.greedyTotal()),
        String.format(
            Locale.ROOT,
            "%.1f (%.2f%%)",
            v.gain(),
            v.greedyTotal() == 0 ? 0 : 100 * v.gain() / v.greedyTotal()),
        v.certified() ? "yes" : "no",
        Integer.toString(v.rounds()),
        Long.toString(v.millis()));
  }
}
