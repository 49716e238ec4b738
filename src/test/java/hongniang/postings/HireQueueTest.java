package hongniang.postings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Hires of one posting take turns, so many at once; other postings' hires do not wait on them. */
class HireQueueTest {

  @Test
  void atMostTheTurnsOfAPostingRunAtOnce() throws Exception {
    HireQueue queue = new HireQueue(2);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<Integer>> hires = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        hires.add(
            pool.submit(
                () ->
                    queue.inTurn(
                        7L,
                        () -> {
                          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                          sleep(20);
                          inside.decrementAndGet();
                          return 1;
                        })));
      }
      int done = 0;
      for (Future<Integer> h : hires) {
        done += h.get(10, TimeUnit.SECONDS);
      }
      assertEquals(12, done);
      assertEquals(2, most.get(), "two turns at once, never more, and both used");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anotherPostingAndHiresWithoutOneDoNotWait() throws Exception {
    HireQueue queue = new HireQueue(1);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> busy =
          pool.submit(
              () ->
                  queue.inTurn(
                      7L,
                      () -> {
                        holding.countDown();
                        await(release);
                        return 1;
                      }));
      assertTrue(holding.await(5, TimeUnit.SECONDS));
      // posting 8 is in another stripe; a placement without a posting takes no turn
      assertEquals(2, queue.inTurn(8L, () -> 2));
      assertEquals(3, queue.inTurn(null, () -> 3));
      release.countDown();
      assertEquals(1, busy.get(5, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
