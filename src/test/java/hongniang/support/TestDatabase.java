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

  private static Map<String, String> start() {
    DatabaseSettings settings =
        DatabaseSettings.configured(System::getenv)
            .orElseGet(
                () -> {
                  try {
                    Path dir = Files.createTempDirectory("hongniang-test-pg");
                    EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), false);
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
