package hongniang.referrals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** A resident asks to be referred to a posting, with an optional word to their matchmaker. */
@Serdeable
public record InterestRequest(@Nullable @Size(max = 1000) String note) {}
