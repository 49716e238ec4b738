package hongniang.accounts;

import hongniang.security.Role;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A user as the API shows it: never the password hash. */
@Serdeable
public record UserView(
    Long id,
    String username,
    Role role,
    String displayName,
    Long communityId,
    Long partnerUnitId,
    Long jobseekerId,
    boolean enabled,
    Instant createdAt) {

  static UserView of(User u) {
    return new UserView(
        u.id(),
        u.username(),
        u.role(),
        u.displayName(),
        u.communityId(),
        u.partnerUnitId(),
        u.jobseekerId(),
        u.enabled(),
        u.createdAt());
  }
}
