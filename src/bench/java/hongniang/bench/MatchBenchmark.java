package hongniang.bench;

import hongniang.documents.MatchRecords;
import hongniang.matches.BoardService;
import hongniang.matches.MatchService;
import hongniang.matches.MatchesProbe;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The matching benchmark of issue 4: matches both ways on 100,000 postings and 1,000,000 residents,
 * the match board on 10,000 residents × 1,000 postings, and the same rankings by brute force (every
 * posting or every resident scored) for recall@10 and the ratio of times. Run with {@code ./mvnw -B
 * -ntp -Pbench test -Dbench.main=hongniang.bench.MatchBenchmark}.
 *
 * <p>The command runs the parts in order and writes the report: {@link MatchLatency} (matches and
 * where they spend their time), {@link BruteForce} and {@link MatchBoard}.
 */
public final class MatchBenchmark {

  static final String COMMAND =
      "./mvnw -B -ntp -Pbench test -Dbench.main=hongniang.bench.MatchBenchmark";
  static final String HEADING = "Matching (issue 4)";
  private static final long SEED = 3;

  /** Settings, by the property names the Maven profile passes on. */
  record Settings(
      BenchWorld.Setup world,
      Path docs,
      int matchQueries,
      int bruteResidents,
      int brutePostings,
      boolean quick) {

    static Settings from(BenchProperties p) {
      BenchWorld.Setup world = BenchWorld.Setup.from(p, SEED);
      boolean quick = p.flag("bench.quick", false);
      return new Settings(
          world,
          // a quick run (matches and their profile only) never overwrites the published figures
          quick
              ? world.dir().resolve("match-quick.md")
              : p.path("bench.docs", "docs/benchmarks.md"),
          p.integer("bench.matchQueries", 2_000),
          p.integer("bench.bruteResidents", 200),
          p.integer("bench.brutePostings", 50),
          quick);
    }
  }

  private final Settings settings;
  private final Report report = new Report(HEADING);
  private final List<String> facts = new ArrayList<>();

  private MatchBenchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(Settings.from(BenchProperties.system())));
  }

  /** Runs the benchmark (quick or full, as the settings say); returns the exit code. */
  static int run(Settings settings) throws Exception {
    return new MatchBenchmark(settings).run();
  }

  private int run() throws Exception {
    long started = System.nanoTime();
    BenchWorld.Size size = settings.world().size();
    try (BenchWorld world = BenchWorld.open(settings.world(), settings.world().fresh())) {
      world.ensureData();
      long opening = System.nanoTime();
      try (ApplicationContext ctx = world.context("bench");
          Connection c = world.connect()) {
        facts.add(
            String.format(
                Locale.ROOT,
                "Service context with the index opened (rebuilt when its schema changed) in %,d"
                    + " ms.",
                (System.nanoTime() - opening) / 1_000_000));
        LocalDate today = LocalDate.now(ctx.getBean(Clock.class));
        MatchRecords records = ctx.getBean(MatchRecords.class);
        List<Long> jobseekers =
            BenchWorld.column(
                c,
                "SELECT id FROM jobseeker WHERE status = 'SEEKING' ORDER BY md5(id::text) LIMIT ?",
                Long.class,
                settings.matchQueries());
        List<Long> postings =
            BenchWorld.column(
                c,
                "SELECT id FROM posting WHERE status = 'OPEN' AND filled_count < headcount"
                    + " AND valid_through >= current_date ORDER BY md5(id::text) LIMIT ?",
                Long.class,
                settings.matchQueries() / 2);
        // after opening the index the service decodes the matching columns in the background
        long settled = CpuMeter.settle(0.15, Duration.ofSeconds(180));
        facts.add(
            "Timing began once this JVM and PostgreSQL used under 0.15 cores (waited "
                + settled
                + " s for the service's background decoding of the matching columns).");
        MatchLatency latency =
            new MatchLatency(ctx.getBean(MatchService.class), jobseekers, postings);
        latency.run();
        latency.profile(report);
        if (settings.quick()) {
          latency.quickSection(report);
          return finish(started);
        }
        BruteForce brute = new BruteForce(records, MatchesProbe.scorer(ctx), today, facts);
        log("Brute force: every open posting for " + settings.bruteResidents() + " residents");
        BruteForce.Result jobseekerBrute =
            brute.postingsForJobseekers(
                jobseekers, latency.forJobseeker().tops(), settings.bruteResidents());
        log("Brute force: every resident for " + settings.brutePostings() + " postings");
        BruteForce.Result postingBrute =
            brute.jobseekersForPostings(
                postings, latency.forPosting().tops(), settings.brutePostings());
        log("Match board: 10,000 residents x 1,000 postings");
        MatchBoard.section(report, ctx.getBean(BoardService.class), records, c, SEED);
        latency.section(report, jobseekerBrute, postingBrute, size.postings(), size.jobseekers());
      }
    }
    return finish(started);
  }

  private int finish(long started) throws IOException {
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    String section = report.markdown(preamble(seconds));
    System.out.println(section);
    if (settings.quick()) {
      Files.writeString(settings.docs(), section, StandardCharsets.UTF_8);
    } else {
      report.writeInto(settings.docs(), section);
      Files.writeString(
          settings.world().dir().resolve("match-benchmark.md"), section, StandardCharsets.UTF_8);
    }
    log("Written to " + settings.docs());
    return 0;
  }

  private String preamble(long seconds) {
    BenchWorld.Size size = settings.world().size();
    return Report.preamble(
        seconds,
        COMMAND,
        "reuses the data in `target/bench` that the search benchmark generates, or generates it",
        "src/bench/java/hongniang/bench/MatchBenchmark.java",
        String.format(
            Locale.ROOT,
            "Data: the search benchmark's set (demo generator, seed %d): %,d partner units, %,d"
                + " postings, %,d residents. Weights: the defaults.",
            size.seed(),
            size.partners(),
            size.postings(),
            size.jobseekers()),
        facts);
  }

  private static void log(String message) {
    BenchWorld.log(message);
  }
}
