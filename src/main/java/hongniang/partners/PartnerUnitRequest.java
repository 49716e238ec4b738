package hongniang.partners;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partner unit to create or replace. */
@Serdeable
public record PartnerUnitRequest(
    @NotBlank @Size(max = 100) String name,
    @NotBlank
        @Pattern(
            regexp = "^[0-9A-HJ-NPQRTUWXY]{18}$",
            message = "18 characters: digits and capital letters except I, O, S, V, Z")
        String creditCode,
    @Nullable @Size(max = 200) String address,
    @Nullable @Size(max = 50) String contactPerson,
    @Nullable @Pattern(regexp = "^[0-9+\\- ]{5,20}$", message = "5 to 20 digits")
        String contactPhone,
    @Nullable @Size(max = 50) String industry) {}
