package hongniang.accounts;

import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("app_user")
record User(
    @Id @GeneratedValue @Nullable Long id,
    String username,
    String passwordHash,
    Role role,
    @Nullable String displayName,
    @Nullable Long communityId,
    @Nullable Long partnerUnitId,
    @Nullable Long jobseekerId,
    boolean enabled,
    @DateCreated @Nullable Instant createdAt,
    @DateUpdated @Nullable Instant updatedAt) {

  User withPasswordHash(String hash) {
    return new User(
        id,
        username,
        hash,
        role,
        displayName,
        communityId,
        partnerUnitId,
        jobseekerId,
        enabled,
        createdAt,
        updatedAt);
  }

  User withEnabled(boolean on, @Nullable String name) {
    return new User(
        id,
        username,
        passwordHash,
        role,
        name,
        communityId,
        partnerUnitId,
        jobseekerId,
        on,
        createdAt,
        updatedAt);
  }
}
