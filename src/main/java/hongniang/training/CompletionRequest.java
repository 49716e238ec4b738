package hongniang.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * How a resident finished a course: passed or not, the number of the certificate earned (only with
 * a pass), and the day (today when left out; not before the course started, not in the future).
 */
@Serdeable
public record CompletionRequest(
    @NotNull Boolean passed,
    @Nullable @Size(max = 50) String certificateNumber,
    @Nullable LocalDate completedOn) {}
