package hongniang.communities;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A community to create or rename, with where and when its matchmakers can be met: office hours and
 * address in words, and a phone number (digits and dashes, e.g. 0598-8231234).
 */
@Serdeable
public record CommunityRequest(
    @NotBlank @Size(max = 50) String name,
    @Nullable @Size(max = 500) String description,
    @Nullable @Size(max = 200) String officeHours,
    @Nullable @Size(max = 200) String address,
    @Nullable @Pattern(regexp = "[0-9][0-9-]{4,19}") String phone) {

  @Creator
  public CommunityRequest {}

  /** A community with a name and description only. */
  public CommunityRequest(String name, @Nullable String description) {
    this(name, description, null, null, null);
  }
}
