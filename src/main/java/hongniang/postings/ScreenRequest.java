package hongniang.postings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Posting texts to screen without saving them, as a page checks them while they are typed. */
@Serdeable
public record ScreenRequest(
    @Nullable @Size(max = 100) String title,
    @Nullable @Size(max = 4000) String description,
    @Nullable @Size(max = 30) List<@NotBlank @Size(max = 30) String> skills) {}
