package hongniang.postings;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An admin's approval of a posting's text despite its blocking findings, and why. */
@Serdeable
public record ApprovalRequest(@NotBlank @Size(max = 500) String reason) {}
