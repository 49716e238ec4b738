package hongniang.placements;

import java.time.LocalDate;

/**
 * What a hire through a referral says of the work: the type (null: PUBLIC_WELFARE for a
 * public-welfare posting, FORMAL otherwise), the start date and monthly wage (both required), the
 * contract's months (null: open-ended) and a note. Checked as a {@link PlacementRequest} is.
 */
public record HireDetails(
    PlacementType type,
    LocalDate startDate,
    Integer monthlyWage,
    Integer contractMonths,
    String note) {}
