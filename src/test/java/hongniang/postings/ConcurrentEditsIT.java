package hongniang.postings;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.jobseekers.JobseekerRequest;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Concurrent writes of one posting or one resident never lose a change: every response of one row
 * carries its version as the ETag, a write naming a stale version in If-Match is a 412 that stores
 * nothing, and a write that loses a race is a 409 rather than a silent overwrite.
 */
@MicronautTest(transactional = false)
class ConcurrentEditsIT extends ApiTest {

  private static final int ROUNDS = 30;

  @Test
  void aStaleIfMatchIsA412AndStoresNothing() {
    long unit = aPartner();
    long id = anOpenPosting(unit);
    Reply read = api().get("/api/v1/postings/" + id, admin());
    assertEquals("\"0\"", read.header("ETag"));
    assertEquals(0, read.num("version"));
    PostingRequest body = edit(aPosting(unit)).status(null).title("小区保洁员（夜班）").build();

    Reply first = put("/api/v1/postings/" + id, body, "\"0\"");
    assertEquals(200, first.status(), first.toString());
    assertEquals("\"1\"", first.header("ETag"));
    assertEquals(1, first.num("version"));

    Reply stale = put("/api/v1/postings/" + id, edit(body).title("小区保洁员（白班）").build(), "\"0\"");
    assertEquals(412, stale.status(), stale.toString());
    assertTrue(stale.contentType().startsWith("application/problem+json"), stale.contentType());
    assertEquals(List.of("If-Match:IfMatch"), stale.fieldRules());
    assertEquals("记录在你读取后已被修改，现为第 1 版：请重新读取后再改", stale.str("errors[0].message"));
    Reply after = api().get("/api/v1/postings/" + id, admin());
    assertEquals("小区保洁员（夜班）", after.str("title"));
    assertEquals(1, after.num("version"));

    Reply staleClose = act(id, "close", "W/\"0\"");
    assertEquals(412, staleClose.status(), staleClose.toString());
    assertEquals("OPEN", api().get("/api/v1/postings/" + id, admin()).str("status"));
  }

  @Test
  void aMatchingIfMatchWritesAndAnswersTheNewEtag() {
    long unit = aPartner();
    long id = anOpenPosting(unit);
    Reply paused = act(id, "pause", "W/\"0\"");
    assertEquals(200, paused.status(), paused.toString());
    assertEquals("PAUSED", paused.str("status"));
    assertEquals("\"1\"", paused.header("ETag"));
    Reply opened = act(id, "open", "\"7\", \"1\"");
    assertEquals(200, opened.status(), opened.toString());
    assertEquals("\"2\"", opened.header("ETag"));
    Reply any = put("/api/v1/postings/" + id, edit(aPosting(unit)).status(null).build(), "*");
    assertEquals(200, any.status(), any.toString());
    assertEquals(3, any.num("version"));

    Reply malformed = act(id, "close", "3");
    assertEquals(400, malformed.status(), malformed.toString());
    assertEquals(List.of("If-Match:IfMatch"), malformed.fieldRules());
    assertEquals("OPEN", api().get("/api/v1/postings/" + id, admin()).str("status"));
  }

  @Test
  void aResidentsProfileTakesIfMatchToo() {
    JobseekerRequest resident = aJobseeker(2);
    Reply created = api().post("/api/v1/jobseekers", resident, admin());
    assertEquals("\"0\"", created.header("ETag"));
    long id = created.num("id");
    JobseekerRequest body = edit(resident).name("王秀兰").build();
    Reply stale = send(HttpRequest.PUT("/api/v1/jobseekers/" + id, body), "\"4\"");
    assertEquals(412, stale.status(), stale.toString());
    assertEquals(List.of("If-Match:IfMatch"), stale.fieldRules());
    assertEquals("李秀英", api().get("/api/v1/jobseekers/" + id, admin()).str("name"));
    Reply fresh = send(HttpRequest.PUT("/api/v1/jobseekers/" + id, body), "\"0\"");
    assertEquals(200, fresh.status(), fresh.toString());
    assertEquals("\"1\"", fresh.header("ETag"));
    Reply read = api().get("/api/v1/jobseekers/" + id, admin());
    assertEquals("\"1\"", read.header("ETag"));
    assertEquals("王秀兰", read.str("name"));
  }

  /**
   * A PUT read OPEN, a close committed CLOSED, the PUT wrote its whole row with OPEN: the close was
   * lost. Now whenever the close answers 200 the posting stays CLOSED; the PUT either ran first or
   * answers 409 and stores nothing.
   */
  @Test
  void aPutRacingACloseNeverReopensThePosting() throws Exception {
    long unit = aPartner();
    Map<String, Integer> outcomes = new java.util.TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      long id = anOpenPosting(unit);
      String title = "小区保洁员（第" + round + "轮）";
      PostingRequest body = edit(aPosting(unit)).status(null).title(title).build();
      List<Reply> replies =
          together(
              () -> api().put("/api/v1/postings/" + id, body, admin()),
              () -> api().post("/api/v1/postings/" + id + "/close", Map.of(), admin()));
      Reply put = replies.get(0);
      Reply close = replies.get(1);
      Reply after = api().get("/api/v1/postings/" + id, admin());
      assertEquals(200, close.status(), close.toString());
      assertEquals("CLOSED", after.str("status"), "round " + round + ": " + put + " / " + close);
      if (put.status() == 200) {
        // the PUT ran first: the close came after it, on its text
        assertEquals(title, after.str("title"));
        assertTrue(put.num("version") < close.num("version"), put + " / " + close);
        outcomes.merge("put first", 1, Integer::sum);
      } else {
        assertEquals(409, put.status(), put.toString());
        assertTrue(
            Set.of(List.of("version:ConcurrentChange"), List.of("status:Transition"))
                .contains(put.fieldRules()),
            put.toString());
        assertEquals("小区保洁员", after.str("title"), "the refused PUT stored nothing");
        outcomes.merge(put.fieldRules().get(0), 1, Integer::sum);
      }
      assertEquals(after.num("version"), close.num("version"));
    }
    System.out.println("PUT racing close, " + ROUNDS + " rounds: " + outcomes);
  }

  /**
   * Two PUTs of one profile: one answers 409 or both apply one after the other; the row is the one
   * that answered 200 last, and each 200 raised the version once.
   */
  @Test
  void twoPutsOfOneProfileNeverLoseOneSilently() throws Exception {
    Map<String, Integer> outcomes = new java.util.TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      JobseekerRequest resident = aJobseeker(3);
      long id = api().post("/api/v1/jobseekers", resident, admin()).num("id");
      JobseekerRequest a = edit(resident).minWage(3000).experience("轮" + round + " A").build();
      JobseekerRequest b = edit(resident).minWage(4000).experience("轮" + round + " B").build();
      List<Reply> replies =
          together(
              () -> api().put("/api/v1/jobseekers/" + id, a, admin()),
              () -> api().put("/api/v1/jobseekers/" + id, b, admin()));
      Reply after = api().get("/api/v1/jobseekers/" + id, admin());
      List<Reply> applied = new ArrayList<>();
      for (Reply r : replies) {
        if (r.status() == 200) {
          applied.add(r);
        } else {
          assertEquals(409, r.status(), r.toString());
          assertEquals(List.of("version:ConcurrentChange"), r.fieldRules());
        }
      }
      assertTrue(!applied.isEmpty(), "one of two writes always wins: " + replies);
      Reply last =
          applied.stream().max((x, y) -> Long.compare(x.num("version"), y.num("version"))).get();
      assertEquals(last.str("experience"), after.str("experience"), "round " + round);
      assertEquals(last.num("minWage"), after.num("minWage"));
      assertEquals(applied.size(), after.num("version"), "each 200 raised the version once");
      outcomes.merge(applied.size() + " applied", 1, Integer::sum);
    }
    System.out.println("two PUTs of a profile, " + ROUNDS + " rounds: " + outcomes);
  }

  /** Two PUTs naming the same version: exactly one is stored, the other is a 412. */
  @Test
  void twoPutsNamingOneVersionStoreExactlyOne() throws Exception {
    for (int round = 0; round < 10; round++) {
      JobseekerRequest resident = aJobseeker(3);
      long id = api().post("/api/v1/jobseekers", resident, admin()).num("id");
      JobseekerRequest a = edit(resident).minWage(3000).build();
      JobseekerRequest b = edit(resident).minWage(4000).build();
      List<Reply> replies =
          together(
              () -> send(HttpRequest.PUT("/api/v1/jobseekers/" + id, a), "\"0\""),
              () -> send(HttpRequest.PUT("/api/v1/jobseekers/" + id, b), "\"0\""));
      List<Integer> statuses = replies.stream().map(Reply::status).sorted().toList();
      assertEquals(List.of(200, 412), statuses, replies.toString());
      Reply stored = replies.get(0).status() == 200 ? replies.get(0) : replies.get(1);
      Reply after = api().get("/api/v1/jobseekers/" + id, admin());
      assertEquals(stored.num("minWage"), after.num("minWage"));
      assertEquals(1, after.num("version"));
    }
  }

  private Reply put(String path, Object body, String ifMatch) {
    return send(HttpRequest.PUT(path, body), ifMatch);
  }

  private Reply act(long posting, String action, String ifMatch) {
    return send(HttpRequest.POST("/api/v1/postings/" + posting + "/" + action, Map.of()), ifMatch);
  }

  private Reply send(MutableHttpRequest<?> request, String ifMatch) {
    return api().send(request.header("If-Match", ifMatch), admin());
  }

  /** Sends both requests at the same moment from two threads; the replies in the same order. */
  private List<Reply> together(Supplier<Reply> first, Supplier<Reply> second) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Reply>> futures = new ArrayList<>();
      for (Supplier<Reply> request : List.of(first, second)) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return request.get();
                }));
      }
      List<Reply> replies = new ArrayList<>();
      for (Future<Reply> f : futures) {
        replies.add(f.get());
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }
}
