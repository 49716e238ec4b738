package hongniang.placements;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a placement is cancelled: it was recorded in error. */
@Serdeable
public record CancelRequest(@NotBlank @Size(max = 500) String reason) {}
