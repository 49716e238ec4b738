package hongniang.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A course to create or replace: what, who gives it, when ({@code endsOn} not before {@code
 * startsOn}), where, how many seats, and the licence or certificate it leads to ({@code licence},
 * as residents' licences name it: 育婴员证, 电工证), if any. {@code communityId} is the community that
 * runs it; left out, a matchmaker's own, or the street office's for an admin.
 */
@Serdeable
public record CourseRequest(
    @NotBlank @Size(max = 100) String title,
    @NotNull CourseKind kind,
    @NotBlank @Size(max = 100) String provider,
    @NotNull LocalDate startsOn,
    @NotNull LocalDate endsOn,
    @NotBlank @Size(max = 200) String place,
    @Nullable Long communityId,
    @NotNull @Min(1) @Max(1000) Integer seats,
    @Nullable @Size(max = 30) String licence,
    @Nullable @Size(max = 4000) String description) {}
