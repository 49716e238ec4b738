package hongniang.matches;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Which proposals of a board run to accept: the pairs named, or every proposal when {@code
 * proposals} is left out; the note goes on each referral.
 */
@Serdeable
public record AcceptRequest(
    @Nullable @Size(min = 1, max = 20_000) List<@NotNull Pair> proposals,
    @Nullable @Size(max = 1000) String note) {

  /** One proposal, named by its posting and resident. */
  @Serdeable
  public record Pair(@NotNull Long postingId, @NotNull Long jobseekerId) {}
}
