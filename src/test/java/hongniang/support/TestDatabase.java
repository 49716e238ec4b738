package hongniang.support;

import hongniang.database.DatabaseSettings;
import hongniang.database.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One real PostgreSQL for the whole test JVM: the server named by {@code DATABASE_URL} when set,
 * else an embedded PostgreSQL 17 in a fresh temporary folder.
 */
public final class TestDatabase {

  private static Map<String, String> properties;

  private TestDatabase() {}

  /** Datasource properties for a Micronaut test context. */
  public static synchronized Map<String, String> properties() {
    if (properties == null) {
      properties = start();
    }
    return properties;
  }

  /**
   * Properties for a new, empty database on the same server, for a test that needs a world of its
   * own (the matching evaluation): nothing another test writes can reach it.
   */
  public static synchronized Map<String, String> freshDatabase(String prefix) {
    Map<String, String> shared = properties();
    String url = shared.get("datasources.default.url");
    String name = prefix + "_" + System.nanoTime();
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                url,
                shared.get("datasources.default.username"),
                shared.get("datasources.default.password"));
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    Map<String, String> props = new HashMap<>(shared);
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    props.put(
        "datasources.default.url",
        url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query)));
    return props;
  }

  private static void stopAndDelete(EmbeddedDatabase db, Path dir) {
    try {
      db.close();
      // the server may still write its statistics file as it exits: a second pass gets that too
      for (int pass = 0; pass < 5 && Files.exists(dir); pass++) {
        if (pass > 0) {
          Thread.sleep(200);
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.UncheckedIOException e) {
          // a file vanished during the walk: the next pass starts over
        }
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      System.err.println("could not remove the test database in " + dir + ": " + e);
    }
  }

  private static Map<String, String> start() {
    DatabaseSettings settings =
        DatabaseSettings.configured(System::getenv)
            .orElseGet(
                () -> {
                  try {
                    Path dir = Files.createTempDirectory("hongniang-test-pg");
                    EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), false);
                    // the server stops with the test JVM, and its ~50 MB cluster goes with it
                    Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> stopAndDelete(db, dir), "test-pg-stop"));
                    return new DatabaseSettings(db.jdbcUrl(), db.user(), db.password());
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    Map<String, String> props = new HashMap<>();
    settings.asProperties().forEach((k, v) -> props.put(k, String.valueOf(v)));
    props.put(
        "micronaut.security.token.jwt.signatures.secret.generator.secret",
        "test-secret-that-is-long-enough-for-hs256-signing-0123456789");
    return props;
  }
}
