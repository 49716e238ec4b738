package hongniang.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A resident to enrol in a course, with a note if there is something to say. */
@Serdeable
public record EnrolmentRequest(@NotNull Long jobseekerId, @Nullable @Size(max = 500) String note) {}
