package hongniang;

import hongniang.accounts.AdminBootstrap;
import hongniang.database.DatabaseSettings;
import hongniang.database.EmbeddedDatabase;
import hongniang.demo.DemoCommand;
import hongniang.postings.PostingService;
import hongniang.search.index.SearchIndex;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Starts Hongniang: finds or starts its database, then the Micronaut HTTP server, or runs one of
 * its commands: {@code demo} (demo data), {@code reindex} (rebuild the search index), {@code
 * screen} (screen every stored posting, docs/screening.md).
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Hongniang",
            version = "1.0",
            description = "Employment matching for a street office and its communities (红娘)"),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    UnaryOperator<String> env = Application::setting;
    Map<String, Object> properties = new LinkedHashMap<>();
    Path dataDir = DatabaseSettings.embeddedDataDir(env);
    Optional<DatabaseSettings> configured = DatabaseSettings.configured(env);
    DatabaseSettings database;
    AtomicReference<ApplicationContext> running = new AtomicReference<>();
    try {
      if (configured.isPresent()) {
        database = configured.get();
        try {
          database.checkReachable();
        } catch (java.sql.SQLException e) {
          System.err.println(
              "Hongniang cannot reach its database at "
                  + database.safeUrl()
                  + ": "
                  + e.getMessage());
          System.exit(1);
          return;
        }
      } else {
        EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDir.resolve("postgres"), true);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(() -> closeAfter(running.get(), embedded), "embedded-database-stop"));
        database = new DatabaseSettings(embedded.jdbcUrl(), embedded.user(), embedded.password());
      }
      properties.putAll(database.asProperties());
      properties.put("hongniang.data-dir", dataDir.toString());
      properties.put("hongniang.search.dir", DatabaseSettings.searchIndexDir(env).toString());
      properties.put(
          "micronaut.security.token.jwt.signatures.secret.generator.secret",
          jwtSecret(env, dataDir));
    } catch (IOException | RuntimeException e) {
      System.err.println("Hongniang could not start its embedded database: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (args.length > 0 && "demo".equals(args[0])) {
      int code;
      try (ApplicationContext context =
          ApplicationContext.run(properties, DemoCommand.ENVIRONMENT)) {
        code = context.getBean(DemoCommand.class).run(Arrays.copyOfRange(args, 1, args.length));
      }
      System.exit(code);
      return;
    }
    if (args.length > 0 && "reset-admin".equals(args[0])) {
      // recovers a lost admin password; the service may keep running meanwhile
      try (ApplicationContext context =
          ApplicationContext.run(properties, DemoCommand.ENVIRONMENT)) {
        System.out.println(context.getBean(AdminBootstrap.class).resetAdmin());
      } catch (IllegalStateException e) {
        System.err.println("Hongniang could not reset the admin login: " + e.getMessage());
        System.exit(1);
        return;
      }
      System.exit(0);
      return;
    }
    if (args.length > 0 && "reindex".equals(args[0])) {
      // stop the service first: the service's indexer would not see the new generation
      try (ApplicationContext context =
          ApplicationContext.run(properties, DemoCommand.ENVIRONMENT)) {
        SearchIndex.RebuildReport report = context.getBean(SearchIndex.class).rebuild();
        System.out.println(
            "Search index rebuilt: "
                + report.postings()
                + " postings, "
                + report.jobseekers()
                + " jobseekers in "
                + report.millis()
                + " ms ("
                + context.getBean(SearchIndex.class).folder()
                + ")");
      }
      System.exit(0);
      return;
    }
    if (args.length > 0 && "screen".equals(args[0])) {
      // the service may run meanwhile: the moves to REVIEW reach its index through the outbox
      try (ApplicationContext context =
          ApplicationContext.run(properties, DemoCommand.ENVIRONMENT)) {
        context.getBean(PostingService.class).screenAll().lines().forEach(System.out::println);
      }
      System.exit(0);
      return;
    }
    running.set(Micronaut.build(args).mainClass(Application.class).properties(properties).start());
  }

  /**
   * Closes the embedded database once the service has stopped (Micronaut's own shutdown hook stops
   * it, beside this one): the indexer and every pooled connection end before PostgreSQL does, so
   * stopping logs no failure. Waits at most half a minute.
   */
  private static void closeAfter(ApplicationContext context, EmbeddedDatabase embedded) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (context != null && context.isRunning() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    try {
      embedded.close();
    } catch (IOException e) {
      System.err.println("The embedded database did not stop cleanly: " + e.getMessage());
    }
  }

  /** An environment variable, or the system property of the same name. */
  private static String setting(String name) {
    String value = System.getProperty(name);
    return value != null ? value : System.getenv(name);
  }

  /**
   * The JWT signing secret: {@code JWT_SECRET}, else one generated once and kept in the data folder
   * so that logins survive a restart.
   */
  private static String jwtSecret(UnaryOperator<String> env, Path dataDir) throws IOException {
    String configured = env.apply("JWT_SECRET");
    if (configured != null && !configured.isBlank()) {
      if (configured.length() < 32) {
        throw new IOException("JWT_SECRET must be at least 32 characters");
      }
      return configured;
    }
    Path file = dataDir.resolve("jwt-secret");
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    Files.createDirectories(dataDir);
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    String secret = HexFormat.of().formatHex(bytes);
    Files.writeString(file, secret);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system; the folder's own permissions apply
    }
    return secret;
  }
}
