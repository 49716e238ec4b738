package hongniang.bench;

import static hongniang.bench.BenchWorld.log;

import hongniang.demo.DemoCommand;
import hongniang.occupations.Occupations;
import hongniang.search.index.SearchIndex;
import hongniang.search.query.PostingQuery;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' budgets of issue 16 on the 100,000-posting data set: the search page's and a posting
 * page's time through HTTP (p99 ≤ 50 ms), the search page's first load over the wire with gzip (≤
 * 150 kB: the page, its stylesheet and scripts) and Lighthouse's mobile performance (≥ 90) and
 * accessibility (≥ 95) on the search, a posting and the worklist page, run on the local Chromium.
 * Run with {@code ./mvnw -B -ntp -Pbench test -Dbench.main=hongniang.bench.PagesBenchmark}.
 */
public final class PagesBenchmark {

  static final String COMMAND =
      "./mvnw -B -ntp -Pbench test -Dbench.main=hongniang.bench.PagesBenchmark";
  static final String HEADING = "Pages (issue 16)";
  static final String LIGHTHOUSE = "lighthouse@12.2.3";
  private static final long SEED = 3;
  private static final double P99_GOAL_MS = 50;
  private static final long WEIGHT_GOAL = 150 * 1024;
  private static final int PERFORMANCE_GOAL = 90;
  private static final int ACCESSIBILITY_GOAL = 95;
  private static final Pattern ASSET =
      Pattern.compile("(?:href|src)=\"(/assets/[^\"]+\\.(?:css|js))\"");

  /** Settings, by the property names the Maven profile passes on. */
  record Settings(BenchWorld.Setup world, Path docs, int calls, boolean lighthouse) {

    static Settings from(BenchProperties p) {
      return new Settings(
          BenchWorld.Setup.from(p, SEED),
          p.path("bench.docs", "docs/benchmarks.md"),
          p.integer("bench.pageCalls", 3_000),
          p.flag("bench.lighthouse", true));
    }
  }

  private final Settings settings;
  private final Report report = new Report(HEADING);
  private final List<String> facts = new ArrayList<>();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private String base;

  private PagesBenchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(Settings.from(BenchProperties.system())));
  }

  /** Runs the benchmark; returns the exit code. */
  static int run(Settings settings) throws Exception {
    return new PagesBenchmark(settings).run();
  }

  private int run() throws Exception {
    long started = System.nanoTime();
    String data;
    try (BenchWorld world = BenchWorld.open(settings.world(), settings.world().fresh())) {
      long generated = world.ensureData();
      if (!Files.exists(settings.world().dir().resolve("index"))) {
        try (ApplicationContext cli = world.context(DemoCommand.ENVIRONMENT)) {
          log("Building the search index");
          Rebuild.run(cli.getBean(SearchIndex.class));
        }
      }
      try (ApplicationContext ctx = world.context("bench", Map.of("micronaut.server.port", -1));
          Connection c = world.connect()) {
        EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
        server.start();
        base = "http://localhost:" + server.getPort();
        List<Long> communities =
            BenchWorld.column(c, "SELECT id FROM community ORDER BY id", Long.class);
        List<Long> postings =
            BenchWorld.column(
                c,
                "SELECT id FROM posting WHERE status = 'OPEN' ORDER BY md5(id::text) LIMIT 2000",
                Long.class);
        data =
            String.format(
                Locale.ROOT,
                "Data: the demo generator's set (seed %d) in `%s`: %,d partner units, %,d postings, %,d"
                    + " residents%s.",
                SEED,
                settings.world().dir(),
                settings.world().size().partners(),
                settings.world().size().postings(),
                settings.world().size().jobseekers(),
                generated < 0 ? ", reused from an earlier run" : ", generated in this run");
        String matchmakerCookie = cookie(ctx, communities.get(0));
        serverTime(communities, postings);
        long posting = publicPosting(postings);
        weight();
        if (settings.lighthouse()) {
          lighthouse(ctx, posting, matchmakerCookie);
        } else {
          facts.add("Lighthouse was not run (-Dbench.lighthouse=false).");
        }
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    String section =
        report.markdown(
            Report.preamble(
                seconds,
                COMMAND,
                "uses the data in `target/bench` that the search benchmark generates, or generates"
                    + " it; `-Dbench.lighthouse=false` leaves Lighthouse out",
                "src/bench/java/hongniang/bench/PagesBenchmark.java",
                data,
                facts));
    System.out.println(section);
    report.writeInto(settings.docs(), section);
    Files.writeString(
        settings.world().dir().resolve("pages-benchmark.md"), section, StandardCharsets.UTF_8);
    log("Written to " + settings.docs());
    return 0;
  }

  /** A matchmaker's session cookie, signed by the service's own generator. */
  private static String cookie(ApplicationContext ctx, long community) {
    String token =
        ctx.getBean(TokenGenerator.class)
            .generateToken(
                Authentication.build(
                    "bench-pages",
                    List.of(Role.MATCHMAKER.name()),
                    Map.of(Caller.COMMUNITY, community)),
                3600)
            .orElseThrow();
    return "hn_session=" + token;
  }

  private HttpResponse<byte[]> get(String path, String cookie) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "text/html")
            .header("Accept-Encoding", "gzip")
            .GET();
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The search page for each query of the search benchmark's workload, and posting pages. */
  private void serverTime(List<Long> communities, List<Long> postings) throws Exception {
    List<String> groups = new ArrayList<>(Occupations.load().groups());
    List<String> searches = new ArrayList<>();
    for (PostingQuery q : Workload.postings(SEED, 2_000, communities, groups)) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("q", q.q());
      params.put("communityId", q.communityId());
      params.put("schedule", q.schedule());
      params.put("group", q.group());
      searches.add(path("/", params));
    }
    List<String> jobs = postings.stream().map(id -> "/jobs/" + id).toList();
    int[] statuses = new int[600];
    Warmup.Call search =
        i -> {
          HttpResponse<byte[]> r = get(searches.get(i % searches.size()), null);
          statuses[r.statusCode()]++;
        };
    Warmup.Call job =
        i -> {
          HttpResponse<byte[]> r = get(jobs.get(i % jobs.size()), null);
          statuses[r.statusCode()]++;
        };
    log("Search page: warm-up, then " + settings.calls() + " calls");
    Warmup.Result warmSearch = Warmup.until(500, search);
    Latencies searchTimes = time(search);
    log("Posting page: warm-up, then " + settings.calls() + " calls");
    Warmup.Result warmJob = Warmup.until(500, job);
    Latencies jobTimes = time(job);
    report.target(
        1,
        String.format(
            Locale.ROOT,
            "the search page (`GET /?q=…` with the search benchmark's %,d queries)",
            searches.size()),
        "p99 ≤ " + (int) P99_GOAL_MS + " ms",
        describe(searchTimes),
        searchTimes.p99() <= P99_GOAL_MS);
    report.target(
        2,
        "a posting's page (`GET /jobs/{id}`, open postings)",
        "p99 ≤ " + (int) P99_GOAL_MS + " ms",
        describe(jobTimes),
        jobTimes.p99() <= P99_GOAL_MS);
    report.section("Server time, through HTTP");
    report.line(
        String.format(
            Locale.ROOT,
            "Each figure is one whole request from a client on this machine (JDK HttpClient, one"
                + " kept-alive HTTP/1.1 connection, `Accept-Encoding: gzip`): routing, the search"
                + " or the posting's read, the page rendered by jte, gzip and the loopback; so it"
                + " is the server's time plus a little. Warm-up: search %s; posting %s. Answers by"
                + " status: %s.\n",
            warmSearch.describe(),
            warmJob.describe(),
            statusCounts(statuses)));
    report.table(
        List.of("page", "calls", "p50 ms", "p95 ms", "p99 ms", "max ms"),
        List.of(row("search page", searchTimes), row("posting page", jobTimes)));
  }

  private Latencies time(Warmup.Call call) throws Exception {
    Latencies l = new Latencies();
    for (int i = 0; i < settings.calls(); i++) {
      long t0 = System.nanoTime();
      call.run(i);
      l.add(System.nanoTime() - t0);
    }
    return l;
  }

  private static String describe(Latencies l) {
    return String.format(
        Locale.ROOT,
        "p99 %s ms (p50 %s, p95 %s)",
        Latencies.ms(l.p99()),
        Latencies.ms(l.p50()),
        Latencies.ms(l.percentileMillis(95)));
  }

  private static List<String> row(String name, Latencies l) {
    return List.of(
        name,
        String.format(Locale.ROOT, "%,d", l.count()),
        Latencies.ms(l.p50()),
        Latencies.ms(l.percentileMillis(95)),
        Latencies.ms(l.p99()),
        Latencies.ms(l.maxMillis()));
  }

  private static String statusCounts(int[] statuses) {
    StringJoiner out = new StringJoiner(", ");
    for (int s = 0; s < statuses.length; s++) {
      if (statuses[s] > 0) {
        out.add(String.format(Locale.ROOT, "%d × %,d", s, statuses[s]));
      }
    }
    return out.toString();
  }

  /** The first posting of the list whose page is open to the public. */
  private long publicPosting(List<Long> postings) throws Exception {
    for (long id : postings) {
      if (get("/jobs/" + id, null).statusCode() == 200) {
        return id;
      }
    }
    throw new IllegalStateException("no posting's page is open to the public");
  }

  /** The search page's first load: the page, then each stylesheet and script it names. */
  private void weight() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    long wire = 0;
    long plain = 0;
    HttpResponse<byte[]> page = get("/", null);
    byte[] html = unzip(page);
    rows.add(weightRow("/", page, html));
    wire += page.body().length;
    plain += html.length;
    Matcher m = ASSET.matcher(new String(html, StandardCharsets.UTF_8));
    while (m.find()) {
      HttpResponse<byte[]> asset = get(m.group(1), null);
      byte[] body = unzip(asset);
      rows.add(weightRow(m.group(1), asset, body));
      wire += asset.body().length;
      plain += body.length;
    }
    report.target(
        3,
        "the search page's first load over the wire (page, stylesheet, scripts; gzip)",
        "≤ " + WEIGHT_GOAL / 1024 + " kB",
        String.format(Locale.ROOT, "%.1f kB (%.1f kB unpacked)", wire / 1024.0, plain / 1024.0),
        wire <= WEIGHT_GOAL);
    report.section("First load of the search page");
    report.line(
        "What a browser with an empty cache fetches for `GET /`: the page and every stylesheet and"
            + " script it names (no images, no fonts: the system's CJK fonts), each asked for with"
            + " `Accept-Encoding: gzip`; bytes as they cross the wire, and unpacked.\n");
    rows.add(
        List.of(
            "**all**",
            "",
            String.format(Locale.ROOT, "%,d", wire),
            String.format(Locale.ROOT, "%,d", plain)));
    report.table(List.of("resource", "encoding", "bytes on the wire", "bytes unpacked"), rows);
  }

  private static List<String> weightRow(String path, HttpResponse<byte[]> r, byte[] plain) {
    return List.of(
        "`" + path + "`",
        r.headers().firstValue("Content-Encoding").orElse("none"),
        String.format(Locale.ROOT, "%,d", r.body().length),
        String.format(Locale.ROOT, "%,d", plain.length));
  }

  private static byte[] unzip(HttpResponse<byte[]> r) throws IOException {
    if (!"gzip".equalsIgnoreCase(r.headers().firstValue("Content-Encoding").orElse(""))) {
      return r.body();
    }
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
      return in.readAllBytes();
    }
  }

  /** Lighthouse (npm, pinned) on the local Chromium, mobile, for three pages. */
  private void lighthouse(ApplicationContext ctx, long posting, String cookie) throws Exception {
    Path npm = settings.world().dir().resolve("npm");
    Path cli = npm.resolve("node_modules/lighthouse/cli/index.js");
    if (!Files.exists(cli)) {
      log("Installing " + LIGHTHOUSE + " with npm into " + npm);
      Files.createDirectories(npm);
      exec(
          List.of(
              "npm", "install", "--no-audit", "--no-fund", "--prefix", npm.toString(), LIGHTHOUSE),
          npm.resolve("npm-install.log"),
          600);
    }
    JsonMapper json = ctx.getBean(JsonMapper.class);
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("search page `/`", "/");
    pages.put("posting page `/jobs/" + posting + "`", "/jobs/" + posting);
    pages.put("worklist `/worklist` (a matchmaker)", "/worklist");
    List<List<String>> rows = new ArrayList<>();
    int rank = 4;
    for (Map.Entry<String, String> page : pages.entrySet()) {
      boolean signedIn = page.getValue().equals("/worklist");
      int status = get(page.getValue(), signedIn ? cookie : null).statusCode();
      if (status != 200) {
        facts.add(page.getKey() + " answered " + status + ": Lighthouse not run on it.");
        report.target(rank++, "Lighthouse on the " + page.getKey(), "runs", status + "", false);
        continue;
      }
      Path out = settings.world().dir().resolve("lighthouse-" + rank + ".json");
      List<String> command =
          new ArrayList<>(
              List.of(
                  "node",
                  cli.toString(),
                  base + page.getValue(),
                  "--output=json",
                  "--output-path=" + out,
                  "--only-categories=performance,accessibility",
                  "--chrome-path=/usr/bin/chromium",
                  "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                  "--quiet"));
      if (signedIn) {
        command.add("--extra-headers=" + "{\"Cookie\":\"" + cookie + "\"}");
      }
      log("Lighthouse: " + page.getKey());
      exec(command, settings.world().dir().resolve("lighthouse-" + rank + ".log"), 300);
      Map<?, ?> result = json.readValue(Files.readAllBytes(out), Map.class);
      Map<?, ?> categories = (Map<?, ?>) result.get("categories");
      int performance = score(categories, "performance");
      int accessibility = score(categories, "accessibility");
      report.target(
          rank++,
          "Lighthouse on the " + page.getKey() + ", mobile",
          "performance ≥ " + PERFORMANCE_GOAL + ", accessibility ≥ " + ACCESSIBILITY_GOAL,
          "performance " + performance + ", accessibility " + accessibility,
          performance >= PERFORMANCE_GOAL && accessibility >= ACCESSIBILITY_GOAL);
      Map<?, ?> audits = (Map<?, ?>) result.get("audits");
      rows.add(
          List.of(
              page.getKey(),
              String.valueOf(performance),
              String.valueOf(accessibility),
              audit(audits, "first-contentful-paint"),
              audit(audits, "largest-contentful-paint"),
              audit(audits, "total-blocking-time"),
              audit(audits, "cumulative-layout-shift")));
    }
    report.section("Lighthouse");
    report.line(
        "`"
            + LIGHTHOUSE
            + "` from npm, its default mobile run (a mid-range phone, simulated slow 4G and CPU"
            + " slow-down), on Debian's Chromium headless; the worklist with a matchmaker's session"
            + " cookie. Scores 0–100.\n");
    report.table(
        List.of(
            "page",
            "performance",
            "accessibility",
            "first contentful paint",
            "largest contentful paint",
            "total blocking time",
            "layout shift"),
        rows);
  }

  private static int score(Map<?, ?> categories, String name) {
    Object score = ((Map<?, ?>) categories.get(name)).get("score");
    return score instanceof Number n ? (int) Math.round(n.doubleValue() * 100) : -1;
  }

  private static String audit(Map<?, ?> audits, String name) {
    Map<?, ?> a = (Map<?, ?>) audits.get(name);
    Object shown = a == null ? null : a.get("displayValue");
    return shown == null ? "" : shown.toString();
  }

  private static void exec(List<String> command, Path log, int seconds) throws Exception {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(command.get(0) + " took over " + seconds + " s; see " + log);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command.subList(0, 2)) + " failed (" + p.exitValue() + "); see " + log);
    }
  }

  private static String path(String path, Map<String, Object> params) {
    StringJoiner query = new StringJoiner("&");
    params.forEach(
        (name, value) -> {
          if (value != null && !value.toString().isEmpty()) {
            query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
          }
        });
    return query.length() == 0 ? path : path + "?" + query;
  }
}
