package hongniang.referrals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A matchmaker refers a resident to a posting; the note is for staff and the resident. */
@Serdeable
public record ReferralRequest(
    @NotNull Long jobseekerId, @NotNull Long postingId, @Nullable @Size(max = 1000) String note) {}
