package hongniang.bench;

import hongniang.documents.MatchRecords;
import hongniang.matching.HardRules;
import hongniang.matching.Jobseeker;
import hongniang.matching.Posting;
import hongniang.matching.Scorer;
import hongniang.matching.Scorer.Perspective;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.LongFunction;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToLongFunction;

/**
 * The same rankings by brute force: every open posting (or every jobseeker) held in memory as
 * matching records, each checked against the hard rules and scored; each query's true top ten,
 * timed, and the share of it the service's top ten holds (recall@10).
 */
final class BruteForce {

  /** Brute-force figures: recall@10 of the service against them, and their time per query. */
  record Result(double recall, int queries, Latencies times) {}

  private final MatchRecords records;
  private final Scorer scorer;
  private final LocalDate today;
  private final List<String> facts;

  /** Brute force with the service's scorer; each comparison adds what it did to {@code facts}. */
  BruteForce(MatchRecords records, Scorer scorer, LocalDate today, List<String> facts) {
    this.records = records;
    this.scorer = scorer;
    this.today = today;
    this.facts = facts;
  }

  /** Every open posting for the first {@code limit} jobseekers, against the service's tops. */
  Result postingsForJobseekers(List<Long> jobseekers, List<List<Long>> tops, int limit) {
    List<Posting> all = new ArrayList<>();
    records.eachOpenPosting(all::add);
    facts.add(
        String.format(
            Locale.ROOT,
            "Brute force for a resident: all %,d open postings held in memory as matching"
                + " records (their loading not timed), every one checked against the hard rules"
                + " and scored; the resident read from PostgreSQL as the service does.",
            all.size()));
    return brute(
        jobseekers.subList(0, Math.min(limit, jobseekers.size())),
        id -> records.jobseeker(id).orElseThrow(),
        all,
        (s, o) -> HardRules.allows(s, o, today),
        (s, o) -> scorer.points(s, o, Perspective.FOR_RESIDENT, today),
        Posting::id,
        tops);
  }

  /** Every jobseeker for the first {@code limit} postings, against the service's tops. */
  Result jobseekersForPostings(List<Long> postings, List<List<Long>> tops, int limit) {
    List<Jobseeker> all = new ArrayList<>();
    records.eachJobseeker(all::add);
    facts.add(
        String.format(
            Locale.ROOT,
            "Brute force for a posting: all %,d residents held in memory as matching records"
                + " (their loading not timed), every one checked and scored.",
            all.size()));
    return brute(
        postings.subList(0, Math.min(limit, postings.size())),
        id -> records.posting(id).orElseThrow(),
        all,
        (o, s) -> HardRules.allows(s, o, today),
        (o, s) -> scorer.points(s, o, Perspective.FOR_POSTING, today),
        Jobseeker::id,
        tops);
  }

  /** Each query's true top ten by scoring every item, timed, and the service's recall of it. */
  private static <Q, I> Result brute(
      List<Long> queries,
      LongFunction<Q> load,
      List<I> all,
      BiPredicate<Q, I> allows,
      ToDoubleBiFunction<Q, I> points,
      ToLongFunction<I> id,
      List<List<Long>> tops) {
    Latencies times = new Latencies();
    double recall = 0;
    for (int i = 0; i < queries.size(); i++) {
      long t0 = System.nanoTime();
      Q q = load.apply(queries.get(i));
      Top top = new Top(10);
      for (I item : all) {
        if (allows.test(q, item)) {
          top.offer(id.applyAsLong(item), points.applyAsDouble(q, item));
        }
      }
      List<Long> truth = top.ids();
      times.add(System.nanoTime() - t0);
      recall += recall(tops.get(i), truth);
    }
    return new Result(recall / queries.size(), queries.size(), times);
  }

  /** The share of the true top ten that the service's top ten holds (1 when both are empty). */
  private static double recall(List<Long> got, List<Long> truth) {
    if (truth.isEmpty()) {
      return got.isEmpty() ? 1 : 0;
    }
    Set<Long> g = new HashSet<>(got);
    long hit = truth.stream().filter(g::contains).count();
    return (double) hit / truth.size();
  }

  /** The best ten by score, ties by lower id, as the service orders them. */
  private static final class Top {
    private record Entry(long id, double score) {}

    private final int k;
    private final PriorityQueue<Entry> heap =
        new PriorityQueue<>(
            (a, b) ->
                a.score() != b.score()
                    ? Double.compare(a.score(), b.score())
                    : Long.compare(b.id(), a.id()));

    Top(int k) {
      this.k = k;
    }

    void offer(long id, double score) {
      heap.add(new Entry(id, score));
      if (heap.size() > k) {
        heap.poll();
      }
    }

    List<Long> ids() {
      List<Entry> out = new ArrayList<>(heap);
      out.sort(
          (a, b) ->
              a.score() != b.score()
                  ? Double.compare(b.score(), a.score())
                  : Long.compare(a.id(), b.id()));
      return out.stream().map(Entry::id).toList();
    }
  }
}
