package hongniang.jobseekers;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** The profile that duplicates the one merged into. */
@Serdeable
public record MergeRequest(@NotNull Long duplicateId) {}
