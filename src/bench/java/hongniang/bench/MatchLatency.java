package hongniang.bench;

import hongniang.matches.JobseekerMatches;
import hongniang.matches.MatchService;
import hongniang.matches.PostingMatches;
import hongniang.security.Caller;
import hongniang.security.Role;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Matches both ways as the API makes them ({@link MatchService}, admin caller, top ten, no why-not
 * list): warmed up until steady, then each call timed; the top tens, for brute force to check; and
 * where a match call spends its time (a JFR profile by stage).
 */
final class MatchLatency {

  /** The stages of a match call, in the order a sample is attributed to them. */
  static final List<Profile.Stage> STAGES =
      List.of(
          // frames are class.method: the plural names first, as the singular ones are prefixes
          Profile.Stage.of(
              "the winners read again from PostgreSQL",
              "hongniang.documents.MatchRecords.jobseekers",
              "hongniang.documents.MatchRecords.postings"),
          Profile.Stage.of(
              "the resident or posting read from PostgreSQL",
              "hongniang.documents.MatchRecords.jobseeker",
              "hongniang.documents.MatchRecords.posting"),
          Profile.Stage.of(
              "scoring the ring's documents from columns",
              "hongniang.matching.ranking.RingScan",
              "hongniang.matching.ranking.PostingsForJobseeker",
              "hongniang.matching.ranking.JobseekersForPosting",
              "hongniang.matching.ranking.KeyedRanking",
              "hongniang.matching.ranking.ColumnRanking"),
          Profile.Stage.of(
              "decoding columns (a segment's first use)",
              "hongniang.matching.ranking.PostingColumns",
              "hongniang.matching.ranking.JobseekerColumns",
              "hongniang.search.candidates.MatchColumns"),
          Profile.Stage.of(
              "finding a ring's documents (term bit sets, combined)",
              "hongniang.search.index.HitSets",
              "hongniang.search.candidates.ConditionQueries",
              "hongniang.matching.HardRules.postingConditions",
              "hongniang.matching.HardRules.jobseekerConditions",
              "org.apache.lucene"),
          // the plan (rings, bounds) and its loop over the rings; the scans within are above
          Profile.Stage.of(
              "rings and bounds",
              "hongniang.matching.ranking.Widening",
              "hongniang.matching.ranking.Bound",
              "hongniang.matching.ranking.ExactTop",
              "hongniang.matching.ranking.Ring.",
              "hongniang.search.candidates.RingSearch"),
          Profile.Stage.of(
              "hard rules, scores and explanations of the winners",
              "hongniang.matching.HardRules",
              "hongniang.matching.Scorer"));

  /** A match call's samples: those with the service's frame on their stack. */
  static final String SCOPE = "hongniang.matches.MatchService";

  /** The calls of one direction: their times, the warm-up before them, and each call's top ten. */
  record Calls(Latencies times, Warmup.Result warmup, List<List<Long>> tops) {}

  private static final Caller ADMIN = new Caller("bench", Role.ADMIN, null, null, null);

  private final MatchService matches;
  private final List<Long> jobseekers;
  private final List<Long> postings;
  private Calls forJobseeker;
  private Calls forPosting;

  /** Matches for each of {@code jobseekers} and each of {@code postings}, by their ids. */
  MatchLatency(MatchService matches, List<Long> jobseekers, List<Long> postings) {
    this.matches = matches;
    this.jobseekers = jobseekers;
    this.postings = postings;
  }

  Calls forJobseeker() {
    return forJobseeker;
  }

  Calls forPosting() {
    return forPosting;
  }

  /** The timed calls both ways. */
  void run() throws Exception {
    log("Matches for a resident");
    forJobseeker = calls(jobseekers, this::postingsFor, MatchLatency::postingIds);
    log("Matches for a posting");
    forPosting = calls(postings, this::jobseekersFor, MatchLatency::jobseekerIds);
  }

  private PostingMatches postingsFor(long jobseekerId) {
    return matches.forJobseeker(ADMIN, jobseekerId, 10, null);
  }

  private JobseekerMatches jobseekersFor(long postingId) {
    return matches.forPosting(ADMIN, postingId, 10, null);
  }

  private static List<Long> postingIds(PostingMatches m) {
    return m.matches().stream().map(PostingMatches.Hit::postingId).toList();
  }

  private static List<Long> jobseekerIds(JobseekerMatches m) {
    return m.matches().stream().map(JobseekerMatches.Hit::jobseekerId).toList();
  }

  /** Warm-up rounds of a quarter of the set until steady, then one timed call per id. */
  private static <M> Calls calls(List<Long> ids, LongFunction<M> call, Function<M, List<Long>> top)
      throws Exception {
    Warmup.Result warmup = Warmup.until(ids.size() / 4, i -> call.apply(ids.get(i % ids.size())));
    Latencies times = new Latencies();
    List<List<Long>> tops = new ArrayList<>();
    for (long id : ids) {
      long t0 = System.nanoTime();
      M m = call.apply(id);
      times.add(System.nanoTime() - t0);
      tops.add(top.apply(m));
    }
    return new Calls(times, warmup, tops);
  }

  /**
   * A JFR profile of one more pass over each set, Java and native frames (waiting on PostgreSQL's
   * socket counts), of the calling thread and the search workers.
   */
  void profile(Report report) throws IOException {
    log("Profile: where a match call spends its time");
    List<String> threads = List.of("main", "search-worker");
    List<Profile.Breakdown> parts = new ArrayList<>();
    List<Runnable> passes =
        List.of(
            () -> jobseekers.forEach(this::postingsFor),
            () -> postings.forEach(this::jobseekersFor));
    for (Runnable pass : passes) {
      List<Profile.Sample> samples;
      try (Profile profile = Profile.start(Duration.ofMillis(2), true)) {
        pass.run();
        samples = profile.stop();
      }
      parts.add(Profile.breakdown(samples, threads, SCOPE, STAGES));
      Profile.hotMethods(samples, threads, 15).forEach(line -> log("  " + line));
    }
    report.section("Where a match call spends its time");
    report.line(
        "Java Flight Recorder samples every 2 ms (Java and native code) over one more pass of each"
            + " set after the timed runs, of the calling thread and the search workers; each sample"
            + " counted once, in the first stage on its stack (in this order).");
    report.line("");
    report.table(
        List.of("stage", "postings for a resident: share (samples)", "residents for a posting"),
        parts.get(0).sideBySide(parts.get(1)));
    report.line("");
  }

  /** A quick run's figures: the two latencies, no targets judged. */
  void quickSection(Report report) {
    report.section("Quick run (matches only; not the published figures)");
    report.line(
        String.format(
            Locale.ROOT,
            "Postings for a resident: %,d calls, p50 %s, p90 %s, p99 %s ms. Residents for a posting:"
                + " %,d calls, p50 %s, p90 %s, p99 %s ms.",
            forJobseeker.times().count(),
            Latencies.ms(forJobseeker.times().p50()),
            Latencies.ms(forJobseeker.times().p90()),
            Latencies.ms(forJobseeker.times().p99()),
            forPosting.times().count(),
            Latencies.ms(forPosting.times().p50()),
            Latencies.ms(forPosting.times().p90()),
            Latencies.ms(forPosting.times().p99())));
    report.line(
        "Warm-up: residents "
            + forJobseeker.warmup().describe()
            + "; postings "
            + forPosting.warmup().describe()
            + ".");
  }

  /**
   * The latencies beside brute force's, with the recall@10 of the service against it, and the
   * targets; the sets held {@code postingCount} postings and {@code jobseekerCount} jobseekers.
   */
  void section(
      Report report,
      BruteForce.Result jobseekerBrute,
      BruteForce.Result postingBrute,
      int postingCount,
      int jobseekerCount) {
    Latencies jobseekerTimes = forJobseeker.times();
    Latencies postingTimes = forPosting.times();
    report.section("Matches, and the same by brute force");
    report.line(
        "Each figure is one complete `MatchService` call as the API makes it (admin caller, top"
            + " 10, no why-not list): the resident or posting read from PostgreSQL, candidates"
            + " from the index, their rows read fresh from PostgreSQL, every hard rule checked,"
            + " exact scores with explanations. Warm: untimed rounds of a quarter of the set"
            + " until steady (until two rounds in a row bring the median no more than "
            + Math.round(Warmup.GAIN * 100)
            + "% below the best round before; at least "
            + Warmup.MIN_ROUNDS
            + ", at most "
            + Warmup.MAX_ROUNDS
            + " rounds).");
    report.line("");
    report.line("- Warm-up, postings for a resident: " + forJobseeker.warmup().describe() + ".");
    report.line("- Warm-up, residents for a posting: " + forPosting.warmup().describe() + ".");
    report.line("");
    report.table(
        List.of("what", "calls", "p50 ms", "p90 ms", "p99 ms", "max ms"),
        List.of(
            row(
                String.format(Locale.ROOT, "postings for a resident (%,d postings)", postingCount),
                String.format(Locale.ROOT, "%,d", jobseekerTimes.count()),
                jobseekerTimes),
            row(
                String.format(
                    Locale.ROOT, "residents for a posting (%,d residents)", jobseekerCount),
                String.format(Locale.ROOT, "%,d", postingTimes.count()),
                postingTimes),
            row(
                "brute force, postings for a resident",
                Integer.toString(jobseekerBrute.queries()),
                jobseekerBrute.times()),
            row(
                "brute force, residents for a posting",
                Integer.toString(postingBrute.queries()),
                postingBrute.times())));
    report.line("");
    report.line(
        String.format(
            Locale.ROOT,
            "Recall@10 of the service's top ten against brute force's: postings for a resident"
                + " %.3f (%d residents), residents for a posting %.3f (%d postings). Brute force"
                + " / service at p50: %.0fx and %.0fx.",
            jobseekerBrute.recall(),
            jobseekerBrute.queries(),
            postingBrute.recall(),
            postingBrute.queries(),
            jobseekerBrute.times().p50() / jobseekerTimes.p50(),
            postingBrute.times().p50() / postingTimes.p50()));
    report.target(
        1,
        "matches for a resident",
        "p50 ≤ 5 ms",
        "p50 " + Latencies.ms(jobseekerTimes.p50()) + " ms",
        jobseekerTimes.p50() <= 5);
    report.target(
        2,
        "matches for a resident",
        "p99 ≤ 20 ms",
        "p99 " + Latencies.ms(jobseekerTimes.p99()) + " ms",
        jobseekerTimes.p99() <= 20);
    report.target(
        3,
        "matches for a posting, 1M residents",
        "p50 ≤ 10 ms",
        "p50 " + Latencies.ms(postingTimes.p50()) + " ms",
        postingTimes.p50() <= 10);
    report.target(
        4,
        "matches for a posting, 1M residents",
        "p99 ≤ 40 ms",
        "p99 " + Latencies.ms(postingTimes.p99()) + " ms",
        postingTimes.p99() <= 40);
    report.target(
        6,
        "same top 10 as brute force, postings for a resident",
        "recall@10 ≥ 0.95",
        String.format(Locale.ROOT, "%.3f", jobseekerBrute.recall()),
        jobseekerBrute.recall() >= 0.95);
    report.target(
        7,
        "same top 10 as brute force, residents for a posting",
        "recall@10 ≥ 0.95",
        String.format(Locale.ROOT, "%.3f", postingBrute.recall()),
        postingBrute.recall() >= 0.95);
  }

  /** A table row: what, how many calls, p50, p90, p99 and max. */
  private static List<String> row(String what, String calls, Latencies l) {
    return List.of(
        what,
        calls,
        Latencies.ms(l.p50()),
        Latencies.ms(l.p90()),
        Latencies.ms(l.p99()),
        Latencies.ms(l.maxMillis()));
  }

  private static void log(String message) {
    BenchWorld.log(message);
  }
}
