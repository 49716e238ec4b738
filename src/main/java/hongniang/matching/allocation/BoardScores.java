package hongniang.matching.allocation;

import hongniang.matching.Jobseeker;
import hongniang.matching.Posting;
import hongniang.matching.Scorer;
import hongniang.matching.ranking.JobseekerColumns;
import hongniang.matching.ranking.JobseekersForPosting;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * The match board's hard rules and scores for every resident × posting pair, on features resolved
 * once per resident ({@link JobseekerColumns}) and once per posting ({@link JobseekersForPosting}):
 * ints, flags and key numbers instead of records, strings and dates for each of millions of pairs.
 * The answers are those of {@link HardRules#allows} and {@link Scorer#points} (residents ranked for
 * a posting) exactly, as on a posting's matches list; {@code BoardScoresTest} compares the two on
 * many random pairs.
 */
final class BoardScores {

  private final List<Posting> postings;
  private final int residents;
  private final JobseekersForPosting[] rows;

  /** Resolves the features of every resident and posting; scoring is from a posting's side. */
  BoardScores(Scorer scorer, List<Posting> postings, List<Jobseeker> jobseekers, LocalDate today) {
    this.postings = List.copyOf(postings);
    this.residents = jobseekers.size();
    JobseekerColumns columns = JobseekerColumns.of(jobseekers);
    this.rows = new JobseekersForPosting[postings.size()];
    for (int p = 0; p < rows.length; p++) {
      rows[p] = new JobseekersForPosting(scorer, postings.get(p), today, columns, null);
    }
  }

  /** True when the pair breaks no hard rule: {@link HardRules#allows}. */
  boolean allows(int posting, int resident) {
    return rows[posting].allows(resident);
  }

  /** The pair's score for the posting's list: {@link Scorer#points}, to the last bit. */
  double points(int posting, int resident) {
    return rows[posting].points(resident);
  }

  /** The scored board: the pairs to allocate among, and how many pairs pass the hard rules. */
  record Scored(Allocation.Rows rows, long feasiblePairs) {}

  /**
   * Every pair that passes the hard rules, scored in hundredths of a point (the board's unit), the
   * postings split between the cores; each posting's remaining headcount is its capacity.
   */
  Scored board(int perResident) {
    int count = postings.size();
    long[][] keys = new long[count][];
    LongAdder feasible = new LongAdder();
    IntStream.range(0, count)
        .parallel()
        .forEach(
            p -> {
              JobseekersForPosting row = rows[p];
              long[] out = new long[64];
              int n = 0;
              int passing = 0;
              for (int r = 0; r < residents; r++) {
                double score = row.score(r);
                if (score != Double.NEGATIVE_INFINITY) {
                  passing++;
                  int w = (int) Math.round(score * 100);
                  if (w > 0) {
                    if (n == out.length) {
                      out = Arrays.copyOf(out, 2 * n);
                    }
                    out[n++] = Allocation.Rows.key(w, r);
                  }
                }
              }
              keys[p] = Arrays.copyOf(out, n);
              feasible.add(passing);
            });
    int[] capacity = postings.stream().mapToInt(o -> Math.max(0, o.remaining())).toArray();
    return new Scored(Allocation.Rows.of(residents, keys, capacity, perResident), feasible.sum());
  }
}
