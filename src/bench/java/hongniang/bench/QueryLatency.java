package hongniang.bench;

import hongniang.search.query.JobseekerQuery;
import hongniang.search.query.PostingQuery;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Search latency: complete search calls on one thread, in process. Lucene is warmed up until steady
 * ({@link Warmup}) and then timed; the same query sets in PostgreSQL ({@link PostgresBaseline}) get
 * one warm-up pass and a time budget. Writes the latency table with its targets, and whether both
 * engines count the same rows for queries without text.
 */
final class QueryLatency {

  /** Latencies of one engine over one query set, and the total each query found. */
  record Run(
      Latencies all,
      Map<String, Latencies> byKind,
      Map<Integer, Long> totals,
      long gcCount,
      long gcMillis,
      double seconds,
      double otherCores) {}

  /** One search call, returning the total it found. */
  @FunctionalInterface
  interface Search<Q> {
    long total(Q query) throws Exception;
  }

  private final int warmup;
  private final int queries;
  private final int pgSeconds;
  private final Map<String, Warmup.Result> warmups = new LinkedHashMap<>();

  /**
   * Warm-up rounds of {@code warmup} calls, {@code queries} timed calls per set, at most {@code
   * pgSeconds} of PostgreSQL per set after its first full pass.
   */
  QueryLatency(int warmup, int queries, int pgSeconds) {
    this.warmup = warmup;
    this.queries = queries;
    this.pgSeconds = pgSeconds;
  }

  /** The warm-ups of the Lucene runs so far, by set, for the report's preamble. */
  Map<String, Warmup.Result> warmups() {
    return warmups;
  }

  /** A Lucene run: warmed up until steady, then the timed calls. */
  <Q> Run lucene(String name, List<Q> set, Search<Q> search, Function<Q, String> text)
      throws Exception {
    Warmup.Result warm = Warmup.until(warmup, i -> search.total(set.get(i % set.size())));
    warmups.put(name, warm);
    BenchWorld.log("Warm after " + warm.describe());
    return timed(set, search, text, queries, queries, Long.MAX_VALUE);
  }

  /** A PostgreSQL run: one warm-up pass, then at least one full pass and up to the budget. */
  <Q> Run postgres(List<Q> set, Search<Q> search, Function<Q, String> text) throws Exception {
    // warm: one pass over the set (or 30 s) loads the tables and indexes into memory
    long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (int i = 0; i < set.size() && System.nanoTime() < warmUntil; i++) {
      search.total(set.get(i));
    }
    // at least one full pass, then as many as the time budget allows, at most the Lucene count
    return timed(set, search, text, set.size(), queries, TimeUnit.SECONDS.toNanos(pgSeconds));
  }

  private static <Q> Run timed(
      List<Q> queries,
      Search<Q> search,
      Function<Q, String> text,
      int atLeast,
      int atMost,
      long budgetNanos)
      throws Exception {
    Latencies all = new Latencies();
    Map<String, Latencies> byKind = new TreeMap<>();
    Map<Integer, Long> totals = new HashMap<>();
    long gcCount0 = gcCount();
    long gcMillis0 = gcMillis();
    CpuMeter cpu = new CpuMeter();
    long start = System.nanoTime();
    for (int i = 0; i < atMost; i++) {
      if (i >= atLeast && System.nanoTime() - start > budgetNanos) {
        break;
      }
      int k = i % queries.size();
      Q q = queries.get(k);
      long t0 = System.nanoTime();
      long total = search.total(q);
      long took = System.nanoTime() - t0;
      all.add(took);
      byKind.computeIfAbsent(Workload.textKind(text.apply(q)), x -> new Latencies()).add(took);
      totals.put(k, total);
    }
    return new Run(
        all,
        byKind,
        totals,
        gcCount() - gcCount0,
        gcMillis() - gcMillis0,
        (System.nanoTime() - start) / 1e9,
        cpu.otherCores());
  }

  /** The latency section and its targets; the benchmark waited {@code settledSeconds} first. */
  static void section(Report report, Run lp, Run lj, Run pp, Run pj, long settledSeconds) {
    report.section("Latency (single thread, in process, warm)");
    report.line(
        "Each figure is one complete search call. Lucene: `PostingSearch.search` — query"
            + " analysis with synonyms and pinyin, filters, top 20 by relevance (newest first"
            + " without text), exact total, facet counts, highlighted snippets, stored fields of"
            + " the 20 hits; `JobseekerSearch.search` — the same without facet counts and snippets"
            + " (both on request; snippets measured apart below), the total counted up to 1,000."
            + " PostgreSQL: the same filters and `ILIKE"
            + " '%q%'` on the same columns (no synonyms, no pinyin), the 20 newest rows joined for"
            + " display plus `count(*)`, two statements on one connection; no facets, no"
            + " snippets. Before the first timed search the benchmark waited "
            + settledSeconds
            + " s until this JVM and PostgreSQL used under 0.15 cores (after opening the index the"
            + " service decodes the matching columns in the background).");
    report.line("");
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("Lucene", "postings", lp));
    rows.add(row("PostgreSQL", "postings", pp));
    rows.add(row("Lucene", "jobseekers", lj));
    rows.add(row("PostgreSQL", "jobseekers", pj));
    report.table(
        List.of(
            "engine",
            "set",
            "queries",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "max ms",
            "mean ms",
            "GC during run",
            "other processes' CPU (cores)"),
        rows);
    report.line("By kind of text (p50 / p99 ms):");
    report.line("");
    List<List<String>> kinds = new ArrayList<>();
    for (String kind : List.of("characters", "pinyin", "no text")) {
      kinds.add(
          List.of(
              kind,
              pp50p99(lp.byKind().get(kind)),
              pp50p99(pp.byKind().get(kind)),
              pp50p99(lj.byKind().get(kind)),
              pp50p99(pj.byKind().get(kind))));
    }
    report.table(
        List.of(
            "text",
            "Lucene postings",
            "PostgreSQL postings",
            "Lucene jobseekers",
            "PostgreSQL jobseekers"),
        kinds);
    double postingRatio = pp.all().p50() / lp.all().p50();
    double jobseekerRatio = pj.all().p50() / lj.all().p50();
    report.line(
        String.format(
            Locale.ROOT,
            "Ratio PostgreSQL / Lucene at p50: postings **%.1fx**, jobseekers **%.1fx**; at p99:"
                + " postings %.1fx, jobseekers %.1fx.",
            postingRatio,
            jobseekerRatio,
            pp.all().p99() / lp.all().p99(),
            pj.all().p99() / lj.all().p99()));
    report.target(
        1,
        "posting search, 1–3 filters, 100k postings",
        "p50 ≤ 2 ms",
        "p50 " + Latencies.ms(lp.all().p50()) + " ms",
        lp.all().p50() <= 2);
    report.target(
        2,
        "posting search, 1–3 filters, 100k postings",
        "p99 ≤ 10 ms",
        "p99 " + Latencies.ms(lp.all().p99()) + " ms",
        lp.all().p99() <= 10);
    report.target(
        3,
        "jobseeker search, 1M profiles",
        "p50 ≤ 5 ms",
        "p50 " + Latencies.ms(lj.all().p50()) + " ms",
        lj.all().p50() <= 5);
    report.target(
        4,
        "jobseeker search, 1M profiles",
        "p99 ≤ 25 ms",
        "p99 " + Latencies.ms(lj.all().p99()) + " ms",
        lj.all().p99() <= 25);
    report.target(
        7,
        "Lucene vs PostgreSQL, postings",
        "≥ 3x faster at p50",
        String.format(Locale.ROOT, "%.1fx", postingRatio),
        postingRatio >= 3);
    report.target(
        8,
        "Lucene vs PostgreSQL, jobseekers",
        "≥ 3x faster at p50",
        String.format(Locale.ROOT, "%.1fx", jobseekerRatio),
        jobseekerRatio >= 3);
  }

  private static List<String> row(String engine, String set, Run r) {
    return List.of(
        engine,
        set,
        String.format(Locale.ROOT, "%,d", r.all().count()),
        Latencies.ms(r.all().p50()),
        Latencies.ms(r.all().p90()),
        Latencies.ms(r.all().p99()),
        Latencies.ms(r.all().maxMillis()),
        Latencies.ms(r.all().meanMillis()),
        r.gcCount() + " GCs, " + r.gcMillis() + " ms",
        CpuMeter.cores(r.otherCores()));
  }

  private static String pp50p99(Latencies l) {
    return l == null || l.count() == 0
        ? "–"
        : Latencies.ms(l.p50()) + " / " + Latencies.ms(l.p99()) + " (" + l.count() + ")";
  }

  /** A run's p50/p99 by kind of text, for a quick run's one-line summary. */
  static String byKind(Run run) {
    StringBuilder sb = new StringBuilder();
    run.byKind()
        .forEach(
            (kind, l) ->
                sb.append("; ")
                    .append(kind)
                    .append(" ")
                    .append(Latencies.ms(l.p50()))
                    .append("/")
                    .append(Latencies.ms(l.p99())));
    return sb.toString();
  }

  /** Without text both engines must count the same rows: a check that the SQL is the same query. */
  static void agreement(
      Report report,
      List<PostingQuery> pq,
      List<JobseekerQuery> jq,
      Map<Integer, Long> lp,
      Map<Integer, Long> lj,
      Run pp,
      Run pj) {
    List<String> mismatches = new ArrayList<>();
    int[] postings = agree(pq, PostingQuery::q, lp, pp, mismatches, "posting");
    int[] jobseekers = agree(jq, JobseekerQuery::q, lj, pj, mismatches, "jobseeker");
    report.section("Same question, same answer");
    report.line(
        String.format(
            "Queries without text have one right answer, so both engines must count the same"
                + " rows (Lucene's jobseeker totals here from the same searches with facet"
                + " counts, which count every hit): postings %d of %d agree, jobseekers %d of %d"
                + " agree.%s",
            postings[0],
            postings[1],
            jobseekers[0],
            jobseekers[1],
            mismatches.isEmpty() ? "" : " Disagreements: " + String.join("; ", mismatches)));
  }

  private static <Q> int[] agree(
      List<Q> queries,
      Function<Q, String> text,
      Map<Integer, Long> lucene,
      Run pg,
      List<String> mismatches,
      String what) {
    int same = 0;
    int compared = 0;
    for (int k = 0; k < queries.size(); k++) {
      if (text.apply(queries.get(k)) != null || !pg.totals().containsKey(k)) {
        continue;
      }
      compared++;
      long l = lucene.get(k);
      long p = pg.totals().get(k);
      if (l == p) {
        same++;
      } else if (mismatches.size() < 5) {
        mismatches.add(what + " " + queries.get(k) + ": Lucene " + l + ", PostgreSQL " + p);
      }
    }
    return new int[] {same, compared};
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }
}
