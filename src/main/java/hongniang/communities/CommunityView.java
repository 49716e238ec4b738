package hongniang.communities;

import io.micronaut.serde.annotation.Serdeable;

/** A community as the API shows it. */
@Serdeable
public record CommunityView(Long id, String name, String description) {

  static CommunityView of(Community c) {
    return new CommunityView(c.id(), c.name(), c.description());
  }
}
