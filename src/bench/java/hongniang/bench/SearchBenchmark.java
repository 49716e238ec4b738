package hongniang.bench;

import hongniang.demo.DemoCommand;
import hongniang.search.query.JobseekerQuery;
import hongniang.search.query.JobseekerSearch;
import hongniang.occupations.Occupations;
import hongniang.search.query.PostingHits;
import hongniang.search.query.PostingQuery;
import hongniang.search.query.PostingSearch;
import hongniang.search.index.SearchIndex;
import hongniang.search.SearchProbe;
import hongniang.search.suggest.Suggester;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The search benchmark of issue 3: generated data in an embedded PostgreSQL under {@code
 * target/bench}, the service's own beans in process, and every figure the issue asks for, printed
 * and written to {@code docs/benchmarks.md}. Run it with {@value #COMMAND}; not part of the tests.
 */
public final class SearchBenchmark {

  static final String COMMAND = "./mvnw -B -ntp -Pbench test";
  static final String HEADING = "Search (issue 3)";

  private static final long SEED = 3;
  private static final int QUERY_SET_SIZE = 120;

  /** Settings, from system properties the Maven profile passes on. */
  record Settings(
      Path dir,
      boolean fresh,
      int partners,
      int postings,
      int jobseekers,
      int warmup,
      int queries,
      int pgSeconds,
      int updatesPerSecond,
      int updateSeconds,
      Path docs,
      boolean quick) {

    static Settings fromSystemProperties() {
      return new Settings(
          Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath(),
          Boolean.parseBoolean(System.getProperty("bench.fresh", "false")),
          Integer.getInteger("bench.partners", 2_000),
          Integer.getInteger("bench.postings", 100_000),
          Integer.getInteger("bench.jobseekers", 1_000_000),
          Integer.getInteger("bench.warmup", 1_000),
          Integer.getInteger("bench.queries", 5_000),
          Integer.getInteger("bench.pgSeconds", 60),
          Integer.getInteger("bench.updatesPerSecond", 50),
          Integer.getInteger("bench.updateSeconds", 30),
          Path.of(System.getProperty("bench.docs", "docs/benchmarks.md")).toAbsolutePath(),
          Boolean.getBoolean("bench.quick"));
    }
  }

  /** Where a search spends its time: the first stage on a sample's stack names it. */
  static final List<Profile.Stage> QUERY_STAGES =
      List.of(
          Profile.Stage.of(
              "highlighting (UnifiedHighlighter, offsets from the index)",
              "org.apache.lucene.search.uhighlight"),
          Profile.Stage.of(
              "stored fields of the page of hits",
              "org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsReader"),
          Profile.Stage.of("facet counting (FacetOrdinals)", "hongniang.search.FacetOrdinals"),
          Profile.Stage.of(
              "query text to query (smartcn, synonyms, pinyin)", "hongniang.search.QueryText"),
          Profile.Stage.of(
              "licence filter terms", "hongniang.search.PostingSearch.licencesOtherThan"),
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

  /** Where the rebuild's own thread spends its time. */
  static final List<Profile.Stage> REBUILD_STAGES =
      List.of(
          Profile.Stage.of(
              "pinyin companions (PinyinFields: smartcn words, pinyin4j)",
              "hongniang.search.PinyinFields"),
          Profile.Stage.of(
              "other document building (LuceneDocuments, facet fields)",
              "hongniang.search.LuceneDocuments",
              "org.apache.lucene.facet"),
          Profile.Stage.of(
              "flushing segments to disk",
              "org.apache.lucene.index.DocumentsWriterPerThread.flush",
              "org.apache.lucene.index.DocumentsWriter.doFlush"),
          Profile.Stage.of(
              "analysing text fields inside addDocument (smartcn)", "org.apache.lucene.analysis"),
          Profile.Stage.of(
              "rest of addDocument (inverting, points, doc values, stored fields)",
              "org.apache.lucene.index",
              "org.apache.lucene.codecs",
              "org.apache.lucene.util"),
          Profile.Stage.of("reading rows from PostgreSQL (pgjdbc)", "org.postgresql"),
          Profile.Stage.of("mapping rows (DocumentSource)", "hongniang.search.DocumentSource"),
          Profile.Stage.of("commit and switch", "hongniang.search.IndexGeneration"));

  /** Where the indexer thread spends its time while changes stream in. */
  static final List<Profile.Stage> INDEXER_STAGES =
      List.of(
          Profile.Stage.of(
              "rebuilding suggestions (Suggester.refresh)", "hongniang.search.Suggester.refresh"),
          Profile.Stage.of("Lucene commit (fsync)", "org.apache.lucene.index.IndexWriter.commit"),
          Profile.Stage.of(
              "reopening searchers (near-real-time refresh)",
              "org.apache.lucene.search.ReferenceManager",
              "org.apache.lucene.search.SearcherManager"),
          Profile.Stage.of(
              "reading the changed rows (DocumentSource)", "hongniang.search.DocumentSource"),
          Profile.Stage.of(
              "building and updating documents",
              "hongniang.search.LuceneDocuments",
              "org.apache.lucene.index.IndexWriter.updateDocument",
              "org.apache.lucene.index.IndexWriter.deleteDocuments"),
          Profile.Stage.of(
              "outbox SQL (pending, mark done, prune)", "hongniang.search.OutboxStore"));

  private final Settings settings;
  private final Report report = new Report(HEADING);
  private final List<String> dataFacts = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, Warmup.Result> warmups = new LinkedHashMap<>();
  private BenchWorld world;
  private double[] rebuildCpu;
  private long settledSeconds;
  private List<Profile.Sample> rebuildSamples;
  private LocalDate today;

  private SearchBenchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.fromSystemProperties();
    int code = new SearchBenchmark(settings).run();
    // the embedded server and Micronaut's threads are closed; exit in case a daemon lingers
    System.exit(code);
  }

  private int run() throws Exception {
    long started = System.nanoTime();
    if (settings.quick()) {
      return quick();
    }
    try (BenchWorld w = BenchWorld.open(settings.dir(), settings.fresh())) {
      world = w;
      long generationMillis = w.ensureData(size());
      SearchIndex.RebuildReport rebuild;
      try (ApplicationContext cli = w.context(DemoCommand.ENVIRONMENT)) {
        today = LocalDate.now(cli.getBean(Clock.class));
        log("Rebuilding both indexes from PostgreSQL (timed)");
        CpuMeter cpu = new CpuMeter();
        try (Profile profile = Profile.start(Duration.ofMillis(20), true)) {
          rebuild = cli.getBean(SearchIndex.class).rebuild();
          rebuildCpu = new double[] {cpu.ownCores(), cpu.otherCores()};
          rebuildSamples = profile.stop();
        }
        log("Rebuilt: " + rebuild);
      }
      long pgSetupMillis;
      try (Connection c = connect()) {
        log("Preparing the PostgreSQL baseline (pg_trgm, indexes, ANALYZE)");
        pgSetupMillis = PostgresBaseline.prepare(c);
      }
      try (ApplicationContext ctx = w.context("bench")) {
        measure(ctx, rebuild, generationMillis, pgSetupMillis);
      }
    }
    long totalSeconds = (System.nanoTime() - started) / 1_000_000_000;
    String section = report.markdown(preamble(totalSeconds));
    System.out.println();
    System.out.println(section);
    report.writeInto(settings.docs(), section);
    Files.writeString(
        settings.dir().resolve("search-benchmark.md"), section, StandardCharsets.UTF_8);
    log("Written to " + settings.docs() + " and " + settings.dir().resolve("search-benchmark.md"));
    return 0;
  }

  private BenchWorld.Size size() {
    return new BenchWorld.Size(
        SEED, settings.partners(), settings.postings(), settings.jobseekers());
  }

  /**
   * {@code -Dbench.quick=true}: a developer's loop, not a result. Opens (or builds) the index as
   * the service would and runs only the Lucene latencies and their profile; prints them and writes
   * nothing under docs/.
   */
  private int quick() throws Exception {
    try (BenchWorld w = BenchWorld.open(settings.dir(), false)) {
      world = w;
      w.ensureData(size());
      try (ApplicationContext ctx = w.context("bench");
          Connection c = connect()) {
        today = LocalDate.now(ctx.getBean(Clock.class));
        PostingSearch postingSearch = ctx.getBean(PostingSearch.class);
        JobseekerSearch jobseekerSearch = ctx.getBean(JobseekerSearch.class);
        List<Long> communities = longs(c, "SELECT id FROM community ORDER BY id");
        List<String> groups = new ArrayList<>(Occupations.load().groups());
        List<PostingQuery> pq = Workload.postings(SEED, QUERY_SET_SIZE, communities, groups);
        List<JobseekerQuery> jq = Workload.jobseekers(SEED + 1, QUERY_SET_SIZE, communities);
        if (!Boolean.parseBoolean(System.getProperty("bench.quickLatencies", "true"))) {
          freshnessSection(c, postingSearch, ctx.getBean(Suggester.class));
          return writeQuick();
        }
        Run p = luceneRun("postings", pq, q -> postingSearch.search(q).total(), PostingQuery::q);
        Run j =
            luceneRun("jobseekers", jq, q -> jobseekerSearch.search(q).total(), JobseekerQuery::q);
        report.section("Quick run (developer loop; not a result)");
        for (Map.Entry<String, Run> e : Map.of("postings", p, "jobseekers", j).entrySet()) {
          report.line(
              String.format(
                  Locale.ROOT,
                  "- %s: p50 %s ms, p90 %s ms, p99 %s ms%s",
                  e.getKey(),
                  Latencies.ms(e.getValue().all().p50()),
                  Latencies.ms(e.getValue().all().p90()),
                  Latencies.ms(e.getValue().all().p99()),
                  byKind(e.getValue())));
        }
        List<PostingQuery> slowPostings =
            slowest("postings", pq, q -> postingSearch.search(q).total());
        List<JobseekerQuery> slowJobseekers =
            slowest("jobseekers", jq, q -> jobseekerSearch.search(q).total());
        hot("postings", pq, 2_000, postingSearch::search);
        hot("jobseekers", jq, 2_000, jobseekerSearch::search);
        for (int i = 0; i < 3; i++) {
          hot("slow posting query " + i, List.of(slowPostings.get(i)), 300, postingSearch::search);
          hot(
              "slow jobseeker query " + i,
              List.of(slowJobseekers.get(i)),
              300,
              jobseekerSearch::search);
        }
        profileSection(pq, jq, postingSearch::search, jobseekerSearch::search);
        if (Boolean.getBoolean("bench.quickFreshness")) {
          freshnessSection(c, postingSearch, ctx.getBean(Suggester.class));
        }
      }
    }
    return writeQuick();
  }

  private int writeQuick() throws IOException {
    String out = report.markdown("");
    System.out.println(out);
    Files.writeString(settings.dir().resolve("quick.md"), out, StandardCharsets.UTF_8);
    return 0;
  }

  /** Hot methods of one query set, on the calling thread and the search workers. */
  private <Q> void hot(
      String name, List<Q> queries, int times, java.util.function.Consumer<Q> search)
      throws IOException {
    List<Profile.Sample> samples;
    try (Profile profile = Profile.start(Duration.ofMillis(1), false)) {
      for (int i = 0; i < times; i++) {
        search.accept(queries.get(i % queries.size()));
      }
      samples = profile.stop();
    }
    report.line("");
    report.line("Hot methods, " + name + (queries.size() == 1 ? " " + queries.get(0) : "") + ":");
    report.line("");
    report.line("```");
    Profile.hotMethods(samples, SEARCH_THREADS, 40).forEach(report::line);
    report.line("```");
  }

  /** The slowest queries of a set by median of repeated runs: where to look next. */
  private <Q> List<Q> slowest(String name, List<Q> queries, Search<Q> search) throws Exception {
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
      java.util.Arrays.sort(ns);
      timed.add(new Timed(ns[ns.length / 2] / 1e6, total, q.toString(), q));
    }
    timed.sort(java.util.Comparator.comparingDouble(Timed::medianMs).reversed());
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

  private static String byKind(Run run) {
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

  private Connection connect() throws SQLException {
    return world.connect();
  }

  // ---------------------------------------------------------------- measurements

  private void measure(
      ApplicationContext ctx,
      SearchIndex.RebuildReport rebuild,
      long generationMillis,
      long pgSetupMillis)
      throws Exception {
    PostingSearch postingSearch = ctx.getBean(PostingSearch.class);
    JobseekerSearch jobseekerSearch = ctx.getBean(JobseekerSearch.class);
    SearchIndex index = ctx.getBean(SearchIndex.class);
    Occupations occupations = Occupations.load();

    try (Connection c = connect()) {
      describeData(c, index, rebuild, generationMillis, pgSetupMillis);
      rebuildSection(rebuild);
      List<Long> communities = longs(c, "SELECT id FROM community ORDER BY id");
      Map<String, List<String>> occupationsByGroup = new TreeMap<>();
      for (String occupation :
          strings(c, "SELECT DISTINCT occupation FROM posting ORDER BY occupation")) {
        String group =
            occupations.find(occupation).map(Occupations.Occupation::group).orElse("other");
        occupationsByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(occupation);
      }
      List<String> groups = new ArrayList<>(occupationsByGroup.keySet());
      List<PostingQuery> postingQueries =
          Workload.postings(SEED, QUERY_SET_SIZE, communities, groups);
      List<JobseekerQuery> jobseekerQueries =
          Workload.jobseekers(SEED + 1, QUERY_SET_SIZE, communities);
      PostgresBaseline pg = new PostgresBaseline(c, today, occupationsByGroup);

      // the service decodes matching columns in the background after it opens the index; the
      // latencies are of a settled service, not of one sharing the cores with that start-up work
      settledSeconds = CpuMeter.settle(0.15, Duration.ofSeconds(180));
      log("Settled after " + settledSeconds + " s; Lucene: posting searches");
      Run lucenePostings =
          luceneRun(
              "postings", postingQueries, q -> postingSearch.search(q).total(), PostingQuery::q);
      log("Lucene: jobseeker searches");
      Run luceneJobseekers =
          luceneRun(
              "jobseekers",
              jobseekerQueries,
              q -> jobseekerSearch.search(q).total(),
              JobseekerQuery::q);
      log("Lucene: jobseeker searches with highlighted snippets (opt-in)");
      Run highlighted =
          luceneRun(
              "jobseekers with snippets",
              Workload.highlighted(jobseekerQueries),
              q -> jobseekerSearch.search(q).total(),
              JobseekerQuery::q);
      log("Lucene: profiling both query sets (JFR)");
      profileSection(
          postingQueries, jobseekerQueries, postingSearch::search, jobseekerSearch::search);
      log("PostgreSQL: posting searches");
      Run pgPostings = pgRun(postingQueries, q -> pg.postings(q).total(), PostingQuery::q);
      log("PostgreSQL: jobseeker searches");
      Run pgJobseekers = pgRun(jobseekerQueries, q -> pg.jobseekers(q).total(), JobseekerQuery::q);

      latencySection(lucenePostings, luceneJobseekers, pgPostings, pgJobseekers);
      report.line(
          String.format(
              Locale.ROOT,
              "Jobseeker searches return highlighted snippets only when asked (`highlight=true`);"
                  + " the same %,d searches with snippets: p50 %s ms, p99 %s ms (no target).",
              highlighted.all().count(),
              Latencies.ms(highlighted.all().p50()),
              Latencies.ms(highlighted.all().p99())));
      report.line("");
      // posting searches count every hit; jobseeker searches without facets stop at 1,000
      Map<Integer, Long> exactJobseekers = new HashMap<>();
      for (int k = 0; k < jobseekerQueries.size(); k++) {
        exactJobseekers.put(
            k, jobseekerSearch.search(Workload.exact(jobseekerQueries.get(k))).total());
      }
      agreementSection(
          postingQueries,
          jobseekerQueries,
          lucenePostings.totals(),
          exactJobseekers,
          pgPostings,
          pgJobseekers);

      log("Recall");
      recallSection(c, pg, new SearchProbe(index, postingSearch), postingSearch, occupations);

      log("Freshness under " + settings.updatesPerSecond() + " updates/s");
      freshnessSection(c, postingSearch, ctx.getBean(Suggester.class));
    }
  }

  /** Latencies of one engine over one query set, and the total each query found. */
  record Run(
      Latencies all,
      Map<String, Latencies> byKind,
      Map<Integer, Long> totals,
      long gcCount,
      long gcMillis,
      double seconds,
      double otherCores) {}

  @FunctionalInterface
  interface Search<Q> {
    long total(Q query) throws Exception;
  }

  private <Q> Run luceneRun(
      String name, List<Q> queries, Search<Q> search, java.util.function.Function<Q, String> text)
      throws Exception {
    Warmup.Result warm =
        Warmup.until(settings.warmup(), i -> search.total(queries.get(i % queries.size())));
    warmups.put(name, warm);
    log("Warm after " + warm.describe());
    return timed(queries, search, text, settings.queries(), settings.queries(), Long.MAX_VALUE);
  }

  private <Q> Run pgRun(
      List<Q> queries, Search<Q> search, java.util.function.Function<Q, String> text)
      throws Exception {
    // warm: one pass over the set (or 30 s) loads the tables and indexes into memory
    long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (int i = 0; i < queries.size() && System.nanoTime() < warmUntil; i++) {
      search.total(queries.get(i));
    }
    // at least one full pass, then as many as the time budget allows, at most the Lucene count
    return timed(
        queries,
        search,
        text,
        queries.size(),
        settings.queries(),
        TimeUnit.SECONDS.toNanos(settings.pgSeconds()));
  }

  private static <Q> Run timed(
      List<Q> queries,
      Search<Q> search,
      java.util.function.Function<Q, String> text,
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

  private void latencySection(Run lp, Run lj, Run pp, Run pj) {
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

  /** Without text both engines must count the same rows: a check that the SQL is the same query. */
  private void agreementSection(
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
      java.util.function.Function<Q, String> text,
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

  /** A sampling profile of the same queries, after the timed runs, so it cannot skew them. */
  private void profileSection(
      List<PostingQuery> pq,
      List<JobseekerQuery> jq,
      java.util.function.Consumer<PostingQuery> postings,
      java.util.function.Consumer<JobseekerQuery> jobseekers)
      throws IOException {
    int n = Integer.getInteger("bench.profileQueries", 2_000);
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

  private static <Q> Profile.Breakdown searchProfile(
      List<Q> queries, int n, java.util.function.Consumer<Q> search) throws IOException {
    List<Profile.Sample> samples;
    try (Profile profile = Profile.start(Duration.ofMillis(2), false)) {
      for (int i = 0; i < n; i++) {
        search.accept(queries.get(i % queries.size()));
      }
      samples = profile.stop();
    }
    return Profile.breakdown(samples, SEARCH_THREADS, null, QUERY_STAGES);
  }

  /** The threads a search runs on: the caller and the segment workers. */
  private static final List<String> SEARCH_THREADS = List.of("main", "search-worker");

  // ---------------------------------------------------------------- recall

  /** A recall query: what is typed, and the term whose synonym group and occupation answer it. */
  record RecallQuery(String typed, String meaning) {}

  static final List<RecallQuery> RECALL =
      Stream.concat(
              Stream.of(
                      "保洁", "清洁工", "环卫", "保安", "门卫", "防损员", "保姆", "家政", "钟点工", "月嫂", "母婴护理", "护工",
                      "养老护理", "快递", "骑手", "外卖员", "司机", "电工", "营业员", "收银", "普工", "绿化工", "协管员")
                  .map(t -> new RecallQuery(t, t)),
              Stream.of(
                  new RecallQuery("baojie", "保洁"),
                  new RecallQuery("bj", "保洁"),
                  new RecallQuery("baoan", "保安"),
                  new RecallQuery("baomu", "保姆"),
                  new RecallQuery("jiazheng", "家政"),
                  new RecallQuery("yuesao", "月嫂"),
                  new RecallQuery("hugong", "护工"),
                  new RecallQuery("kuaidi", "快递"),
                  new RecallQuery("siji", "司机")))
          .toList();

  private void recallSection(
      Connection c,
      PostgresBaseline pg,
      SearchProbe probe,
      PostingSearch postingSearch,
      Occupations occupations)
      throws SQLException {
    Map<Long, String> visible = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id, p.occupation FROM posting p WHERE " + PostgresBaseline.VISIBLE)) {
      ps.setObject(1, today);
      ps.setObject(2, today);
      ps.setObject(3, today);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          visible.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    List<List<String>> rows = new ArrayList<>();
    double luceneSum = 0;
    double pgSum = 0;
    double lucenePinyin = 0;
    double pgPinyin = 0;
    int counted = 0;
    int pinyin = 0;
    List<String> skipped = new ArrayList<>();
    for (RecallQuery rq : RECALL) {
      Set<Long> known = knownAnswers(rq.meaning(), visible, occupations);
      if (known.isEmpty()) {
        skipped.add(rq.typed());
        continue;
      }
      PostingQuery query =
          new PostingQuery(
              rq.typed(),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              0,
              1);
      Set<Long> lucene = probe.allPostingIds(query);
      long total = postingSearch.search(query).total();
      if (total != lucene.size()) {
        notes.add(
            "Recall probe disagrees with PostingSearch for "
                + rq.typed()
                + ": "
                + lucene.size()
                + " vs "
                + total
                + " hits.");
      }
      Set<Long> sql = pg.allPostingIds(rq.typed());
      long luceneFound = known.stream().filter(lucene::contains).count();
      long pgFound = known.stream().filter(sql::contains).count();
      long luceneOnly =
          known.stream().filter(id -> lucene.contains(id) && !sql.contains(id)).count();
      double lr = (double) luceneFound / known.size();
      double pr = (double) pgFound / known.size();
      luceneSum += lr;
      pgSum += pr;
      counted++;
      if (!rq.typed().equals(rq.meaning())) {
        lucenePinyin += lr;
        pgPinyin += pr;
        pinyin++;
      }
      rows.add(
          List.of(
              rq.typed().equals(rq.meaning())
                  ? rq.typed()
                  : "`" + rq.typed() + "` (" + rq.meaning() + ")",
              String.format(Locale.ROOT, "%,d", known.size()),
              String.format(Locale.ROOT, "%,d", lucene.size()),
              pct(lr),
              String.format(Locale.ROOT, "%,d", sql.size()),
              pct(pr),
              String.format(Locale.ROOT, "%,d", luceneOnly)));
    }
    report.section("Recall on queries with known answers");
    report.line(
        "Known answers of a query: the open, visible postings whose occupation is in the query"
            + " term's synonym group (`Occupations.synonymsOf`) or resolves to the same occupation"
            + " (`Occupations.find(...).code()`); pinyin queries take the answers of the term in"
            + " brackets. Recall is recall@all: the share of known answers among *all* hits"
            + " (Lucene: every match of the posting search's own query, unpaged; PostgreSQL:"
            + " every visible posting with `ILIKE '%typed%'` on title, occupation, skills or"
            + " description). \"Lucene only\": known answers Lucene returns and PostgreSQL misses.");
    report.line("");
    report.table(
        List.of(
            "query",
            "known answers",
            "Lucene hits",
            "Lucene recall",
            "PostgreSQL hits",
            "PostgreSQL recall",
            "Lucene only"),
        rows);
    double lm = luceneSum / counted;
    double pm = pgSum / counted;
    report.line(
        String.format(
            Locale.ROOT,
            "Mean recall over %d queries: Lucene **%s**, PostgreSQL **%s**. Pinyin queries alone"
                + " (%d): Lucene %s, PostgreSQL %s.%s",
            counted,
            pct(lm),
            pct(pm),
            pinyin,
            pct(lucenePinyin / Math.max(1, pinyin)),
            pct(pgPinyin / Math.max(1, pinyin)),
            skipped.isEmpty()
                ? ""
                : " Skipped, no known answers in the data: " + String.join(", ", skipped) + "."));
    report.target(
        9,
        "synonym and pinyin matches PostgreSQL misses",
        "Lucene recall above PostgreSQL's",
        "mean recall Lucene " + pct(lm) + ", PostgreSQL " + pct(pm),
        lm > pm);
  }

  private static Set<Long> knownAnswers(
      String term, Map<Long, String> visible, Occupations occupations) {
    Set<String> synonyms = occupations.synonymsOf(term);
    String code = occupations.find(term).map(Occupations.Occupation::code).orElse(null);
    Map<String, Boolean> relevant = new HashMap<>();
    Set<Long> out = new HashSet<>();
    visible.forEach(
        (id, occupation) -> {
          boolean yes =
              relevant.computeIfAbsent(
                  occupation,
                  o ->
                      synonyms.contains(o)
                          || (code != null
                              && occupations
                                  .find(o)
                                  .map(x -> x.code().equals(code))
                                  .orElse(false)));
          if (yes) {
            out.add(id);
          }
        });
    return out;
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  // ---------------------------------------------------------------- freshness

  private static final int FRESHNESS_SAMPLE_MS = 20;

  private record Pending(long id, int wage, long committedAt) {}

  /** What one stream of updates gave: per-update visibility and COMMIT times, and its counts. */
  private record UpdateStream(
      Latencies visible, Latencies commits, int sent, int neverSeen, int polls, double seconds) {}

  /**
   * Updates postings through JDBC at a fixed rate, each setting a unique top wage, and polls the
   * in-process search every 5 ms for a wage range that only that value meets; the latency is from
   * the return of COMMIT to the return of the first search that shows the new value. A first,
   * unmeasured stream on other postings warms the indexing path up (its code is compiled, its
   * caches filled) as it is in a running service; then the measured one.
   */
  private void freshnessSection(Connection c, PostingSearch search, Suggester suggester)
      throws Exception {
    int updates = settings.updatesPerSecond() * settings.updateSeconds();
    int warmupSeconds = Integer.getInteger("bench.updateWarmupSeconds", 10);
    int warmupUpdates = settings.updatesPerSecond() * warmupSeconds;
    List<Long> ids = new ArrayList<>();
    Map<Long, Integer> original = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id, p.wage_max FROM posting p WHERE "
                + PostgresBaseline.VISIBLE
                + " ORDER BY md5(p.id::text) LIMIT ?")) {
      ps.setObject(1, today);
      ps.setObject(2, today);
      ps.setObject(3, today);
      ps.setInt(4, warmupUpdates + updates);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
          original.put(rs.getLong(1), rs.getInt(2));
        }
      }
    }
    // above every wage in the table, so a range query from the value finds only fresh updates
    int base = (int) BenchWorld.count(c, "SELECT max(wage_max) FROM posting") + 1000;
    UpdateStream stream;
    CpuMeter cpu;
    List<Profile.Sample> samples;
    try {
      log("Change visibility: " + warmupSeconds + " s of updates to warm up, not measured");
      stream(ids.subList(0, Math.min(warmupUpdates, ids.size())), base, search, warmupSeconds);
      cpu = new CpuMeter();
      // sampled every 20 ms: a denser profile took enough of two cores to move the figures
      Profile profile = Profile.start(Duration.ofMillis(FRESHNESS_SAMPLE_MS), true);
      try {
        stream =
            stream(
                ids.subList(Math.min(warmupUpdates, ids.size()), ids.size()),
                base + warmupUpdates,
                search,
                settings.updateSeconds());
      } finally {
        samples = profile.stop();
        profile.close();
      }
    } finally {
      restoreWages(c, original);
    }
    double seconds = stream.seconds();
    double otherCores = cpu.otherCores();
    Latencies visible = stream.visible();
    Latencies commits = stream.commits();
    int neverSeen = stream.neverSeen();
    int polls = stream.polls();
    Profile.Breakdown indexer = Profile.breakdown(samples, "search-indexer", null, INDEXER_STAGES);
    Profile.Breakdown committer =
        Profile.breakdown(samples, "search-committer", null, INDEXER_STAGES);
    Latencies refresh = new Latencies();
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      suggester.refresh();
      refresh.add(System.nanoTime() - t0);
    }
    AtomicInteger sent = new AtomicInteger(stream.sent());
    double achievedRate = sent.get() / Math.max(1e-9, Math.min(seconds, settings.updateSeconds()));
    report.section("Change visible in search under load");
    report.line(
        String.format(
            Locale.ROOT,
            "%,d UPDATEs of distinct open postings through JDBC, one transaction each, scheduled at"
                + " %d/s for %d s (%,d sent, %.1f/s achieved; COMMIT itself p50 %s ms, p99 %s ms)."
                + " Each sets a unique top wage; a poller calls `PostingSearch.search` with"
                + " `wageFrom` = the lowest unseen value (sorted by wage, all pages) every 5 ms and"
                + " records, per update, the time from the return of COMMIT to the return of the"
                + " first search that shows it. Before it, %d s of the same updates on other"
                + " postings, not measured, warm the indexing path up as in a running service."
                + " Indexer defaults: `hongniang.search.poll-ms` = 50 (apply and near-real-time"
                + " refresh), `hongniang.search.commit-ms` = 10000 (commit on its own thread, then"
                + " mark rows done). %d polls. Other processes used %s cores meanwhile.",
            updates,
            settings.updatesPerSecond(),
            settings.updateSeconds(),
            sent.get(),
            achievedRate,
            Latencies.ms(commits.p50()),
            Latencies.ms(commits.p99()),
            Integer.getInteger("bench.updateWarmupSeconds", 10),
            polls,
            CpuMeter.cores(otherCores)));
    report.line("");
    report.table(
        List.of("updates seen", "never seen (20 s)", "p50 ms", "p90 ms", "p99 ms", "max ms"),
        List.of(
            List.of(
                String.format(Locale.ROOT, "%,d", visible.count()),
                Integer.toString(neverSeen),
                Latencies.ms(visible.p50()),
                Latencies.ms(visible.p90()),
                Latencies.ms(visible.p99()),
                Latencies.ms(visible.maxMillis()))));
    report.line(
        String.format(
            Locale.ROOT,
            "The indexer thread meanwhile (JFR samples every 20 ms of Java and native code, so"
                + " fsync and socket waits count): %,d samples ≈ %.0f%% of the %.0f s busy."
                + " `Suggester.refresh()` alone, timed afterwards: %s ms (median of 3); the"
                + " indexer runs it on its own thread at most every 3 s while postings change."
                + " The committing thread: %,d samples ≈ %.0f%% busy.",
            indexer.total(),
            100.0 * indexer.total() * FRESHNESS_SAMPLE_MS / 1000 / seconds,
            seconds,
            Latencies.ms(refresh.p50()),
            committer.total(),
            100.0 * committer.total() * FRESHNESS_SAMPLE_MS / 1000 / seconds));
    report.line("");
    report.table(List.of("indexer stage", "share", "samples"), indexer.rows());
    if (settings.quick()) {
      report.line("");
      report.line("```");
      Profile.hotMethods(samples, List.of("search-indexer"), 40).forEach(report::line);
      report.line("```");
    }
    report.target(
        6,
        "change visible in search at " + settings.updatesPerSecond() + " updates/s",
        "p99 ≤ 250 ms",
        "p99 "
            + Latencies.ms(visible.p99())
            + " ms"
            + (neverSeen > 0 ? ", " + neverSeen + " never seen" : ""),
        visible.p99() <= 250 && neverSeen == 0);
  }

  /** One stream of updates to the given postings, wages from {@code base} up, measured. */
  private UpdateStream stream(List<Long> ids, int base, PostingSearch search, int seconds)
      throws Exception {
    Map<Long, Pending> pending = new ConcurrentHashMap<>();
    Latencies visible = new Latencies();
    Latencies commits = new Latencies();
    AtomicInteger sent = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    ScheduledExecutorService writer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bench-writer");
              t.setDaemon(true);
              return t;
            });
    long periodMicros = 1_000_000L / settings.updatesPerSecond();
    int polls = 0;
    long start;
    try (Connection w = connect();
        PreparedStatement update =
            w.prepareStatement("UPDATE posting SET wage_max = ? WHERE id = ?")) {
      w.setAutoCommit(false);
      start = System.nanoTime();
      writer.scheduleAtFixedRate(
          () -> {
            int k = sent.get();
            if (k >= ids.size() || failure.get() != null) {
              return;
            }
            try {
              update.setInt(1, base + k);
              update.setLong(2, ids.get(k));
              update.executeUpdate();
              long t0 = System.nanoTime();
              w.commit();
              long committed = System.nanoTime();
              commits.add(committed - t0);
              pending.put(ids.get(k), new Pending(ids.get(k), base + k, committed));
              sent.incrementAndGet();
            } catch (SQLException e) {
              failure.set(e);
            }
          },
          0,
          periodMicros,
          TimeUnit.MICROSECONDS);
      long deadline = start + TimeUnit.SECONDS.toNanos(seconds + 20L);
      while (System.nanoTime() < deadline && failure.get() == null) {
        if (sent.get() >= ids.size() && pending.isEmpty()) {
          break;
        }
        if (pending.isEmpty()) {
          Thread.sleep(1);
          continue;
        }
        int from = pending.values().stream().mapToInt(Pending::wage).min().orElseThrow();
        polls++;
        for (int page = 0; page < 20; page++) {
          PostingHits hits =
              search.search(
                  new PostingQuery(
                      null, null, null, null, null, from, null, null, null, null, null, null, null,
                      "wage", page, 50));
          long seen = System.nanoTime();
          for (PostingHits.Hit hit : hits.hits()) {
            Pending p = pending.get(hit.id());
            if (p != null && hit.wageMax() == p.wage()) {
              visible.add(seen - p.committedAt());
              pending.remove(hit.id());
            }
          }
          if ((long) (page + 1) * 50 >= hits.total()) {
            break;
          }
        }
        Thread.sleep(5);
      }
    } finally {
      writer.shutdownNow();
      writer.awaitTermination(5, TimeUnit.SECONDS);
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new UpdateStream(visible, commits, sent.get(), pending.size(), polls, elapsed);
  }

  private void restoreWages(Connection c, Map<Long, Integer> original) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE posting p SET wage_max = v.wage FROM unnest(?::bigint[], ?::int[]) AS v(id,"
                + " wage) WHERE p.id = v.id")) {
      List<Long> ids = new ArrayList<>(original.keySet());
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      ps.setArray(2, c.createArrayOf("integer", ids.stream().map(original::get).toArray()));
      ps.executeUpdate();
    }
    // wait for the indexer, so that the index and the table agree again when the run ends
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (BenchWorld.count(c, "SELECT count(*) FROM search_outbox WHERE done_at IS NULL") > 0
        && System.nanoTime() < deadline) {
      sleep(100);
    }
  }

  private void rebuildSection(SearchIndex.RebuildReport rebuild) {
    // the rebuilding thread reads the rows; the index-build threads make and add the documents
    Profile.Breakdown main =
        Profile.breakdown(rebuildSamples, List.of("main", "index-build"), null, REBUILD_STAGES);
    int merges = Profile.breakdown(rebuildSamples, "Lucene Merge Thread", null, List.of()).total();
    report.section("Where the rebuild spends its time");
    report.line(
        String.format(
            Locale.ROOT,
            "`SearchIndex.rebuild()`: %,d ms for %,d + %,d documents. CPU meanwhile: this JVM and"
                + " PostgreSQL %s cores, other processes %s cores (of %d). JFR samples every 20 ms"
                + " of the rebuilding thread (it reads the rows) and the document-building threads,"
                + " Java and native code (so waiting on PostgreSQL's socket counts); merge threads"
                + " took %,d samples beside these threads' %,d.",
            rebuild.millis(),
            rebuild.postings(),
            rebuild.jobseekers(),
            CpuMeter.cores(rebuildCpu[0]),
            CpuMeter.cores(rebuildCpu[1]),
            Runtime.getRuntime().availableProcessors(),
            merges,
            main.total()));
    report.line("");
    report.table(List.of("rebuild stage", "share", "samples"), main.rows());
  }

  // ---------------------------------------------------------------- facts

  private void describeData(
      Connection c,
      SearchIndex index,
      SearchIndex.RebuildReport rebuild,
      long generationMillis,
      long pgSetupMillis)
      throws SQLException, IOException {
    long units = BenchWorld.count(c, "SELECT count(*) FROM partner_unit");
    long postings = BenchWorld.count(c, "SELECT count(*) FROM posting");
    long open = BenchWorld.count(c, "SELECT count(*) FROM posting WHERE status = 'OPEN'");
    long jobseekers = BenchWorld.count(c, "SELECT count(*) FROM jobseeker");
    Map<String, Integer> counts = index.counts();
    Path generation =
        index
            .folder()
            .resolve(
                Files.readString(index.folder().resolve("CURRENT"), StandardCharsets.UTF_8).trim());
    dataFacts.add(
        String.format(
            Locale.ROOT,
            "Demo generator (`DemoCommand`, seed %d): %,d partner units, %,d postings (%,d open,"
                + " %,d in the posting index), %,d jobseekers (%,d in the jobseeker index).%s",
            SEED,
            units,
            postings,
            open,
            counts.get("postings"),
            jobseekers,
            counts.get("jobseekers"),
            generationMillis < 0
                ? " Data reused from an earlier run."
                : String.format(
                    Locale.ROOT, " Generated in this run in %.0f s.", generationMillis / 1000.0)));
    dataFacts.add(
        String.format(
            Locale.ROOT,
            "Lucene index on disk: postings %s, jobseekers %s. PostgreSQL: posting table %s,"
                + " jobseeker table %s, of which the benchmark's own indexes (bench_*) %s%s.",
            Machine.size(folderBytes(generation.resolve("postings"))),
            Machine.size(folderBytes(generation.resolve("jobseekers"))),
            Machine.size(BenchWorld.count(c, "SELECT pg_total_relation_size('posting')")),
            Machine.size(BenchWorld.count(c, "SELECT pg_total_relation_size('jobseeker')")),
            Machine.size(
                BenchWorld.count(
                    c,
                    "SELECT coalesce(sum(pg_relation_size(indexrelid)), 0) FROM pg_stat_user_indexes"
                        + " WHERE indexrelname LIKE 'bench\\_%'")),
            pgSetupMillis > 1000
                ? String.format(
                    Locale.ROOT, ", built in this run in %.0f s", pgSetupMillis / 1000.0)
                : ""));
    report.target(
        5,
        "full rebuild of both indexes from PostgreSQL",
        "≤ 10 min",
        String.format(
            Locale.ROOT,
            "%d min %02d s (%,d postings + %,d jobseekers)",
            rebuild.millis() / 60_000,
            rebuild.millis() / 1000 % 60,
            rebuild.postings(),
            rebuild.jobseekers()),
        rebuild.millis() <= 600_000);
    dataFacts.add(
        String.format(
            Locale.ROOT,
            "Rebuild: `SearchIndex.rebuild()` took %,d ms for %,d postings and %,d jobseekers"
                + " (%.0f documents/s), no searches running.",
            rebuild.millis(),
            rebuild.postings(),
            rebuild.jobseekers(),
            (rebuild.postings() + rebuild.jobseekers()) / (rebuild.millis() / 1000.0)));
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version(), current_setting('shared_buffers'),"
                    + " current_setting('work_mem'),"
                    + " current_setting('max_parallel_workers_per_gather'),"
                    + " current_setting('jit'), (SELECT datctype FROM pg_database WHERE datname = current_database())")) {
      rs.next();
      postgres =
          String.format(
              "%s; shared_buffers %s, work_mem %s, max_parallel_workers_per_gather %s, jit %s,"
                  + " lc_ctype %s (zonky defaults, fsync off)",
              rs.getString(1).replaceAll(" on .*", ""),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6));
    }
  }

  private String postgres = "";

  private String preamble(long totalSeconds) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Run %s; the whole run took %d min %02d s. Rerun with `%s` (reuses the data in"
                + " `target/bench`; add `-Dbench.fresh=true` to regenerate it). Source:"
                + " `src/test/java/hongniang/bench/SearchBenchmark.java`.%n%n",
            ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx")),
            totalSeconds / 60,
            totalSeconds % 60,
            COMMAND));
    out.append("Machine and software:\n\n");
    out.append(Machine.describe());
    out.append("- Lucene ").append(SearchProbe.luceneVersion()).append('\n');
    out.append("- PostgreSQL: ").append(postgres).append('\n');
    out.append("\nData:\n\n");
    for (String fact : dataFacts) {
      out.append("- ").append(fact).append('\n');
    }
    if (!notes.isEmpty()) {
      out.append("\nNotes:\n\n");
      notes.forEach(n -> out.append("- ").append(n).append('\n'));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%nQuery sets: %d posting and %d jobseeker searches drawn once from a seeded random"
                + " (text among %s; jobseekers %s), cycled; Lucene warmed up until steady (rounds"
                + " of %,d queries until two rounds in a row bring the median no more than %.0f%%"
                + " below the best round before; at least %d, at most %d rounds), then %,d timed"
                + " queries per set; PostgreSQL one warm-up pass, then at least one full pass and"
                + " up to %d s.%n",
            QUERY_SET_SIZE,
            QUERY_SET_SIZE,
            texts(Workload.POSTING_TEXTS),
            texts(Workload.JOBSEEKER_TEXTS),
            settings.warmup(),
            Warmup.GAIN * 100,
            Warmup.MIN_ROUNDS,
            Warmup.MAX_ROUNDS,
            settings.queries(),
            settings.pgSeconds()));
    if (!warmups.isEmpty()) {
      out.append('\n');
    }
    warmups.forEach(
        (set, w) ->
            out.append("- Warm-up, ").append(set).append(": ").append(w.describe()).append(".\n"));
    return out.toString();
  }

  // ---------------------------------------------------------------- helpers

  private static String texts(List<String> texts) {
    return texts.stream().map(t -> t.isEmpty() ? "(none)" : t).collect(Collectors.joining(", "));
  }

  private static List<Long> longs(Connection c, String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
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

  private static long folderBytes(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void log(String message) {
    BenchWorld.log(message);
  }
}
