package hongniang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The service as an operator runs it: a child JVM started from {@code hongniang.Application}, with
 * the embedded PostgreSQL in a data folder that must survive stops, restarts and {@code kill -9}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceProcessIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String ADMIN_PASSWORD = "some-test-pass";
  private static final Path LOGS = Path.of("target", "service-process");

  /** Inherited settings that would point the child elsewhere than the test means. */
  private static final List<String> CLEARED_ENV =
      List.of(
          "DATABASE_URL",
          "DATABASE_USER",
          "DATABASE_PASSWORD",
          "DATASOURCES_DEFAULT_URL",
          "DATASOURCES_DEFAULT_USERNAME",
          "DATASOURCES_DEFAULT_PASSWORD",
          "JWT_SECRET",
          "ADMIN_USERNAME",
          "ADMIN_PASSWORD",
          "DATA_DIR",
          "DEMO_DATA",
          "DEMO_SEED",
          "PORT",
          "MICRONAUT_ENVIRONMENTS");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Service> started = new ArrayList<>();
  private final List<Path> dataDirs = new ArrayList<>();
  private int runs;

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void keepsDataAndLoginsAcrossAGracefulRestart() throws Exception {
    Path dataDir = newDataDir();
    Service first = start(dataDir, Map.of("ADMIN_PASSWORD", ADMIN_PASSWORD));
    String token = login(first, ADMIN_PASSWORD);
    long id = createCommunity(first, token, "进程测试社区");
    assertTrue(Files.isRegularFile(dataDir.resolve("jwt-secret")), "jwt-secret not written");

    first.stopGracefully();
    assertPostmasterStops(dataDir);
    // a clean stop: the database stops after the service, so nothing fails on the way down
    assertFalse(first.log().contains("\tat "), "a stack trace while stopping:\n" + first.log());

    // Started without ADMIN_PASSWORD: had the data been lost, a new admin with a generated
    // password would be created and the old password refused.
    Service second = start(dataDir, Map.of());
    assertEquals("进程测试社区", communityName(second, login(second, ADMIN_PASSWORD), id), second.log());
    // The token issued before the restart still verifies: the signing secret was kept.
    assertEquals("进程测试社区", communityName(second, token, id), second.log());
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void startsAgainAfterKillDashNine() throws Exception {
    Path dataDir = newDataDir();
    Service first = start(dataDir, Map.of("ADMIN_PASSWORD", ADMIN_PASSWORD));
    long id = createCommunity(first, login(first, ADMIN_PASSWORD), "强杀测试社区");

    first.process.destroyForcibly();
    assertTrue(first.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "JVM did not die");
    // The case this test is about: the postmaster outlives the JVM and holds postmaster.pid.
    Optional<ProcessHandle> leftover = postmaster(dataDir);
    assertTrue(leftover.isPresent(), "expected the postmaster to survive kill -9 of the JVM");

    Service second = start(dataDir, Map.of());
    assertEquals("强杀测试社区", communityName(second, login(second, ADMIN_PASSWORD), id), second.log());
    assertFalse(leftover.get().isAlive(), "the old postmaster should have been stopped");
  }

  /**
   * An import of thousands of residents writes as many outbox rows in one transaction; the service
   * is killed while its indexer works through them. After a restart every resident is searchable
   * and no outbox row is left: nothing was lost between PostgreSQL and Lucene.
   */
  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void aKilledIndexerLosesNothingAfterRestart() throws Exception {
    Path dataDir = newDataDir();
    Service first =
        start(
            dataDir,
            Map.of("ADMIN_PASSWORD", ADMIN_PASSWORD, "HONGNIANG_SEARCH_BATCH_SIZE", "200"));
    String token = login(first, ADMIN_PASSWORD);
    int rows = 3000;
    HttpResponse<String> imported =
        post(first, "/api/v1/jobseekers/import", residents(rows, "缝纫"), token);
    assertEquals(200, imported.statusCode(), imported.body());
    assertTrue(imported.body().contains("\"accepted\":" + rows), imported.body());
    first.process.destroyForcibly();
    assertTrue(first.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "JVM did not die");

    Service second = start(dataDir, Map.of());
    String again = login(second, ADMIN_PASSWORD);
    String status = awaitStatus(second, again, "\"pendingChanges\":0");
    assertTrue(status.contains("\"jobseekers\":" + rows), status + "\n" + second.log());
    assertTrue(status.contains("\"pendingChanges\":0"), status);
    String found =
        get(second, "/api/v1/jobseekers/search?q=%E7%BC%9D%E7%BA%AB&size=1&facets=true", again)
            .body();
    assertTrue(found.contains("\"total\":" + rows), found);
  }

  /**
   * A change is searchable as soon as the indexer applies it (near-real-time), but its outbox row
   * stays pending until the index has been committed; killed before that commit, the service
   * applies the rows again after a restart.
   */
  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void changesAreSearchableBeforeTheCommitAndPendingUntilIt() throws Exception {
    Path dataDir = newDataDir();
    Service first =
        start(
            dataDir,
            Map.of("ADMIN_PASSWORD", ADMIN_PASSWORD, "HONGNIANG_SEARCH_COMMIT_MS", "3600000"));
    String token = login(first, ADMIN_PASSWORD);
    int rows = 40;
    HttpResponse<String> imported =
        post(first, "/api/v1/jobseekers/import", residents(rows, "裁缝"), token);
    assertEquals(200, imported.statusCode(), imported.body());
    String status = awaitStatus(first, token, "\"jobseekers\":" + rows);
    assertTrue(status.contains("\"jobseekers\":" + rows), status + "\n" + first.log());
    assertTrue(status.contains("\"pendingChanges\":" + rows), status);
    first.process.destroyForcibly();
    assertTrue(first.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "JVM did not die");

    Service second = start(dataDir, Map.of());
    String again = login(second, ADMIN_PASSWORD);
    String after = awaitStatus(second, again, "\"pendingChanges\":0");
    assertTrue(after.contains("\"pendingChanges\":0"), after + "\n" + second.log());
    assertTrue(after.contains("\"jobseekers\":" + rows), after);
  }

  private static String residents(int rows, String skill) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < rows; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"name\":\"测试居民")
          .append(i)
          .append("\",\"gender\":\"FEMALE\",\"birthYear\":1975,\"communityId\":")
          .append(1 + i % 9)
          .append(",\"skills\":[\"")
          .append(skill)
          .append("\"],\"desiredOccupations\":[\"缝纫工\"]}");
    }
    return json.append("]").toString();
  }

  private String awaitStatus(Service service, String token, String wanted) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String status = "";
    while (System.nanoTime() < deadline) {
      status = get(service, "/api/v1/search/status", token).body();
      if (status.contains(wanted)) {
        break;
      }
      Thread.sleep(100);
    }
    return status;
  }

  /** The command-line rebuild, run while the service is stopped, leaves a working index. */
  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void theReindexCommandRebuildsTheIndex() throws Exception {
    Path dataDir = newDataDir();
    Service first = start(dataDir, Map.of("ADMIN_PASSWORD", ADMIN_PASSWORD));
    first.stopGracefully();
    Service reindex =
        launch(
            dataDir,
            Map.of("DATA_DIR", dataDir.toString(), "DEMO_DATA", "false"),
            List.of("reindex"));
    assertTrue(reindex.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), reindex.log());
    assertEquals(0, reindex.process.exitValue(), reindex.log());
    assertTrue(reindex.log().contains("Search index rebuilt: 0 postings"), reindex.log());
    Service again = start(dataDir, Map.of());
    assertEquals(200, get(again, "/api/v1/postings/search?q=x", null).statusCode(), again.log());
  }

  /** A lost admin password is recovered from the command line: the old one stops working. */
  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void theResetAdminCommandRecoversALostPassword() throws Exception {
    Path dataDir = newDataDir();
    Service first = start(dataDir, Map.of("ADMIN_PASSWORD", ADMIN_PASSWORD));
    first.stopGracefully();
    Service reset =
        launch(
            dataDir,
            Map.of("DATA_DIR", dataDir.toString(), "DEMO_DATA", "false"),
            List.of("reset-admin"));
    assertTrue(reset.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), reset.log());
    assertEquals(0, reset.process.exitValue(), reset.log());
    Matcher line =
        Pattern.compile("Admin login reset: admin / (\\S+)  \\(generated").matcher(reset.log());
    assertTrue(line.find(), reset.log());
    Service again = start(dataDir, Map.of());
    assertEquals(200, loginStatus(again, line.group(1)), again.log());
    assertEquals(401, loginStatus(again, ADMIN_PASSWORD), again.log());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void exitsWithOneClearLineWhenTheConfiguredDatabaseIsUnreachable() throws Exception {
    int closedPort = freePort();
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/x";
    Service service = launch(newDataDir(), Map.of("DATABASE_URL", url));
    assertTrue(
        service.process.waitFor(30, TimeUnit.SECONDS),
        "still running after 30 s: " + service.log());
    assertNotEquals(0, service.process.exitValue(), service.log());
    List<String> lines =
        Stream.concat(
                Files.readAllLines(service.out, StandardCharsets.UTF_8).stream(),
                Files.readAllLines(service.err, StandardCharsets.UTF_8).stream())
            .filter(l -> !l.isBlank())
            .toList();
    assertEquals(1, lines.size(), "expected exactly one line of output:\n" + service.log());
    assertTrue(lines.get(0).contains("cannot reach its database"), lines.get(0));
    assertTrue(lines.get(0).contains("127.0.0.1:" + closedPort + "/x"), lines.get(0));
  }

  @AfterEach
  void stopEverythingStarted() {
    for (Service service : started) {
      service.stopGracefully();
    }
    started.clear();
    for (Path dataDir : dataDirs) {
      postmaster(dataDir).ifPresent(ServiceProcessIT::stopPostmaster);
    }
  }

  @AfterAll
  void deleteDataDirs() throws IOException {
    for (Path dataDir : dataDirs) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  // --- the child service

  /** A running child JVM with its output files. */
  private record Service(Process process, int port, Path out, Path err) {

    String url(String path) {
      return "http://127.0.0.1:" + port + path;
    }

    /** SIGTERM, as an init system or Ctrl-C would send; SIGKILL only if that hangs. */
    void stopGracefully() {
      if (!process.isAlive()) {
        return;
      }
      process.destroy();
      try {
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          fail("service did not stop within " + WAIT + " of SIGTERM:\n" + log());
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }

    /** The tail of the child's output, for failure messages. */
    String log() {
      return "--- " + out + "\n" + tail(out) + "\n--- " + err + "\n" + tail(err);
    }

    private static String tail(Path file) {
      try {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
      } catch (IOException e) {
        return "(unreadable: " + e.getMessage() + ")";
      }
    }
  }

  /** Launches the service and waits until /health says UP. */
  private Service start(Path dataDir, Map<String, String> env) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("DATA_DIR", dataDir.toString());
    all.put("DEMO_DATA", "false");
    Service service = launch(dataDir, all);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!service.process.isAlive()) {
        fail("service exited with " + service.process.exitValue() + ":\n" + service.log());
      }
      try {
        HttpResponse<String> health = get(service, "/health", null);
        if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
          return service;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    fail("service not healthy within " + WAIT + ":\n" + service.log());
    return service;
  }

  private Service launch(Path dataDir, Map<String, String> env) throws IOException {
    return launch(dataDir, env, List.of());
  }

  private Service launch(Path dataDir, Map<String, String> env, List<String> args)
      throws IOException {
    Files.createDirectories(LOGS);
    int run = ++runs;
    String name = getClass().getSimpleName() + "-" + dataDir.getFileName() + "-" + run;
    Path out = LOGS.resolve(name + ".out");
    Path err = LOGS.resolve(name + ".err");
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(withArgs(java, args))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    CLEARED_ENV.forEach(builder.environment()::remove);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().putAll(env);
    Service service = new Service(builder.start(), port, out, err);
    started.add(service);
    return service;
  }

  private static List<String> withArgs(String java, List<String> args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "hongniang.Application"));
    command.addAll(args);
    return command;
  }

  private Path newDataDir() throws IOException {
    Path dir = Files.createTempDirectory("hongniang-process");
    dataDirs.add(dir);
    return dir;
  }

  /**
   * A port nothing listens on, below Linux's ephemeral range (32768 and up): a port the system
   * hands out for {@code bind(0)} could be taken again, before the service binds it, by the
   * service's own embedded PostgreSQL or by a connection's local end (seen once as "Port … already
   * in use").
   */
  private static int freePort() throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_768);
      try (ServerSocket socket = new ServerSocket(port)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free port between 20000 and 32767");
  }

  // --- the API as a client sees it

  private String login(Service service, String password) throws Exception {
    HttpResponse<String> reply =
        post(
            service,
            "/api/v1/login",
            "{\"username\":\"admin\",\"password\":\"" + password + "\"}",
            null);
    assertEquals(200, reply.statusCode(), reply.body() + "\n" + service.log());
    return field(reply.body(), "\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  }

  private int loginStatus(Service service, String password) throws Exception {
    return post(
            service,
            "/api/v1/login",
            "{\"username\":\"admin\",\"password\":\"" + password + "\"}",
            null)
        .statusCode();
  }

  private long createCommunity(Service service, String token, String name) throws Exception {
    HttpResponse<String> reply =
        post(service, "/api/v1/communities", "{\"name\":\"" + name + "\"}", token);
    assertEquals(201, reply.statusCode(), reply.body());
    return Long.parseLong(field(reply.body(), "\"id\"\\s*:\\s*(\\d+)"));
  }

  private String communityName(Service service, String token, long id) throws Exception {
    HttpResponse<String> reply = get(service, "/api/v1/communities/" + id, token);
    assertEquals(200, reply.statusCode(), reply.body());
    return field(reply.body(), "\"name\"\\s*:\\s*\"([^\"]+)\"");
  }

  private HttpResponse<String> get(Service service, String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path))).GET();
    return send(request, token);
  }

  private HttpResponse<String> post(Service service, String path, String json, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(service.url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    return send(request, token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String token)
      throws IOException, InterruptedException {
    request.timeout(Duration.ofSeconds(20)).header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String field(String json, String regex) {
    Matcher m = Pattern.compile(regex).matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + regex + " in " + json);
    }
    return m.group(1);
  }

  // --- the embedded PostgreSQL's postmaster

  /** The live postmaster named by the data folder's postmaster.pid, if any. */
  private static Optional<ProcessHandle> postmaster(Path dataDir) {
    Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        return Optional.empty();
      }
      return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void assertPostmasterStops(Path dataDir) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (postmaster(dataDir).isPresent() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertFalse(postmaster(dataDir).isPresent(), "postmaster still running after a clean stop");
  }

  /** SIGINT is PostgreSQL's fast shutdown; SIGKILL only if it does not finish. */
  private static void stopPostmaster(ProcessHandle postmaster) {
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(10, TimeUnit.SECONDS);
      postmaster.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      postmaster.destroyForcibly();
    }
  }
}
