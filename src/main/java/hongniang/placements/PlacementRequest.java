package hongniang.placements;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A placement to record. With a {@code postingId} it takes one of the posting's places and the
 * employer is the posting's unit; without one, exactly one of {@code partnerUnitId} and {@code
 * employerName} names the employer (work found outside the partners, a business of their own).
 * Without a {@code type} it is PUBLIC_WELFARE for a public-welfare posting and FORMAL otherwise;
 * {@code contractMonths} left out means open-ended.
 */
@Serdeable
public record PlacementRequest(
    @NotNull Long jobseekerId,
    @Nullable PlacementType type,
    @NotNull LocalDate startDate,
    @NotNull @Min(0) @Max(100000) Integer monthlyWage,
    @Nullable @Min(0) @Max(120) Integer contractMonths,
    @Nullable Long postingId,
    @Nullable Long partnerUnitId,
    @Nullable @Size(max = 100) String employerName,
    @Nullable @Size(max = 1000) String note) {}
