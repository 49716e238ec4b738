package hongniang.placements;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a follow-up found. LEFT needs a {@code reason} (and only LEFT takes one); the reason OTHER
 * needs a {@code note} saying it.
 */
@Serdeable
public record FollowUpRequest(
    @NotNull FollowUpOutcome outcome,
    @Nullable LeaveReason reason,
    @Nullable @Size(max = 1000) String note) {}
