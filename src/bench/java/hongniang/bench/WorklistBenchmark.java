package hongniang.bench;

import hongniang.demo.DemoCommand;
import hongniang.security.Caller;
import hongniang.security.Role;
import hongniang.web.Messages;
import hongniang.worklist.WorklistProbe;
import hongniang.worklist.WorklistService;
import hongniang.worklist.WorklistView;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The worklist benchmark of issue 15: a community's worklist on the 1,000,000-resident data set
 * with 200,000 referrals and placements ({@link WorklistHistory}), each figure one whole {@link
 * WorklistService#worklist} call as {@code GET /api/v1/worklist} makes it for a matchmaker of each
 * community in turn; a few through HTTP; the admin's view across communities; and where a call's
 * time goes, by section, with the slowest section's plan. Run with {@code ./mvnw -B -ntp -Pbench
 * test -Dbench.main=hongniang.bench.WorklistBenchmark}.
 */
public final class WorklistBenchmark {

  static final String COMMAND =
      "./mvnw -B -ntp -Pbench test -Dbench.main=hongniang.bench.WorklistBenchmark";
  static final String HEADING = "Worklist (issue 15)";
  private static final long SEED = 3;
  private static final double P99_GOAL_MS = 100;

  /** Settings, by the property names the Maven profile passes on. */
  record Settings(
      BenchWorld.Setup world,
      Path docs,
      WorklistHistory.Size history,
      int calls,
      int adminCalls,
      int httpCalls,
      int probes) {

    static Settings from(BenchProperties p) {
      return new Settings(
          BenchWorld.Setup.from(p, SEED),
          p.path("bench.docs", "docs/benchmarks.md"),
          new WorklistHistory.Size(
              p.integer("bench.worklistReferrals", 150_000),
              p.integer("bench.worklistPlacements", 50_000),
              p.flag("bench.worklistFresh", false)),
          p.integer("bench.worklistCalls", 4_500),
          p.integer("bench.worklistAdminCalls", 20),
          p.integer("bench.worklistHttpCalls", 450),
          p.integer("bench.worklistProbes", 20));
    }
  }

  /** A community: its id, name and seeking residents. */
  private record Community(long id, String name, long seeking) {}

  private final Settings settings;
  private final Report report = new Report(HEADING);
  private final List<String> facts = new ArrayList<>();
  private String data = "";

  private WorklistBenchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(Settings.from(BenchProperties.system())));
  }

  /** Runs the benchmark; returns the exit code. */
  static int run(Settings settings) throws Exception {
    return new WorklistBenchmark(settings).run();
  }

  private int run() throws Exception {
    long started = System.nanoTime();
    facts.add("Load average (1, 5, 15 min) at the start: " + loadAverage() + ".");
    try (BenchWorld world = BenchWorld.open(settings.world(), settings.world().fresh())) {
      long generated = world.ensureData();
      // the worklist reads no search index: a context without the indexer (the demo command's
      // environment) needs none opened, or rebuilt on a fresh data set
      try (ApplicationContext ctx =
              world.context(DemoCommand.ENVIRONMENT, Map.of("micronaut.server.port", -1));
          Connection c = world.connect()) {
        Clock clock = ctx.getBean(Clock.class);
        WorklistHistory.Made history =
            WorklistHistory.ensure(c, settings.history(), LocalDate.now(clock), clock.instant());
        data = data(settings.world(), generated, history);
        facts.add("PostgreSQL: " + PostgresBaseline.describe(c) + ".");
        List<Community> communities = communities(c);
        WorklistService service = ctx.getBean(WorklistService.class);
        long settled = CpuMeter.settle(0.15, Duration.ofSeconds(60));
        facts.add(
            "Timing began once this JVM and PostgreSQL used under 0.15 cores (waited "
                + settled
                + " s).");
        inProcess(service, communities);
        admin(service);
        http(ctx, communities);
        whereTheTimeGoes(ctx, c, communities);
      }
    }
    facts.add("Load average at the end: " + loadAverage() + ".");
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    String section = report.markdown(preamble(seconds));
    System.out.println(section);
    report.writeInto(settings.docs(), section);
    Files.writeString(
        settings.world().dir().resolve("worklist-benchmark.md"), section, StandardCharsets.UTF_8);
    log("Written to " + settings.docs());
    return 0;
  }

  private static Caller matchmaker(Community community) {
    return new Caller(
        "bench-worklist-" + community.id(), Role.MATCHMAKER, community.id(), null, null);
  }

  private static final Caller ADMIN =
      new Caller("bench-worklist-admin", Role.ADMIN, null, null, null);

  /** Matchmakers of each community in turn, through the service: the target. */
  private void inProcess(WorklistService service, List<Community> communities) throws Exception {
    int n = communities.size();
    List<Caller> callers = communities.stream().map(WorklistBenchmark::matchmaker).toList();
    log("Warm-up: rounds of " + n * 20 + " worklists");
    Warmup.Result warm =
        Warmup.until(n * 20, i -> service.worklist(callers.get(i % n), null, null, Messages.ZH));
    facts.add("Warm-up, in process: " + warm.describe() + ".");
    log("Timing " + settings.calls() + " worklists");
    Latencies all = new Latencies();
    List<Latencies> each = new ArrayList<>();
    List<WorklistView> views = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      each.add(new Latencies());
      views.add(null);
    }
    String loadBefore = loadAverage();
    CpuMeter cpu = new CpuMeter();
    for (int i = 0; i < settings.calls(); i++) {
      int k = i % n;
      long t0 = System.nanoTime();
      WorklistView view = service.worklist(callers.get(k), null, null, Messages.ZH);
      long nanos = System.nanoTime() - t0;
      all.add(nanos);
      each.get(k).add(nanos);
      views.set(k, view);
    }
    double other = cpu.otherCores();
    report.target(
        1,
        String.format(
            Locale.ROOT,
            "the worklist of a community, %,d residents, %,d referrals and %,d placements",
            settings.world().size().jobseekers(),
            settings.history().referrals(),
            settings.history().placements()),
        "p99 ≤ " + (int) P99_GOAL_MS + " ms",
        String.format(
            Locale.ROOT,
            "p99 %s ms (p50 %s, p95 %s, max %s)",
            Latencies.ms(all.p99()),
            Latencies.ms(all.p50()),
            Latencies.ms(all.percentileMillis(95)),
            Latencies.ms(all.maxMillis())),
        all.p99() <= P99_GOAL_MS);
    report.section("Latency per community (in process, one thread, warm)");
    report.line(
        String.format(
            Locale.ROOT,
            "Each figure is one whole `WorklistService.worklist` call for a matchmaker of the"
                + " community (the default size, 10 items a section, texts in Chinese): its read-only"
                + " transaction, every section's SQL, the items and their reasons. %,d calls, the"
                + " nine communities in turn. Other processes used %s cores meanwhile; load average"
                + " before the timed calls %s, after them %s. Counts are each section's total"
                + " (its `count`).\n",
            settings.calls(),
            CpuMeter.cores(other),
            loadBefore,
            loadAverage()));
    List<String> keys = views.get(0).sections().stream().map(WorklistView.Section::key).toList();
    List<String> headers = new ArrayList<>(List.of("community", "seeking residents"));
    headers.addAll(keys);
    headers.addAll(List.of("calls", "p50 ms", "p95 ms", "p99 ms", "max ms"));
    List<List<String>> rows = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      List<String> row = new ArrayList<>();
      row.add(communities.get(k).name());
      row.add(String.format(Locale.ROOT, "%,d", communities.get(k).seeking()));
      for (WorklistView.Section s : views.get(k).sections()) {
        row.add(String.format(Locale.ROOT, "%,d", s.count()));
      }
      row.addAll(percentiles(each.get(k)));
      rows.add(row);
    }
    List<String> total = new ArrayList<>(List.of("**all**", ""));
    keys.forEach(key -> total.add(""));
    total.addAll(percentiles(all));
    rows.add(total);
    report.table(headers, rows);
  }

  private static List<String> percentiles(Latencies l) {
    return List.of(
        String.format(Locale.ROOT, "%,d", l.count()),
        Latencies.ms(l.p50()),
        Latencies.ms(l.percentileMillis(95)),
        Latencies.ms(l.p99()),
        Latencies.ms(l.maxMillis()));
  }

  /** The admin's view across communities, with counts per community: no target. */
  private void admin(WorklistService service) {
    log("The admin's view: " + settings.adminCalls() + " calls");
    for (int i = 0; i < 3; i++) {
      service.worklist(ADMIN, null, null, Messages.ZH);
    }
    Latencies admin = new Latencies();
    for (int i = 0; i < settings.adminCalls(); i++) {
      long t0 = System.nanoTime();
      service.worklist(ADMIN, null, null, Messages.ZH);
      admin.add(System.nanoTime() - t0);
    }
    report.section("The admin's view across communities (no target)");
    report.line(
        "The same call for an admin without a community: each section's first items across the"
            + " communities and, per section, a second statement counting its items per community."
            + " 3 calls to warm up, then:\n");
    report.table(
        List.of("view", "calls", "p50 ms", "p95 ms", "p99 ms", "max ms"),
        List.of(withName("admin, all communities", percentiles(admin))));
  }

  private static List<String> withName(String name, List<String> cells) {
    List<String> row = new ArrayList<>();
    row.add(name);
    row.addAll(cells);
    return row;
  }

  /** A few through HTTP: the same worklists as JSON, from a client on this machine. */
  private void http(ApplicationContext ctx, List<Community> communities) throws Exception {
    // stopped with the context: stopping the server would stop the context too
    EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
    server.start();
    {
      TokenGenerator tokens = ctx.getBean(TokenGenerator.class);
      List<String> bearer = new ArrayList<>();
      for (Community community : communities) {
        bearer.add(
            tokens
                .generateToken(
                    Authentication.build(
                        "bench-worklist-" + community.id(),
                        List.of(Role.MATCHMAKER.name()),
                        Map.of(Caller.COMMUNITY, community.id())),
                    3600)
                .orElseThrow());
      }
      URI uri = URI.create("http://localhost:" + server.getPort() + "/api/v1/worklist");
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      int n = communities.size();
      long[] bytes = new long[1];
      Warmup.Call call =
          i -> {
            HttpResponse<byte[]> r =
                client.send(
                    HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + bearer.get(i % n))
                        .header("Accept-Language", "zh")
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
              throw new IllegalStateException("GET /api/v1/worklist: " + r.statusCode());
            }
            bytes[0] += r.body().length;
          };
      log("Through HTTP: warm-up, then " + settings.httpCalls() + " calls");
      Warmup.Result warm = Warmup.until(n * 10, call);
      Latencies http = new Latencies();
      bytes[0] = 0;
      for (int i = 0; i < settings.httpCalls(); i++) {
        long t0 = System.nanoTime();
        call.run(i);
        http.add(System.nanoTime() - t0);
      }
      report.section("Through HTTP");
      report.line(
          String.format(
              Locale.ROOT,
              "`GET /api/v1/worklist` with a matchmaker's token (signed by the service's own"
                  + " generator), each community in turn, from one client on this machine (JDK"
                  + " HttpClient, one kept-alive connection): the call above plus the token's"
                  + " check, JSON (%,d bytes on average) and the loopback. Warm-up: %s.\n",
              http.count() == 0 ? 0 : bytes[0] / http.count(),
              warm.describe()));
      report.table(
          List.of("what", "calls", "p50 ms", "p95 ms", "p99 ms", "max ms"),
          List.of(withName("a matchmaker's worklist through HTTP", percentiles(http))));
    }
  }

  /**
   * Each section's statement timed apart (the same statements a call makes, in its transaction),
   * and the plan of the slowest.
   */
  private void whereTheTimeGoes(ApplicationContext ctx, Connection c, List<Community> communities)
      throws SQLException {
    log("Where the time goes: " + settings.probes() + " probed calls per community");
    Map<String, Latencies> bySection = new LinkedHashMap<>();
    Map<String, List<Latencies>> bySectionAndCommunity = new LinkedHashMap<>();
    Map<String, WorklistProbe.Statement> slowestOf = new LinkedHashMap<>();
    Map<String, Long> slowestNanos = new LinkedHashMap<>();
    for (int round = 0; round < settings.probes(); round++) {
      for (int k = 0; k < communities.size(); k++) {
        for (WorklistProbe.Statement s :
            WorklistProbe.statements(ctx, matchmaker(communities.get(k)), Messages.ZH)) {
          bySection.computeIfAbsent(s.section(), x -> new Latencies()).add(s.nanos());
          List<Latencies> per =
              bySectionAndCommunity.computeIfAbsent(s.section(), x -> new ArrayList<>());
          while (per.size() <= k) {
            per.add(new Latencies());
          }
          per.get(k).add(s.nanos());
          if (s.nanos() > slowestNanos.getOrDefault(s.section(), -1L)) {
            slowestNanos.put(s.section(), s.nanos());
            slowestOf.put(s.section(), s);
          }
        }
      }
    }
    report.section("Where a call spends its time");
    report.line(
        String.format(
            Locale.ROOT,
            "Each section's statement timed on its own (`hongniang.worklist.WorklistProbe`: the"
                + " service's queries, recorded as they run in one read-only transaction), %d"
                + " calls per community after the timed runs: the statement's time from prepare"
                + " to its last row read, per section over all communities, and the median per"
                + " community.\n",
            settings.probes()));
    List<String> headers = new ArrayList<>(List.of("section", "p50 ms", "p99 ms"));
    communities.forEach(cm -> headers.add(cm.name() + " p50"));
    List<List<String>> rows = new ArrayList<>();
    String slowest = null;
    for (Map.Entry<String, Latencies> e : bySection.entrySet()) {
      List<String> row = new ArrayList<>();
      row.add(e.getKey());
      row.add(Latencies.ms(e.getValue().p50()));
      row.add(Latencies.ms(e.getValue().p99()));
      bySectionAndCommunity.get(e.getKey()).forEach(l -> row.add(Latencies.ms(l.p50())));
      rows.add(row);
      if (slowest == null || e.getValue().p50() > bySection.get(slowest).p50()) {
        slowest = e.getKey();
      }
    }
    report.table(headers, rows);
    WorklistProbe.Statement worst = slowestOf.get(slowest);
    report.line(
        "The slowest section is `"
            + slowest
            + "`. Its statement, in its slowest probed call, run again under `EXPLAIN (ANALYZE,"
            + " BUFFERS)` on a connection of its own with the same parameters:\n");
    report.line("```sql\n" + worst.sql() + "\n```\n");
    report.line("```\n" + String.join("\n", explain(c, worst)) + "\n```");
  }

  private static List<String> explain(Connection c, WorklistProbe.Statement s) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement ps = s.prepare(c, "EXPLAIN (ANALYZE, BUFFERS) ");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    return lines;
  }

  /** The data paragraph: the generated set and the history added to it. */
  private static String data(BenchWorld.Setup world, long generated, WorklistHistory.Made history) {
    StringBuilder states = new StringBuilder();
    history
        .referralsByState()
        .forEach(
            (state, n) ->
                states
                    .append(states.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %,d", state, n)));
    return String.format(
        Locale.ROOT,
        "Data: the demo generator's set (seed %d) in `%s`: %,d partner units, %,d postings, %,d"
            + " residents (%s). Its history (`WorklistHistory`, rows marked `%s`; %s): %,d"
            + " referrals (%s) and %,d placements (%,d of them ended) with their follow-ups at 1, 3"
            + " and 6 months; `VACUUM ANALYZE` of residents, referrals, placements and follow-ups"
            + " before every run. The residents' own rows are as generated: each"
            + " profile was last changed when the set was made, so none is without contact for 30"
            + " days unless the set is older than that.",
        world.size().seed(),
        world.dir().getFileName(),
        world.size().partners(),
        world.size().postings(),
        world.size().jobseekers(),
        generated < 0
            ? "reused from an earlier run"
            : "generated in this run in " + Duration.ofMillis(generated).toSeconds() + " s",
        WorklistHistory.MARK,
        history.reused()
            ? "reused from an earlier run"
            : "added in this run in " + history.millis() / 1000 + " s",
        history.referrals(),
        states,
        history.placements(),
        history.ended());
  }

  private static List<Community> communities(Connection c) throws SQLException {
    List<Community> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT c.id, c.name, (SELECT count(*) FROM jobseeker j WHERE j.community_id ="
                    + " c.id AND j.status IN ('SEEKING', 'REFERRED')) FROM community c"
                    + " ORDER BY c.id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Community(rs.getLong(1), rs.getString(2), rs.getLong(3)));
      }
    }
    return out;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private String preamble(long seconds) {
    return Report.preamble(
        seconds,
        COMMAND,
        "uses the data in `target/bench` that the search benchmark generates, or generates it, and"
            + " adds the history once: again when it is "
            + WorklistHistory.FRESH_HOURS
            + " hours old, or with `-Dbench.worklistFresh=true`",
        "src/bench/java/hongniang/bench/WorklistBenchmark.java",
        data,
        facts);
  }

  private static void log(String message) {
    BenchWorld.log(message);
  }
}
