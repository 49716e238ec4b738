package hongniang.communities;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A community as the API shows it: its name, words about it, and where and when to meet its
 * matchmakers.
 */
@Serdeable
public record CommunityView(
    Long id,
    String name,
    @Nullable String description,
    @Nullable String officeHours,
    @Nullable String address,
    @Nullable String phone) {

  static CommunityView of(Community c) {
    return new CommunityView(
        c.id(), c.name(), c.description(), c.officeHours(), c.address(), c.phone());
  }
}
