package hongniang.bench;

import hongniang.search.query.JobseekerQuery;
import hongniang.search.query.PostingQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where a Lucene search spends its time: a JFR profile of the query sets by stage, after the timed
 * runs so that it cannot skew them; for a developer's quick run also the hot methods and the
 * slowest queries.
 */
final class QueryProfile {

  /** Where a search spends its time: the first stage on a sample's stack names it. */
  static final List<Profile.Stage> STAGES =
      List.of(
          Profile.Stage.of(
              "highlighting (UnifiedHighlighter, offsets from the index)",
              "org.apache.lucene.search.uhighlight"),
          Profile.Stage.of(
              "stored fields of the page of hits",
              "org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsReader"),
          Profile.Stage.of(
              "facet counting (FacetOrdinals)", "hongniang.search.query.FacetOrdinals"),
          Profile.Stage.of(
              "query text to query (smartcn, synonyms, pinyin)",
              "hongniang.search.query.QueryText"),
          Profile.Stage.of(
              "licence filter terms", "hongniang.search.query.PostingSearch.licencesOtherThan"),
          Profile.Stage.of(
              "top hits (scoring, sorting)",
              "org.apache.lucene.search.TopScoreDocCollector",
              "org.apache.lucene.search.TopFieldCollector"),
          Profile.Stage.of(
              "matching (filters, text terms, iterating postings)",
              "org.apache.lucene.search",
              "org.apache.lucene.index",
              "org.apache.lucene.util",
              "org.apache.lucene.codecs"));

  /** The threads a search runs on: the caller and the segment workers. */
  private static final List<String> SEARCH_THREADS = List.of("main", "search-worker");

  private QueryProfile() {}

  /** A sampling profile of {@code n} more searches of each set, by stage, side by side. */
  static void section(
      Report report,
      int n,
      List<PostingQuery> pq,
      List<JobseekerQuery> jq,
      Consumer<PostingQuery> postings,
      Consumer<JobseekerQuery> jobseekers)
      throws IOException {
    Profile.Breakdown p = searchProfile(pq, n, postings);
    Profile.Breakdown j = searchProfile(jq, n, jobseekers);
    report.section("Where a Lucene search spends its time");
    report.line(
        String.format(
            Locale.ROOT,
            "Java Flight Recorder execution samples (every 2 ms) over %,d more searches of each"
                + " set, after the timed runs, of the searching thread and the search workers"
                + " (segments are searched in parallel); each sample counted once, in the first"
                + " stage on its stack (in this order).",
            n));
    report.line("");
    report.table(
        List.of("stage", "postings: share (samples)", "jobseekers: share (samples)"),
        p.sideBySide(j));
  }

  private static <Q> Profile.Breakdown searchProfile(List<Q> queries, int n, Consumer<Q> search)
      throws IOException {
    List<Profile.Sample> samples = sampled(Duration.ofMillis(2), queries, n, search);
    return Profile.breakdown(samples, SEARCH_THREADS, null, STAGES);
  }

  /** JFR execution samples, every {@code period}, of {@code times} searches of the set, cycled. */
  private static <Q> List<Profile.Sample> sampled(
      Duration period, List<Q> queries, int times, Consumer<Q> search) throws IOException {
    try (Profile profile = Profile.start(period, false)) {
      for (int i = 0; i < times; i++) {
        search.accept(queries.get(i % queries.size()));
      }
      return profile.stop();
    }
  }

  /** Hot methods of one query set, on the calling thread and the search workers. */
  static <Q> void hot(Report report, String name, List<Q> queries, int times, Consumer<Q> search)
      throws IOException {
    List<Profile.Sample> samples = sampled(Duration.ofMillis(1), queries, times, search);
    report.line("");
    report.line("Hot methods, " + name + (queries.size() == 1 ? " " + queries.get(0) : "") + ":");
    report.line("");
    report.line("```");
    Profile.hotMethods(samples, SEARCH_THREADS, 40).forEach(report::line);
    report.line("```");
  }

  /** The slowest queries of a set by median of repeated runs: where to look next. */
  static <Q> List<Q> slowest(
      Report report, String name, List<Q> queries, QueryLatency.Search<Q> search) throws Exception {
    record Timed(double medianMs, long total, String query, Object q) {}
    List<Timed> timed = new ArrayList<>();
    for (Q q : queries) {
      long[] ns = new long[15];
      long total = 0;
      for (int i = 0; i < ns.length; i++) {
        long t0 = System.nanoTime();
        total = search.total(q);
        ns[i] = System.nanoTime() - t0;
      }
      Arrays.sort(ns);
      timed.add(new Timed(ns[ns.length / 2] / 1e6, total, q.toString(), q));
    }
    timed.sort(Comparator.comparingDouble(Timed::medianMs).reversed());
    report.line("");
    report.line("Slowest " + name + " queries (median of 15):");
    report.line("");
    for (Timed t : timed.subList(0, Math.min(25, timed.size()))) {
      report.line(
          String.format(Locale.ROOT, "- %.2f ms, %d hits: %s", t.medianMs(), t.total(), t.query()));
    }
    List<Q> out = new ArrayList<>();
    for (Timed t : timed) {
      @SuppressWarnings("unchecked")
      Q q = (Q) t.q();
      out.add(q);
    }
    return out;
  }
}
