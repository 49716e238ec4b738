package hongniang.accounts;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A request to change one's own password. */
@Serdeable
public record PasswordChange(
    @NotBlank String currentPassword, @NotBlank @Size(min = 8, max = 200) String newPassword) {}
