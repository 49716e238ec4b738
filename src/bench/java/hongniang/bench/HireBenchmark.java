package hongniang.bench;

import hongniang.common.ApiProblem;
import hongniang.placements.PlacementRequest;
import hongniang.placements.PlacementService;
import hongniang.placements.PlacementType;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The hire benchmark of issue 15: {@code bench.hireThreads} threads (50) hiring residents into one
 * posting at once, each hire a whole {@link PlacementService#record} call as the API makes it
 * (checks, the placement and its follow-ups, the resident EMPLOYED and audited, the place taken by
 * one conditional UPDATE, the commit), on the data set the other benchmarks use. Two runs: 1,000
 * hires for 1,000 places (every hire wins a place: the contention is on the posting's row), and 400
 * hires for 100 places (the places run out: 300 must get 409 {@code NoPlaceLeft}); each must end
 * with the exact count. Run with {@code ./mvnw -B -ntp -Pbench test
 * -Dbench.main=hongniang.bench.HireBenchmark}.
 *
 * <p>The benchmark writes into the data set and undoes it at its end (and at its start, should an
 * earlier run have stopped half-way): its postings carry the title {@link #TITLE}; the residents it
 * placed go back to SEEKING, its placements, follow-ups and audit rows are deleted.
 */
public final class HireBenchmark {

  static final String COMMAND =
      "./mvnw -B -ntp -Pbench test -Dbench.main=hongniang.bench.HireBenchmark";
  static final String HEADING = "Hires under contention (issue 15)";

  /** The title of the benchmark's own postings. */
  static final String TITLE = "基准测试：同一岗位并发录用";

  /** Who the benchmark's hires are recorded as (an admin). */
  static final String ACTOR = "bench-hires";

  private static final Caller CALLER = new Caller(ACTOR, Role.ADMIN, null, null, null);
  private static final long SEED = 3;
  private static final double P99_GOAL_MS = 50;

  /** Settings, by the property names the Maven profile passes on. */
  record Settings(
      BenchWorld.Setup world,
      Path docs,
      int threads,
      int places,
      int scarcePlaces,
      int scarceHires,
      int single,
      int warmup) {

    static Settings from(BenchProperties p) {
      return new Settings(
          BenchWorld.Setup.from(p, SEED),
          p.path("bench.docs", "docs/benchmarks.md"),
          p.integer("bench.hireThreads", 50),
          p.integer("bench.hirePlaces", 1_000),
          p.integer("bench.hireScarce", 100),
          p.integer("bench.hireScarceHires", 400),
          p.integer("bench.hireSingle", 200),
          p.integer("bench.hireWarmup", 500));
    }

    int residents() {
      return warmup + single + places + scarceHires;
    }
  }

  /** One run on one posting: each hire's time, placed or refused, and the posting afterwards. */
  record Run(
      String name,
      int threads,
      int places,
      int hires,
      Latencies placed,
      Latencies refused,
      Latencies all,
      List<String> failures,
      long wallNanos,
      double ownCores,
      double otherCores,
      int filledCount,
      String status,
      long placements) {

    /**
     * Every place taken exactly once: as many placed as there were places (or hires), the rest
     * refused, the posting's count and its placements equal to those placed, FILLED when full.
     */
    boolean exact() {
      int winners = Math.min(places, hires);
      return failures.isEmpty()
          && placed.count() == winners
          && refused.count() == hires - winners
          && filledCount == winners
          && placements == winners
          && (winners < places || "FILLED".equals(status));
    }

    String outcome() {
      return String.format(
          Locale.ROOT,
          "%,d placed, %,d refused (409 NoPlaceLeft), filledCount %,d of %,d, %s%s",
          placed.count(),
          refused.count(),
          filledCount,
          places,
          status,
          failures.isEmpty() ? "" : "; " + failures.size() + " failed: " + failures.get(0));
    }
  }

  private HireBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(Settings.from(BenchProperties.system())));
  }

  /**
   * Runs the benchmark and writes its section; returns the exit code, 1 when the data set could not
   * be restored.
   */
  static int run(Settings settings) throws Exception {
    long started = System.nanoTime();
    Report report = new Report(HEADING);
    List<String> facts = new ArrayList<>();
    boolean restored;
    try (BenchWorld world = BenchWorld.open(settings.world(), settings.world().fresh())) {
      world.ensureData();
      try (ApplicationContext ctx = world.context("bench");
          Connection c = world.connect()) {
        undo(c);
        PlacementService service = ctx.getBean(PlacementService.class);
        LocalDate today = LocalDate.now(ctx.getBean(Clock.class));
        long unit = BenchWorld.column(c, "SELECT min(id) FROM partner_unit", Long.class).get(0);
        List<Long> residents =
            BenchWorld.column(
                c,
                "SELECT id FROM jobseeker j WHERE status = 'SEEKING' AND NOT EXISTS (SELECT 1"
                    + " FROM placement p WHERE p.jobseeker_id = j.id AND p.ended_on IS NULL"
                    + " AND p.cancelled_at IS NULL) ORDER BY md5(id::text) LIMIT ?",
                Long.class,
                settings.residents());
        if (residents.size() < settings.residents()) {
          throw new IllegalStateException(
              "the data set has "
                  + residents.size()
                  + " seeking residents; the benchmark needs "
                  + settings.residents());
        }
        facts.add(
            String.format(
                Locale.ROOT,
                "The service's connection pool: %s connections (datasources.default"
                    + ".maximum-pool-size); the search indexer ran as in the service.",
                ctx.getProperty("datasources.default.maximum-pool-size", String.class)
                    .orElse("?")));
        long settled = CpuMeter.settle(0.15, Duration.ofSeconds(180));
        facts.add(
            "Timing began once this JVM and PostgreSQL used under 0.15 cores (waited "
                + settled
                + " s).");
        Hires hires = new Hires(service, c, unit, today);
        int at = 0;
        log("Warm-up: " + settings.warmup() + " hires, " + settings.threads() + " threads");
        Run warmup =
            hires.run(
                "warm-up",
                settings.threads(),
                settings.warmup(),
                residents.subList(at, at += settings.warmup()));
        facts.add(
            String.format(
                Locale.ROOT,
                "Warm-up, not counted: %,d hires for %,d places on %d threads, p50 %s ms; %s.",
                warmup.hires(),
                warmup.places(),
                warmup.threads(),
                Latencies.ms(warmup.all().p50()),
                warmup.exact() ? "every place taken once" : "NOT EXACT: " + warmup.outcome()));
        log("One thread: " + settings.single() + " hires");
        Run single =
            hires.run(
                "one thread, no contention",
                1,
                settings.single(),
                residents.subList(at, at += settings.single()));
        log("Contention: " + settings.places() + " hires for as many places");
        Run plenty =
            hires.run(
                settings.threads() + " threads, a place for every hire",
                settings.threads(),
                settings.places(),
                residents.subList(at, at += settings.places()));
        log(
            "Places running out: "
                + settings.scarceHires()
                + " hires for "
                + settings.scarcePlaces()
                + " places");
        Run scarce =
            hires.run(
                settings.threads() + " threads, places run out",
                settings.threads(),
                settings.scarcePlaces(),
                residents.subList(at, at + settings.scarceHires()));
        sections(report, single, plenty, scarce);
        undo(c);
        restored = nothingLeft(c);
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    String section = report.markdown(preamble(settings, facts, seconds));
    System.out.println(section);
    report.writeInto(settings.docs(), section);
    Files.writeString(
        settings.world().dir().resolve("hire-benchmark.md"), section, StandardCharsets.UTF_8);
    log("Written to " + settings.docs());
    if (!restored) {
      log("The data set still holds some of the benchmark's rows: see the log above");
      return 1;
    }
    return 0;
  }

  private static void sections(Report report, Run single, Run plenty, Run scarce) {
    report.target(
        1,
        String.format(
            Locale.ROOT,
            "a hire under contention: %d threads on one posting, %,d places",
            plenty.threads(),
            plenty.places()),
        "p99 ≤ " + (int) P99_GOAL_MS + " ms",
        String.format(
            Locale.ROOT,
            "p99 %s ms (p50 %s, p95 %s)",
            Latencies.ms(plenty.all().p99()),
            Latencies.ms(plenty.all().p50()),
            Latencies.ms(plenty.all().percentileMillis(95))),
        plenty.all().p99() <= P99_GOAL_MS);
    report.target(
        2,
        String.format(Locale.ROOT, "the exact final count, %,d hires", plenty.hires()),
        "every place taken once, the posting FILLED",
        plenty.outcome(),
        plenty.exact());
    report.target(
        3,
        String.format(
            Locale.ROOT,
            "places running out: %,d hires on %d threads for %,d places",
            scarce.hires(),
            scarce.threads(),
            scarce.places()),
        "exactly the places succeed, the rest 409",
        scarce.outcome(),
        scarce.exact());
    report.section("Latency (in process, one posting per run)");
    report.line(
        "Each figure is one complete `PlacementService.record` call as `POST /api/v1/placements`"
            + " makes it, in its own transaction: the checks, the resident and the posting read,"
            + " the placement and its three follow-ups inserted, the resident set EMPLOYED and"
            + " audited, the place taken by one conditional UPDATE (last, so the posting's row"
            + " lock is held only until the commit), the commit. Each thread takes the next"
            + " resident as soon as its hire returns (a closed loop). Before its transaction a"
            + " hire waits for its turn among the posting's hires (`HireQueue`: first come, first"
            + " served, `hongniang.placements.hires-per-posting` = 2 at a time), and the time"
            + " includes that wait. CPU a hire: this JVM's and PostgreSQL's CPU time over the run"
            + " (the search indexer's included) divided by the hires. A refused hire is a 409"
            + " `NoPlaceLeft`: one that comes after the last place went is refused at its first"
            + " look at the posting, before it writes; one that raced the last hire is refused by"
            + " the UPDATE and rolls back.\n");
    List<List<String>> rows = new ArrayList<>();
    for (Run r : List.of(single, plenty, scarce)) {
      rows.add(
          List.of(
              r.name(),
              String.format(Locale.ROOT, "%,d", r.hires()),
              String.format(Locale.ROOT, "%,d", r.placed().count()),
              String.format(Locale.ROOT, "%,d", r.refused().count()),
              Latencies.ms(r.all().p50()),
              Latencies.ms(r.all().percentileMillis(95)),
              Latencies.ms(r.all().p99()),
              Latencies.ms(r.all().maxMillis()),
              Latencies.ms(r.placed().p99()),
              Latencies.ms(r.refused().p99()),
              String.format(Locale.ROOT, "%,.0f", r.hires() / (r.wallNanos() / 1e9)),
              String.format(Locale.ROOT, "%.2f", r.ownCores() * (r.wallNanos() / 1e6) / r.hires()),
              CpuMeter.cores(r.otherCores())));
    }
    report.table(
        List.of(
            "run",
            "hires",
            "placed",
            "refused",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "p99 placed ms",
            "p99 refused ms",
            "hires/s",
            "CPU ms a hire (this JVM and PostgreSQL)",
            "other processes' CPU (cores)"),
        rows);
  }

  /** Hires on the benchmark's own postings of one unit. */
  private static final class Hires {

    private final PlacementService service;
    private final Connection c;
    private final long unit;
    private final LocalDate today;

    Hires(PlacementService service, Connection c, long unit, LocalDate today) {
      this.service = service;
      this.c = c;
      this.unit = unit;
      this.today = today;
    }

    /** The residents hired by {@code threads} threads at once into a new posting of the places. */
    Run run(String name, int threads, int places, List<Long> residents) throws Exception {
      long posting = posting(places);
      Queue<Long> queue = new ConcurrentLinkedQueue<>(residents);
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<long[][]>> workers = new ArrayList<>();
      try {
        for (int t = 0; t < threads; t++) {
          workers.add(pool.submit(() -> hire(queue, posting, go, failures)));
        }
        CpuMeter cpu = new CpuMeter();
        long start = System.nanoTime();
        go.countDown();
        Latencies placed = new Latencies();
        Latencies refused = new Latencies();
        Latencies all = new Latencies();
        for (Future<long[][]> w : workers) {
          long[][] times = w.get();
          for (long nanos : times[0]) {
            placed.add(nanos);
            all.add(nanos);
          }
          for (long nanos : times[1]) {
            refused.add(nanos);
            all.add(nanos);
          }
        }
        long wall = System.nanoTime() - start;
        double own = cpu.ownCores();
        double other = cpu.otherCores();
        Object[] after =
            row(
                "SELECT filled_count, status, (SELECT count(*) FROM placement WHERE posting_id = ?)"
                    + " FROM posting WHERE id = ?",
                posting,
                posting);
        return new Run(
            name,
            threads,
            places,
            residents.size(),
            placed,
            refused,
            all,
            List.copyOf(failures),
            wall,
            own,
            other,
            ((Number) after[0]).intValue(),
            (String) after[1],
            ((Number) after[2]).longValue());
      } finally {
        pool.shutdownNow();
      }
    }

    /** One thread's hires until the queue is empty: the times of those placed and refused. */
    private long[][] hire(Queue<Long> queue, long posting, CountDownLatch go, List<String> failures)
        throws InterruptedException {
      List<Long> placed = new ArrayList<>();
      List<Long> refused = new ArrayList<>();
      go.await();
      for (Long resident = queue.poll(); resident != null; resident = queue.poll()) {
        PlacementRequest request =
            new PlacementRequest(
                resident, PlacementType.FORMAL, today, 3500, 12, posting, null, null, null);
        long start = System.nanoTime();
        try {
          service.record(CALLER, request);
          placed.add(System.nanoTime() - start);
        } catch (ApiProblem p) {
          long nanos = System.nanoTime() - start;
          String rule = p.errors().isEmpty() ? "" : p.errors().get(0).rule();
          if (p.status() == 409 && rule.equals("NoPlaceLeft")) {
            refused.add(nanos);
          } else {
            failures.add(p.status() + " " + rule + ": " + p.getMessage());
          }
        } catch (RuntimeException e) {
          failures.add(e.toString());
        }
      }
      return new long[][] {
        placed.stream().mapToLong(Long::longValue).toArray(),
        refused.stream().mapToLong(Long::longValue).toArray()
      };
    }

    /** A new open posting of the unit with the places, in the first community, valid a month. */
    private long posting(int places) throws SQLException {
      return ((Number)
              row(
                  "INSERT INTO posting (partner_unit_id, title, occupation, headcount, wage_min,"
                      + " wage_max, schedule, work_community_id, city, valid_through, status)"
                      + " VALUES (?, ?, '仓库理货员', ?, 3000, 4000, 'FULL_TIME',"
                      + " (SELECT min(id) FROM community), '三明市', current_date + 30, 'OPEN')"
                      + " RETURNING id",
                  unit,
                  TITLE,
                  places)[0])
          .longValue();
    }

    private Object[] row(String sql, Object... params) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < params.length; i++) {
          ps.setObject(i + 1, params[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          Object[] out = new Object[rs.getMetaData().getColumnCount()];
          for (int i = 0; i < out.length; i++) {
            out[i] = rs.getObject(i + 1);
          }
          return out;
        }
      }
    }
  }

  /**
   * Undoes what the benchmark wrote: the residents its postings employed are SEEKING again (they
   * were chosen seeking), its placements, follow-ups, audit rows and postings are deleted.
   */
  static void undo(Connection c) throws SQLException {
    String ofItsPostings =
        " IN (SELECT pl.%s FROM placement pl JOIN posting p ON p.id = pl.posting_id"
            + " WHERE p.title = ?)";
    execute(
        c,
        "UPDATE jobseeker SET status = 'SEEKING', version = version + 1, updated_at = now()"
            + " WHERE id"
            + String.format(ofItsPostings, "jobseeker_id"),
        TITLE);
    execute(
        c, "DELETE FROM follow_up WHERE placement_id" + String.format(ofItsPostings, "id"), TITLE);
    execute(
        c,
        "DELETE FROM placement WHERE posting_id IN (SELECT id FROM posting WHERE title = ?)",
        TITLE);
    execute(c, "DELETE FROM audit_log WHERE actor = ?", ACTOR);
    execute(c, "DELETE FROM posting WHERE title = ?", TITLE);
  }

  /** True when none of the benchmark's rows is left. */
  private static boolean nothingLeft(Connection c) throws SQLException {
    long left =
        BenchWorld.count(
            c,
            "SELECT (SELECT count(*) FROM posting WHERE title = '"
                + TITLE
                + "') + (SELECT count(*) FROM audit_log WHERE actor = '"
                + ACTOR
                + "')");
    if (left > 0) {
      log(left + " of the benchmark's rows are left in the data set");
    }
    return left == 0;
  }

  private static void execute(Connection c, String sql, String param) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, param);
      ps.executeUpdate();
    }
  }

  private static String preamble(Settings settings, List<String> facts, long seconds) {
    BenchWorld.Size size = settings.world().size();
    List<String> all = new ArrayList<>();
    BenchWorld.Setup standard = BenchWorld.Setup.from(BenchProperties.of(Map.of()), SEED);
    if (!standard.size().equals(size) || !standard.dir().equals(settings.world().dir())) {
      all.add(
          String.format(
              Locale.ROOT,
              "This run's data set: `%s -Dbench.dir=%s -Dbench.partners=%d -Dbench.postings=%d"
                  + " -Dbench.jobseekers=%d`.",
              COMMAND,
              Path.of("").toAbsolutePath().relativize(settings.world().dir()),
              size.partners(),
              size.postings(),
              size.jobseekers()));
    }
    all.addAll(facts);
    return Report.preamble(
        seconds,
        COMMAND,
        "uses the data in `target/bench` that the search benchmark generates, or generates it;"
            + " it writes hires into it and undoes them at its end",
        "src/bench/java/hongniang/bench/HireBenchmark.java",
        String.format(
            Locale.ROOT,
            "Data: the demo generator's set (seed %d) in `%s`: %,d partner units, %,d postings,"
                + " %,d residents. Each run hires distinct seeking residents (chosen by a hash of"
                + " their id) into a new open posting of one unit.",
            size.seed(),
            settings.world().dir().getFileName(),
            size.partners(),
            size.postings(),
            size.jobseekers()),
        all);
  }

  private static void log(String message) {
    BenchWorld.log(message);
  }
}
