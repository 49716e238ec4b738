package hongniang.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueryCacheTest {

  @Test
  void aTextIsBuiltOnceWhileItIsAmongTheRecentOnes() {
    QueryCache<Object> cache = new QueryCache<>();
    AtomicInteger builds = new AtomicInteger();
    Object first = cache.get("保洁", t -> new Object[] {t, builds.incrementAndGet()});
    assertSame(first, cache.get("保洁", t -> new Object[] {t, builds.incrementAndGet()}));
    assertEquals(1, builds.get());
    // the least recently used text goes first: 保洁 is used again, so "0" is the one dropped
    for (int i = 0; i < QueryCache.SIZE; i++) {
      cache.get(Integer.toString(i), t -> builds.incrementAndGet());
      cache.get("保洁", t -> builds.incrementAndGet());
    }
    assertEquals(1 + QueryCache.SIZE, builds.get());
    assertSame(first, cache.get("保洁", t -> builds.incrementAndGet()));
    cache.get("0", t -> builds.incrementAndGet());
    assertEquals(2 + QueryCache.SIZE, builds.get());
  }
}
