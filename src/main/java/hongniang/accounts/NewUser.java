package hongniang.accounts;

import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A user to create; the binding that matches the role is required. */
@Serdeable
public record NewUser(
    @NotBlank
        @Pattern(regexp = "^[A-Za-z0-9_.-]{3,40}$", message = "3 to 40 letters, digits, _ . -")
        String username,
    @NotBlank @Size(min = 8, max = 200) String password,
    @NotNull Role role,
    @Nullable @Size(max = 50) String displayName,
    @Nullable Long communityId,
    @Nullable Long partnerUnitId,
    @Nullable Long jobseekerId) {}
