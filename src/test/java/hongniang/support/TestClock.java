package hongniang.support;

import hongniang.common.TimeFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The service's clock in tests: the real time, moved forward when a test needs tomorrow (an
 * agreement's expiry, say) without waiting for it.
 */
public final class TestClock extends Clock {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private volatile Duration offset = Duration.ZERO;

  /** Moves the clock by the days given, from the real time. */
  public void setDaysAhead(long days) {
    offset = Duration.ofDays(days);
  }

  @Override
  public ZoneId getZone() {
    return ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  /** Replaces the service's clock with the test clock. */
  @Factory
  @Replaces(factory = TimeFactory.class)
  public static class TestClockFactory {
    @Singleton
    @Replaces(value = Clock.class, factory = TimeFactory.class)
    TestClock clock() {
      return new TestClock();
    }
  }
}
