package hongniang.placements;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.Gender;
import hongniang.communities.CommunityRequest;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import hongniang.support.TestClock;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The race: 200 hires at once for a posting's last place, over real HTTP (200 connections,
 * released together), against the real PostgreSQL. The database decides, so exactly one wins.
 */
@MicronautTest(transactional = false)
class ConcurrentHiresIT extends ApiTest {

  private static final int RACERS = 200;

  @Inject EmbeddedServer server;
  @Inject TestClock clock;
  @Inject JsonMapper mapper;

  @Test
  void twoHundredHiresForTheLastPlaceAreOneSuccessAndOneHundredNinetyNineConflicts()
      throws Exception {
    long community =
        api()
            .post(
                "/api/v1/communities",
                new CommunityRequest("争抢" + System.nanoTime() % 100_000_000, null),
                admin())
            .num("id");
    String matchmaker = userToken(Role.MATCHMAKER, community);
    long unit = aPartner();
    int headcount = 4;
    Reply created =
        api()
            .post(
                "/api/v1/postings",
                edit(aPosting(unit)).title("仓库理货员").headcount(headcount).build(),
                admin());
    assertEquals(201, created.status(), created.toString());
    long posting = created.num("id");
    LocalDate today = LocalDate.now(clock);
    for (int i = 0; i < headcount - 1; i++) {
      Reply placed =
          api().post("/api/v1/placements", body(resident(community), posting, today), matchmaker);
      assertEquals(201, placed.status(), placed.toString());
    }
    assertEquals(
        headcount - 1, api().get("/api/v1/postings/" + posting, admin()).num("filledCount"));
    String search = "/api/v1/postings/search?size=50&partnerUnitId=" + unit;
    eventually(() -> api().get(search, null), r -> hits(r).contains(posting));
    List<Long> racers = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      racers.add(resident(community));
    }

    List<HttpResponse<String>> replies = race(racers, posting, today, matchmaker);
    long finished = System.nanoTime();

    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> refusals = new ArrayList<>();
    for (HttpResponse<String> r : replies) {
      statuses.merge(r.statusCode(), 1, Integer::sum);
      if (r.statusCode() == 409) {
        refusals.add(r.body());
      }
    }
    assertEquals(Map.of(201, 1, 409, RACERS - 1), statuses, "replies by status");
    assertTrue(
        refusals.stream()
            .allMatch(
                b ->
                    b.contains("\"field\":\"postingId\"")
                        && b.contains("\"rule\":\"NoPlaceLeft\"")),
        refusals.get(0));

    Reply after = api().get("/api/v1/postings/" + posting, admin());
    assertEquals(headcount, after.num("filledCount"));
    assertEquals(0, after.num("remaining"));
    assertEquals("FILLED", after.str("status"));
    // exactly the places taken became placements, and only their residents are employed
    String placements = "/api/v1/placements?size=200&communityId=" + community;
    assertEquals(headcount, api().get(placements, admin()).num("totalItems"));
    assertEquals(
        headcount,
        api()
            .get("/api/v1/jobseekers?status=EMPLOYED&communityId=" + community, admin())
            .num("totalItems"));
    assertEquals(
        RACERS - 1,
        api()
            .get("/api/v1/jobseekers?status=SEEKING&communityId=" + community, admin())
            .num("totalItems"));
    assertEquals(
        3 * headcount,
        api()
            .get("/api/v1/follow-ups?size=200&communityId=" + community, admin())
            .num("totalItems"));

    // a full posting leaves search within the usual second
    eventually(() -> api().get(search, null), r -> !hits(r).contains(posting));
    long millis = (System.nanoTime() - finished) / 1_000_000;
    assertTrue(millis < 2_000, "the filled posting left search only after " + millis + " ms");
  }

  /** The hires, each on its own connection and thread, released together by a latch. */
  private List<HttpResponse<String>> race(
      List<Long> racers, long posting, LocalDate start, String token) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    URI uri = server.getURI().resolve("/api/v1/placements");
    ExecutorService threads = Executors.newFixedThreadPool(racers.size());
    CountDownLatch ready = new CountDownLatch(racers.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> pending = new ArrayList<>();
      for (long resident : racers) {
        String json = mapper.writeValueAsString(body(resident, posting, start));
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        pending.add(
            threads.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
      }
      assertTrue(ready.await(30, TimeUnit.SECONDS), "the racers never lined up");
      go.countDown();
      List<HttpResponse<String>> replies = new ArrayList<>();
      for (Future<HttpResponse<String>> f : pending) {
        replies.add(f.get(90, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      threads.shutdownNow();
    }
  }

  private static PlacementRequest body(long resident, long posting, LocalDate start) {
    return new PlacementRequest(resident, null, start, 2400, 12, posting, null, null, null);
  }

  private long resident(long community) {
    Reply created =
        api()
            .post(
                "/api/v1/jobseekers",
                edit(aJobseeker(community))
                    .idNumber(null)
                    .gender(Gender.MALE)
                    .birthYear(1975)
                    .build(),
                admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  private static List<Long> hits(Reply r) {
    return r.list("hits").stream()
        .map(h -> ((Number) ((Map<?, ?>) h).get("id")).longValue())
        .toList();
  }
}
