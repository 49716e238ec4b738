package hongniang.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the service's database is: a configured server ({@code DATABASE_URL} or Micronaut's {@code
 * DATASOURCES_DEFAULT_URL}), or else an embedded PostgreSQL in {@code DATA_DIR}.
 */
public record DatabaseSettings(String url, String user, String password) {

  /** The configured server, if any, read from environment variables and system properties. */
  public static Optional<DatabaseSettings> configured(UnaryOperator<String> env) {
    String url = first(env, "DATABASE_URL", "DATASOURCES_DEFAULT_URL", "datasources.default.url");
    if (url == null) {
      return Optional.empty();
    }
    String user =
        first(env, "DATABASE_USER", "DATASOURCES_DEFAULT_USERNAME", "datasources.default.username");
    String password =
        first(
            env,
            "DATABASE_PASSWORD",
            "DATASOURCES_DEFAULT_PASSWORD",
            "datasources.default.password");
    return Optional.of(new DatabaseSettings(toJdbcUrl(url), user, password));
  }

  /**
   * Accepts both JDBC URLs and the {@code postgres://user:pass@host/db} form that hosting platforms
   * hand out.
   */
  static String toJdbcUrl(String url) {
    if (url.startsWith("jdbc:")) {
      return url;
    }
    if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
      return "jdbc:postgresql://" + url.substring(url.indexOf("://") + 3);
    }
    return url;
  }

  /** The data folder of the embedded server: {@code DATA_DIR}, or {@code data/} at the root. */
  public static Path embeddedDataDir(UnaryOperator<String> env) {
    String configured = first(env, "DATA_DIR", "hongniang.data-dir");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    return projectRoot().resolve("data").toAbsolutePath().normalize();
  }

  /**
   * The search index folder: {@code SEARCH_INDEX_DIR}; else beside the data when {@code DATA_DIR}
   * is set; else {@code search-index/data} at the project root.
   */
  public static Path searchIndexDir(UnaryOperator<String> env) {
    String configured = first(env, "SEARCH_INDEX_DIR", "hongniang.search.dir");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    String dataDir = first(env, "DATA_DIR", "hongniang.data-dir");
    if (dataDir != null) {
      return Path.of(dataDir).resolve("search-index").toAbsolutePath().normalize();
    }
    return projectRoot().resolve("search-index").resolve("data").toAbsolutePath().normalize();
  }

  /**
   * The project root: {@code mvn mn:run} may run with {@code target/} as working directory, and
   * {@code mvn clean} must not delete the data, so walk up to the folder that holds pom.xml.
   */
  public static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("migrations"))) {
        return p;
      }
    }
    return dir;
  }

  /** Properties that point Micronaut's default datasource at this database. */
  public Map<String, Object> asProperties() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("datasources.default.url", url);
    props.put("datasources.default.username", user == null ? "" : user);
    props.put("datasources.default.password", password == null ? "" : password);
    props.put("datasources.default.driver-class-name", "org.postgresql.Driver");
    return props;
  }

  /** Opens and closes one connection, so a wrong URL fails fast with a clear message. */
  public void checkReachable() throws SQLException {
    DriverManager.setLoginTimeout(10);
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.isValid(5);
    }
  }

  /** The URL without credentials, safe to print. */
  public String safeUrl() {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }

  private static String first(UnaryOperator<String> env, String... names) {
    for (String name : names) {
      String value = env.apply(name);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }
}
