package hongniang.accounts;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An admin's reset of another user's password. */
@Serdeable
public record PasswordReset(@NotBlank @Size(min = 8, max = 200) String newPassword) {}
