package hongniang.partners;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An agreement to sign or amend; status defaults to ACTIVE. */
@Serdeable
public record AgreementRequest(
    @NotBlank @Size(max = 50) String number,
    @NotNull Long signingCommunityId,
    @NotNull LocalDate signedOn,
    @NotNull LocalDate validUntil,
    @Nullable AgreementStatus status,
    @Nullable @Size(max = 1000) String notes) {}
