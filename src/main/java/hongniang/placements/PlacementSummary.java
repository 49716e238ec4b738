package hongniang.placements;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * Placements that started between two days (either open), in one community or the street: how many,
 * of how many residents, how many are still in the work and how many ended, and how many of each
 * type (every type listed, zeros too). Cancelled placements count nowhere.
 */
@Serdeable
public record PlacementSummary(
    LocalDate from,
    LocalDate to,
    Long communityId,
    long total,
    long residents,
    long open,
    long ended,
    List<TypeCount> byType) {

  /** How many placements of one type. */
  @Serdeable
  public record TypeCount(PlacementType type, long count) {}
}
