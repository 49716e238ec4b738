package hongniang.bench;

import hongniang.database.DatabaseSettings;
import hongniang.database.EmbeddedDatabase;
import hongniang.demo.DemoCommand;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The benchmarks' world: an embedded PostgreSQL in {@code bench.dir}/pg holding the generated data
 * set (made once, reused by later runs), and service contexts on it with the index in {@code
 * bench.dir}/index.
 */
final class BenchWorld implements AutoCloseable {

  /** The data set: the demo generator's seed and sizes. */
  record Size(long seed, int partners, int postings, int jobseekers) {}

  /**
   * A run's world: its folder, whether to delete what an earlier run left there, the data set, and
   * the service settings its contexts take over their own ({@code -Dbench.set=...}).
   */
  record Setup(Path dir, boolean fresh, Size size, Map<String, Object> serviceSettings) {

    /** From {@code bench.dir}, {@code .fresh}, {@code .partners}, {@code .postings}, ... */
    static Setup from(BenchProperties p, long seed) {
      return new Setup(
          p.path("bench.dir", "target/bench"),
          p.flag("bench.fresh", false),
          new Size(
              seed,
              p.integer("bench.partners", 2_000),
              p.integer("bench.postings", 100_000),
              p.integer("bench.jobseekers", 1_000_000)),
          p.serviceSettings());
    }
  }

  private final Path dir;
  private final Size size;
  private final EmbeddedDatabase db;
  private final DatabaseSettings database;
  private final Map<String, Object> serviceSettings;

  private BenchWorld(Setup setup, EmbeddedDatabase db) {
    this.dir = setup.dir();
    this.size = setup.size();
    this.db = db;
    this.database = new DatabaseSettings(db.jdbcUrl(), db.user(), db.password());
    this.serviceSettings = Map.copyOf(setup.serviceSettings());
  }

  /** Starts the database in the folder; {@code fresh} deletes what an earlier run left. */
  static BenchWorld open(Setup setup, boolean fresh) throws IOException {
    Path dir = setup.dir();
    if (fresh) {
      log("bench.fresh=true: deleting " + dir);
      deleteTree(dir);
    }
    Files.createDirectories(dir);
    return new BenchWorld(setup, EmbeddedDatabase.start(dir.resolve("pg"), false));
  }

  Path dir() {
    return dir;
  }

  /** A service context in the environment, on this database and index folder. */
  ApplicationContext context(String environment) {
    return context(environment, Map.of());
  }

  /** The same with more settings of the benchmark's own ({@code bench.set} still wins). */
  ApplicationContext context(String environment, Map<String, Object> settings) {
    Map<String, Object> props = new LinkedHashMap<>(database.asProperties());
    props.put("hongniang.demo-data", "false");
    props.put("hongniang.search.dir", dir.resolve("index").toString());
    props.put("hongniang.data-dir", dir.toString());
    // the hourly jobs stay off: on the generated set their first run would ask most of its
    // residents "still looking?" (tens of minutes of writes) in the middle of a timed run
    props.put("hongniang.jobs.enabled", "false");
    props.put(
        "micronaut.security.token.jwt.signatures.secret.generator.secret",
        "benchmark-secret-that-is-long-enough-for-hs256-signing-0123456789");
    props.putAll(settings);
    // -Dbench.set=hongniang.search.poll-ms=20,... tries other settings in a developer's run
    props.putAll(serviceSettings);
    return ApplicationContext.builder()
        .deduceEnvironment(false)
        .environments(environment)
        .properties(props)
        .start();
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(database.url(), database.user(), database.password());
  }

  /**
   * Generates the data set with the demo generator unless the database holds it already; returns
   * how long generation took, or -1 when the data was reused.
   */
  long ensureData() throws SQLException {
    long start = System.nanoTime();
    try (ApplicationContext cli = context(DemoCommand.ENVIRONMENT)) {
      // the tables exist once a context has its DataSource (Flyway migrates it then): a new
      // folder's database has none before
      cli.getBean(DataSource.class);
      long postings;
      long jobseekers;
      try (Connection c = connect()) {
        postings = count(c, "SELECT count(*) FROM posting");
        jobseekers = count(c, "SELECT count(*) FROM jobseeker");
      }
      if (postings == size.postings() && jobseekers == size.jobseekers()) {
        log("Reusing the data in " + dir + " (-Dbench.fresh=true regenerates it)");
        return -1;
      }
      if (postings != 0 || jobseekers != 0) {
        throw new IllegalStateException(
            String.format(
                "%s holds %d postings and %d jobseekers, not %d and %d: rerun with"
                    + " -Dbench.fresh=true",
                dir, postings, jobseekers, size.postings(), size.jobseekers()));
      }
      log("Generating the data set with the demo generator");
      int code =
          cli.getBean(DemoCommand.class)
              .run(
                  new String[] {
                    "--seed", Long.toString(size.seed()),
                    "--partners", Integer.toString(size.partners()),
                    "--postings", Integer.toString(size.postings()),
                    "--jobseekers", Integer.toString(size.jobseekers()),
                    // the benchmarks' worlds are units, postings and residents, as published
                    "--no-history"
                  });
      if (code != 0) {
        throw new IllegalStateException("the demo generator failed with exit code " + code);
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      // the load's outbox rows: a rebuild reads the tables themselves
      s.execute("DELETE FROM search_outbox");
      s.execute("VACUUM ANALYZE");
    }
    return millis;
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The first column of a query's rows, as {@code type}; {@code params} bound in order. */
  static <T> List<T> column(Connection c, String sql, Class<T> type, Object... params)
      throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getObject(1, type));
        }
      }
    }
    return out;
  }

  static void log(String message) {
    System.out.println("[bench] " + message);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public void close() throws IOException {
    db.close();
  }
}
