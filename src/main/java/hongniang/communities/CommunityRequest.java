package hongniang.communities;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A community to create or rename. */
@Serdeable
public record CommunityRequest(
    @NotBlank @Size(max = 50) String name, @Nullable @Size(max = 500) String description) {}
