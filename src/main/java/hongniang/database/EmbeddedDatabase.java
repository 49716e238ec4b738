package hongniang.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An embedded PostgreSQL 17 server whose data folder survives restarts and crashes. */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on the given data folder, creating it on first use.
   *
   * @param dataDir the folder that holds the cluster; kept on close
   * @param durable true to keep fsync and synchronous commit on (zonky turns them off for tests)
   */
  public static EmbeddedDatabase start(Path dataDir, boolean durable) throws IOException {
    Files.createDirectories(dataDir.getParent() == null ? dataDir : dataDir.getParent());
    stopLeftoverPostmaster(dataDir);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            // stopped by the service after its context (Application): zonky's own hook would run
            // beside Micronaut's and end connections the indexer is still using
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setLocaleConfig("encoding", "UTF8")
            .setLocaleConfig("locale", "C.UTF-8")
            .setServerConfig("max_connections", "100")
            .setServerConfig("timezone", "Asia/Shanghai");
    if (durable) {
      builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
      builder.setServerConfig("full_page_writes", "on");
    }
    return new EmbeddedDatabase(builder.start());
  }

  /** The JDBC URL of the {@code postgres} database on this server. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public String user() {
    return "postgres";
  }

  public String password() {
    return "postgres";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }

  /**
   * After {@code kill -9} of the JVM the postmaster lives on and holds {@code postmaster.pid}; a
   * new start would fail on it. Ask the old postmaster to stop (fast shutdown) and wait for it.
   */
  static void stopLeftoverPostmaster(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    Optional<Long> pid = readPid(pidFile);
    if (pid.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid.get());
    if (process.isEmpty() || !process.get().isAlive() || !isPostgres(process.get())) {
      // A stale file from a dead server: PostgreSQL itself overwrites it when the pid is gone,
      // but a reused pid would confuse it, so remove it.
      deleteQuietly(pidFile);
      return;
    }
    LOG.info("Stopping a PostgreSQL server left running by an earlier process (pid {})", pid.get());
    signal(pid.get(), "INT");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (process.get().isAlive() && System.nanoTime() < deadline) {
      sleep(100);
    }
    if (process.get().isAlive()) {
      signal(pid.get(), "KILL");
      sleep(500);
      deleteQuietly(pidFile);
    }
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.contains("postgres")).orElse(true);
  }

  private static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    } catch (IOException e) {
      LOG.warn("Could not signal process {}: {}", pid, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", file, e.getMessage());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
