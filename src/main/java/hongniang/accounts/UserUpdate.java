package hongniang.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** Changes to a user: enable or disable, rename. */
@Serdeable
public record UserUpdate(@Nullable Boolean enabled, @Nullable @Size(max = 50) String displayName) {}
