package hongniang.communities;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;

/** Adds the configured communities ({@code hongniang.communities}) that are not there yet. */
@Singleton
class CommunitySeeder {

  private final CommunityService communities;
  private final List<String> names;

  CommunitySeeder(
      CommunityService communities, @Property(name = "hongniang.communities") List<String> names) {
    this.communities = communities;
    this.names = names;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    communities.seed(names);
  }
}
