package hongniang.referrals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** The withdrawal of a consent, with an optional note (staff record how they were told). */
@Serdeable
public record WithdrawalRequest(@Nullable @Size(max = 1000) String note) {}
