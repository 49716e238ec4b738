package hongniang.bench;

import hongniang.demo.DemoCommand;
import hongniang.occupations.Occupations;
import hongniang.search.analysis.Analysis;
import hongniang.search.index.SearchIndex;
import hongniang.search.query.JobseekerQuery;
import hongniang.search.query.PostingQuery;
import hongniang.search.query.SearchProbe;
import hongniang.search.query.Searches;
import hongniang.search.suggest.Suggester;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The search benchmark of issue 3: generated data in an embedded PostgreSQL under {@code
 * target/bench}, the service's own beans in process, and every figure the issue asks for, printed
 * and written to {@code docs/benchmarks.md}. Run it with {@value #COMMAND}; not part of the tests.
 *
 * <p>The command runs the parts in order and writes the report: {@link Rebuild} (rebuild time and
 * its profile), {@link QueryLatency} (Lucene and {@link PostgresBaseline} latencies, and their
 * agreement), {@link QueryProfile} (where a search spends its time), {@link Recall}, and {@link
 * ChangeVisibility} (a change visible in search under a stream of updates).
 */
public final class SearchBenchmark {

  static final String COMMAND = "./mvnw -B -ntp -Pbench test";
  static final String HEADING = "Search (issue 3)";

  private static final long SEED = 3;
  private static final int QUERY_SET_SIZE = 120;

  /** Settings, by the property names the Maven profile passes on. */
  record Settings(
      BenchWorld.Setup world,
      int warmup,
      int queries,
      int pgSeconds,
      int updatesPerSecond,
      int updateSeconds,
      int updateWarmupSeconds,
      int profileQueries,
      Path docs,
      boolean quick,
      boolean quickLatencies,
      boolean quickFreshness) {

    static Settings from(BenchProperties p) {
      return new Settings(
          BenchWorld.Setup.from(p, SEED),
          p.integer("bench.warmup", 1_000),
          p.integer("bench.queries", 5_000),
          p.integer("bench.pgSeconds", 60),
          p.integer("bench.updatesPerSecond", 50),
          p.integer("bench.updateSeconds", 30),
          p.integer("bench.updateWarmupSeconds", 10),
          p.integer("bench.profileQueries", 2_000),
          p.path("bench.docs", "docs/benchmarks.md"),
          p.flag("bench.quick", false),
          p.flag("bench.quickLatencies", true),
          p.flag("bench.quickFreshness", false));
    }

    Path dir() {
      return world.dir();
    }
  }

  private final Settings settings;
  private final Report report = new Report(HEADING);
  private final List<String> dataFacts = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final QueryLatency latency;
  private BenchWorld world;
  private LocalDate today;
  private String postgres = "";

  private SearchBenchmark(Settings settings) {
    this.settings = settings;
    this.latency = new QueryLatency(settings.warmup(), settings.queries(), settings.pgSeconds());
  }

  public static void main(String[] args) throws Exception {
    int code = run(Settings.from(BenchProperties.system()));
    // the embedded server and Micronaut's threads are closed; exit in case a daemon lingers
    System.exit(code);
  }

  /** Runs the benchmark (quick or full, as the settings say); returns the exit code. */
  static int run(Settings settings) throws Exception {
    SearchBenchmark benchmark = new SearchBenchmark(settings);
    return settings.quick() ? benchmark.quick() : benchmark.full();
  }

  private int full() throws Exception {
    long started = System.nanoTime();
    try (BenchWorld w = BenchWorld.open(settings.world(), settings.world().fresh())) {
      world = w;
      long generationMillis = w.ensureData();
      Rebuild rebuild;
      try (ApplicationContext cli = w.context(DemoCommand.ENVIRONMENT)) {
        today = LocalDate.now(cli.getBean(Clock.class));
        rebuild = Rebuild.run(cli.getBean(SearchIndex.class));
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

  /**
   * {@code -Dbench.quick=true}: a developer's loop, not a result. Opens (or builds) the index as
   * the service would and runs only the Lucene latencies and their profile; prints them and writes
   * nothing under docs/.
   */
  private int quick() throws Exception {
    try (BenchWorld w = BenchWorld.open(settings.world(), false)) {
      world = w;
      w.ensureData();
      try (ApplicationContext ctx = w.context("bench");
          Connection c = connect()) {
        today = LocalDate.now(ctx.getBean(Clock.class));
        Searches searches = ctx.getBean(Searches.class);
        List<Long> communities =
            BenchWorld.column(c, "SELECT id FROM community ORDER BY id", Long.class);
        List<String> groups = new ArrayList<>(Occupations.load().groups());
        List<PostingQuery> pq = Workload.postings(SEED, QUERY_SET_SIZE, communities, groups);
        List<JobseekerQuery> jq = Workload.jobseekers(SEED + 1, QUERY_SET_SIZE, communities);
        if (!settings.quickLatencies()) {
          changeVisibility(c, ctx);
          return writeQuick();
        }
        QueryLatency.Run p =
            latency.lucene("postings", pq, q -> searches.postings(q).total(), PostingQuery::q);
        QueryLatency.Run j =
            latency.lucene(
                "jobseekers", jq, q -> searches.jobseekers(q).total(), JobseekerQuery::q);
        report.section("Quick run (developer loop; not a result)");
        for (Map.Entry<String, QueryLatency.Run> e :
            Map.of("postings", p, "jobseekers", j).entrySet()) {
          report.line(
              String.format(
                  Locale.ROOT,
                  "- %s: p50 %s ms, p90 %s ms, p99 %s ms%s",
                  e.getKey(),
                  Latencies.ms(e.getValue().all().p50()),
                  Latencies.ms(e.getValue().all().p90()),
                  Latencies.ms(e.getValue().all().p99()),
                  QueryLatency.byKind(e.getValue())));
        }
        List<PostingQuery> slowPostings =
            QueryProfile.slowest(report, "postings", pq, q -> searches.postings(q).total());
        List<JobseekerQuery> slowJobseekers =
            QueryProfile.slowest(report, "jobseekers", jq, q -> searches.jobseekers(q).total());
        QueryProfile.hot(report, "postings", pq, 2_000, searches::postings);
        QueryProfile.hot(report, "jobseekers", jq, 2_000, searches::jobseekers);
        for (int i = 0; i < 3; i++) {
          QueryProfile.hot(
              report,
              "slow posting query " + i,
              List.of(slowPostings.get(i)),
              300,
              searches::postings);
          QueryProfile.hot(
              report,
              "slow jobseeker query " + i,
              List.of(slowJobseekers.get(i)),
              300,
              searches::jobseekers);
        }
        QueryProfile.section(
            report, settings.profileQueries(), pq, jq, searches::postings, searches::jobseekers);
        if (settings.quickFreshness()) {
          changeVisibility(c, ctx);
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

  private Connection connect() throws SQLException {
    return world.connect();
  }

  // ---------------------------------------------------------------- measurements

  private void measure(
      ApplicationContext ctx, Rebuild rebuild, long generationMillis, long pgSetupMillis)
      throws Exception {
    Searches searches = ctx.getBean(Searches.class);
    SearchIndex index = ctx.getBean(SearchIndex.class);
    Occupations occupations = Occupations.load();

    try (Connection c = connect()) {
      describeData(c, index, rebuild, generationMillis, pgSetupMillis);
      rebuild.section(report);
      List<Long> communities =
          BenchWorld.column(c, "SELECT id FROM community ORDER BY id", Long.class);
      Map<String, List<String>> occupationsByGroup = new TreeMap<>();
      for (String occupation :
          BenchWorld.column(
              c, "SELECT DISTINCT occupation FROM posting ORDER BY occupation", String.class)) {
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
      long settledSeconds = CpuMeter.settle(0.15, Duration.ofSeconds(180));
      log("Settled after " + settledSeconds + " s; Lucene: posting searches");
      QueryLatency.Run lucenePostings =
          latency.lucene(
              "postings", postingQueries, q -> searches.postings(q).total(), PostingQuery::q);
      log("Lucene: jobseeker searches");
      QueryLatency.Run luceneJobseekers =
          latency.lucene(
              "jobseekers",
              jobseekerQueries,
              q -> searches.jobseekers(q).total(),
              JobseekerQuery::q);
      log("Lucene: jobseeker searches with highlighted snippets (opt-in)");
      QueryLatency.Run highlighted =
          latency.lucene(
              "jobseekers with snippets",
              Workload.highlighted(jobseekerQueries),
              q -> searches.jobseekers(q).total(),
              JobseekerQuery::q);
      log("Lucene: profiling both query sets (JFR)");
      QueryProfile.section(
          report,
          settings.profileQueries(),
          postingQueries,
          jobseekerQueries,
          searches::postings,
          searches::jobseekers);
      log("PostgreSQL: posting searches");
      QueryLatency.Run pgPostings =
          latency.postgres(postingQueries, q -> pg.postings(q).total(), PostingQuery::q);
      log("PostgreSQL: jobseeker searches");
      QueryLatency.Run pgJobseekers =
          latency.postgres(jobseekerQueries, q -> pg.jobseekers(q).total(), JobseekerQuery::q);

      QueryLatency.section(
          report, lucenePostings, luceneJobseekers, pgPostings, pgJobseekers, settledSeconds);
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
            k, searches.jobseekers(Workload.exact(jobseekerQueries.get(k))).total());
      }
      QueryLatency.agreement(
          report,
          postingQueries,
          jobseekerQueries,
          lucenePostings.totals(),
          exactJobseekers,
          pgPostings,
          pgJobseekers);

      log("Recall");
      SearchProbe probe =
          new SearchProbe(index, ctx.getBean(Analysis.class), ctx.getBean(Clock.class));
      Recall.section(report, notes, c, today, pg, probe, searches, occupations);

      log("Freshness under " + settings.updatesPerSecond() + " updates/s");
      changeVisibility(c, ctx);
    }
  }

  private void changeVisibility(Connection c, ApplicationContext ctx) throws Exception {
    new ChangeVisibility(settings, world, report, today)
        .section(c, ctx.getBean(Searches.class), ctx.getBean(Suggester.class));
  }

  // ---------------------------------------------------------------- facts

  private void describeData(
      Connection c, SearchIndex index, Rebuild rebuild, long generationMillis, long pgSetupMillis)
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
    rebuild.target(report);
    dataFacts.add(rebuild.fact());
    postgres = PostgresBaseline.describe(c);
  }

  private String preamble(long totalSeconds) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Run %s; the whole run took %d min %02d s. Rerun with `%s` (reuses the data in"
                + " `target/bench`; add `-Dbench.fresh=true` to regenerate it). Source:"
                + " `src/bench/java/hongniang/bench/SearchBenchmark.java`.%n%n",
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
    Map<String, Warmup.Result> warmups = latency.warmups();
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

  private static long folderBytes(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void log(String message) {
    BenchWorld.log(message);
  }
}
