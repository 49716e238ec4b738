package hongniang.common;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The one clock: agreements expire and postings lapse by the street office's local date. */
@Factory
public class TimeFactory {

  @Singleton
  Clock clock(@Value("${hongniang.time-zone:Asia/Shanghai}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }
}
