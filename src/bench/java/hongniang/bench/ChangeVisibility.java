package hongniang.bench;

import hongniang.search.query.PostingHits;
import hongniang.search.query.PostingQuery;
import hongniang.search.query.Searches;
import hongniang.search.suggest.Suggester;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How fast a change becomes searchable under a stream of updates: postings updated through JDBC at
 * a fixed rate while a poller searches for each new value, and where the indexer thread spends its
 * time meanwhile (a JFR profile by stage).
 */
final class ChangeVisibility {

  /** Where the indexer thread spends its time while changes stream in. */
  static final List<Profile.Stage> INDEXER_STAGES =
      List.of(
          Profile.Stage.of(
              "rebuilding suggestions (Suggester.refresh)",
              "hongniang.search.suggest.Suggester.refresh"),
          Profile.Stage.of("Lucene commit (fsync)", "org.apache.lucene.index.IndexWriter.commit"),
          Profile.Stage.of(
              "reopening searchers (near-real-time refresh)",
              "org.apache.lucene.search.ReferenceManager",
              "org.apache.lucene.search.SearcherManager"),
          Profile.Stage.of(
              "reading the changed rows (DocumentSource)", "hongniang.documents.DocumentSource"),
          Profile.Stage.of(
              "building and updating documents",
              "hongniang.search.index.LuceneDocuments",
              "org.apache.lucene.index.IndexWriter.updateDocument",
              "org.apache.lucene.index.IndexWriter.deleteDocuments"),
          Profile.Stage.of(
              "outbox SQL (pending, mark done, prune)", "hongniang.search.index.OutboxStore"));

  private static final int FRESHNESS_SAMPLE_MS = 20;

  private record Pending(long id, int wage, long committedAt) {}

  /** What one stream of updates gave: per-update visibility and COMMIT times, and its counts. */
  private record UpdateStream(
      Latencies visible, Latencies commits, int sent, int neverSeen, int polls, double seconds) {}

  private final SearchBenchmark.Settings settings;
  private final BenchWorld world;
  private final Report report;
  private final LocalDate today;

  ChangeVisibility(
      SearchBenchmark.Settings settings, BenchWorld world, Report report, LocalDate today) {
    this.settings = settings;
    this.world = world;
    this.report = report;
    this.today = today;
  }

  /**
   * Updates postings through JDBC at a fixed rate, each setting a unique top wage, and polls the
   * in-process search every 5 ms for a wage range that only that value meets; the latency is from
   * the return of COMMIT to the return of the first search that shows the new value. A first,
   * unmeasured stream on other postings warms the indexing path up (its code is compiled, its
   * caches filled) as it is in a running service; then the measured one.
   */
  void section(Connection c, Searches search, Suggester suggester) throws Exception {
    int updates = settings.updatesPerSecond() * settings.updateSeconds();
    int warmupSeconds = settings.updateWarmupSeconds();
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
            settings.updateWarmupSeconds(),
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
  private UpdateStream stream(List<Long> ids, int base, Searches search, int seconds)
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
              search.postings(
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

  private Connection connect() throws SQLException {
    return world.connect();
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
