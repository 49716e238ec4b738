package hongniang.jobseekers;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** The answer to "still looking?", by the resident or by staff on their behalf. */
@Serdeable
public record StillLookingRequest(@NotNull StillLookingAnswer answer) {}
