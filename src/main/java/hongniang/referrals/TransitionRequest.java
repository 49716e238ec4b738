package hongniang.referrals;

import hongniang.placements.PlacementType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A move of a referral: where to, why (a refusal's reason; {@code OTHER} needs a note), and what
 * the move needs: an interview for {@code INTERVIEW}, the placement for {@code HIRED}.
 */
@Serdeable
public record TransitionRequest(
    @NotNull ReferralState to,
    @Nullable RefusalReason reason,
    @Nullable @Size(max = 1000) String note,
    @Nullable Interview interview,
    @Nullable Hire placement) {

  /** When and where the interview is, and whom to ask for. */
  @Serdeable
  public record Interview(
      @NotNull LocalDate date,
      @NotNull LocalTime time,
      @NotBlank @Size(max = 200) String place,
      @NotBlank @Size(max = 100) String contact) {}

  /**
   * The job the resident was hired for: the placement's type (null: PUBLIC_WELFARE for a
   * public-welfare posting, FORMAL otherwise), start, monthly wage, contract months (null:
   * open-ended).
   */
  @Serdeable
  public record Hire(
      @Nullable PlacementType type,
      @NotNull LocalDate startDate,
      @NotNull @Min(0) @Max(1_000_000) Integer monthlyWage,
      @Nullable @Min(0) @Max(600) Integer contractMonths,
      @Nullable @Size(max = 1000) String note) {}
}
