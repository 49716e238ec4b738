package hongniang.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.communities.CommunityRequest;
import hongniang.communities.CommunityService;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import hongniang.support.TestClock;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} end to end, on the creating POST of communities: a retry returns the
 * first result, another body under the key is a 422, concurrent retries create once, a failed
 * request remembers nothing.
 */
@MicronautTest(transactional = false)
class IdempotencyIT extends ApiTest {

  private static final String COMMUNITIES = "/api/v1/communities";

  @Inject
  @Client("/")
  HttpClient client;

  @Inject DataSource dataSource;
  @Inject TestClock clock;
  @Inject Idempotency idempotency;
  @Inject CommunityService communities;
  @Inject TransactionOperations<Connection> tx;

  @AfterEach
  void realTime() {
    clock.setDaysAhead(0);
  }

  private static String aKey() {
    return UUID.randomUUID().toString();
  }

  private static CommunityRequest aCommunity() {
    return new CommunityRequest("幂等社区" + System.nanoTime() % 10_000_000, null);
  }

  private Reply create(String key, CommunityRequest body, String token) {
    MutableHttpRequest<CommunityRequest> request = HttpRequest.POST(COMMUNITIES, body);
    return api().send(key == null ? request : request.header(Idempotency.HEADER, key), token);
  }

  /** The response itself, for its headers. */
  private HttpResponse<?> exchange(String key, CommunityRequest body, String token) {
    try {
      return client
          .toBlocking()
          .exchange(
              HttpRequest.POST(COMMUNITIES, body).header(Idempotency.HEADER, key).bearerAuth(token),
              Argument.of(Map.class));
    } catch (HttpClientResponseException e) {
      return e.getResponse();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long count(String sql, String value) {
    try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private long communitiesNamed(String name) {
    return count("SELECT count(*) FROM community WHERE name = ?", name);
  }

  private long keysStored(String key) {
    return count("SELECT count(*) FROM idempotency_key WHERE key = ?", key);
  }

  @Test
  void aRetryWithTheSameKeyAndBodyReturnsTheFirstResultAndCreatesNothing() {
    String key = aKey();
    CommunityRequest body = aCommunity();
    HttpResponse<?> first = exchange(key, body, admin());
    assertEquals(201, first.code());
    assertFalse(first.getHeaders().contains(Idempotency.REPLAYED_HEADER));
    HttpResponse<?> retry = exchange(key, body, admin());
    assertEquals(201, retry.code());
    assertEquals("true", retry.getHeaders().get(Idempotency.REPLAYED_HEADER));
    assertEquals(first.body(), retry.body());
    assertEquals(1, communitiesNamed(body.name()));
    assertEquals(1, keysStored(key));

    // without a key every request is a first one: the same body again clashes with the name
    Reply again = create(null, body, admin());
    assertEquals(409, again.status());
    assertEquals(List.of("name:Unique"), again.fieldRules());
  }

  @Test
  void theSameKeyWithAnotherBodyIs422AndCreatesNothing() {
    String key = aKey();
    Reply first = create(key, aCommunity(), admin());
    assertEquals(201, first.status(), first.toString());
    CommunityRequest other = aCommunity();
    Reply refused = create(key, other, admin());
    assertEquals(422, refused.status(), refused.toString());
    assertTrue(refused.contentType().startsWith("application/problem+json"), refused.toString());
    assertEquals(List.of("Idempotency-Key:IdempotencyKey"), refused.fieldRules());
    assertEquals("无法处理", refused.str("title"));
    assertEquals(
        "此 Idempotency-Key 已用于另一个请求：重试时请发送相同的内容，新的请求请换一个键", refused.str("errors[0].message"));
    assertEquals(0, communitiesNamed(other.name()));
    Reply english =
        api()
            .send(
                HttpRequest.POST(COMMUNITIES, other).header(Idempotency.HEADER, key),
                admin(),
                "en");
    assertEquals(
        "this Idempotency-Key was used for another request: retry with the same body, or use a new"
            + " key for a new request",
        english.str("detail"));
  }

  @Test
  void differentUsersWithTheSameKeyAreIndependent() {
    String key = aKey();
    Reply mine = create(key, aCommunity(), admin());
    Reply theirs = create(key, aCommunity(), userToken(Role.ADMIN, null));
    assertEquals(201, mine.status(), mine.toString());
    assertEquals(201, theirs.status(), theirs.toString());
    assertTrue(mine.num("id") != theirs.num("id"));
    assertEquals(2, keysStored(key));
  }

  @Test
  void concurrentRequestsWithTheSameKeyCreateOnce() throws Exception {
    String key = aKey();
    CommunityRequest body = aCommunity();
    String token = admin();
    int n = 10;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return create(key, body, token);
                }));
      }
      start.countDown();
      List<Long> ids = new ArrayList<>();
      for (Future<Reply> reply : replies) {
        Reply r = reply.get();
        assertEquals(201, r.status(), r.toString());
        ids.add(r.num("id"));
      }
      assertEquals(1, ids.stream().distinct().count(), "" + ids);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, communitiesNamed(body.name()));
    assertEquals(1, keysStored(key));
  }

  /**
   * While the first request's transaction is open, a retry waits on the key's row; when the first
   * commits, the retry answers with its result, replayed.
   */
  @Test
  void aRetryWaitsForTheFirstRequestInFlight() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    String key = aKey();
    CommunityRequest body = aCommunity();
    String token = admin(); // signed in before the retry's wait is timed
    try {
      Future<Long> first =
          pool.submit(
              () ->
                  tx.executeWrite(
                      status -> {
                        long id = communities.create(key, "admin", body).id();
                        firstStarted.countDown();
                        await(commit);
                        return id;
                      }));
      firstStarted.await();
      Future<HttpResponse<?>> retry = pool.submit(() -> exchange(key, body, token));
      Thread.sleep(700);
      assertFalse(retry.isDone(), "the retry must wait for the first request's transaction");
      commit.countDown();
      HttpResponse<?> answered = retry.get();
      assertEquals(201, answered.code());
      assertEquals(first.get(), ((Number) ((Map<?, ?>) answered.body()).get("id")).longValue());
      assertEquals("true", answered.getHeaders().get(Idempotency.REPLAYED_HEADER));
    } finally {
      commit.countDown();
      pool.shutdown();
    }
    assertEquals(1, communitiesNamed(body.name()));
  }

  @Test
  void aFailedRequestRemembersNothing() {
    String key = aKey();
    // refused inside the service, after the key's row was written: the rollback takes it
    Reply clash = create(key, new CommunityRequest("下洋", null), admin());
    assertEquals(409, clash.status(), clash.toString());
    assertEquals(0, keysStored(key));
    // refused before the service: nothing to take back
    Reply blank = create(key, new CommunityRequest(" ", null), admin());
    assertEquals(List.of("name:NotBlank"), blank.fieldRules());
    assertEquals(0, keysStored(key));
    // so the next request under the key is a first one, whatever its body
    CommunityRequest body = aCommunity();
    Reply created = create(key, body, admin());
    assertEquals(201, created.status(), created.toString());
    assertEquals(created.num("id"), create(key, body, admin()).num("id"));
    assertEquals(1, communitiesNamed(body.name()));
  }

  @Test
  void aMalformedKeyIs400() {
    CommunityRequest body = aCommunity();
    // (a non-ASCII key cannot be tested here: the HTTP client sends only the low byte of a char)
    for (String key : List.of("a b", "x".repeat(201))) {
      Reply refused = create(key, body, admin());
      assertEquals(400, refused.status(), key + ": " + refused);
      assertEquals(List.of("Idempotency-Key:IdempotencyKey"), refused.fieldRules());
      assertEquals("Idempotency-Key 须为 1 至 200 个可见 ASCII 字符（不含空格）", refused.str("detail"));
    }
    assertEquals(0, communitiesNamed(body.name()));
    assertEquals(201, create("x".repeat(200), body, admin()).status());
  }

  @Test
  void aKeyIsRememberedForADay() {
    String key = aKey();
    Reply first = create(key, aCommunity(), admin());
    assertEquals(201, first.status(), first.toString());
    clock.setDaysAhead(2);
    CommunityRequest later = aCommunity();
    Reply second = create(key, later, admin());
    assertEquals(201, second.status(), second.toString());
    assertTrue(second.num("id") != first.num("id"));
    assertEquals(1, keysStored(key));

    String pruned = aKey();
    assertEquals(201, create(pruned, aCommunity(), admin()).status());
    clock.setDaysAhead(4);
    idempotency.prune();
    assertEquals(0, keysStored(pruned));
    assertEquals(0, keysStored(key));
  }

  @Test
  void aNullKeyJustRuns() {
    assertNull(idempotency.once(null, "admin", "test", Map.of(), String.class, () -> null));
  }
}
