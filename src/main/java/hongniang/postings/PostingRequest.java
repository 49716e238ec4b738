package hongniang.postings;

import hongniang.common.Education;
import hongniang.common.Schedule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A posting to create or replace. Wages are yuan per month ({@code wageNote} says e.g. "按小时 18元").
 * The work is in a community of the district ({@code workCommunityId}) or, said explicitly, outside
 * it ({@code outsideDistrict: true}, in {@code city}). An employer may leave out {@code
 * partnerUnitId}: it is their unit. On create, {@code status} may be DRAFT (default) or OPEN; later
 * changes go through the actions. {@code filledCount} counts placements and is read only: left out,
 * 0 on create, or as it is on a replace (else 422 ReadOnly).
 */
@Serdeable
public record PostingRequest(
    @Nullable Long partnerUnitId,
    @NotBlank @Size(max = 100) String title,
    @Nullable @Size(max = 4000) String description,
    @NotBlank @Size(max = 50) String occupation,
    @Nullable @Size(max = 30) List<@NotBlank @Size(max = 30) String> skills,
    @NotNull @Min(1) @Max(10000) Integer headcount,
    @Nullable @Min(0) Integer filledCount,
    @NotNull @Min(0) @Max(1000000) Integer wageMin,
    @NotNull @Min(0) @Max(1000000) Integer wageMax,
    @Nullable @Size(max = 100) String wageNote,
    @NotNull Schedule schedule,
    @Nullable Long workCommunityId,
    @Nullable @Size(max = 50) String city,
    @Nullable @Min(16) @Max(80) Integer minAge,
    @Nullable @Min(16) @Max(80) Integer maxAge,
    @Nullable Education minEducation,
    @Nullable @Size(max = 10) List<@NotBlank @Size(max = 30) String> requiredLicences,
    @Nullable Boolean publicWelfare,
    @Nullable Boolean accommodation,
    @Nullable Boolean disabilityFriendly,
    @NotNull LocalDate validThrough,
    @Nullable PostingStatus status,
    @Nullable Boolean outsideDistrict) {

  /** The same request for this unit. */
  PostingRequest forUnit(Long unitId) {
    return new PostingRequest(
        unitId,
        title,
        description,
        occupation,
        skills,
        headcount,
        filledCount,
        wageMin,
        wageMax,
        wageNote,
        schedule,
        workCommunityId,
        city,
        minAge,
        maxAge,
        minEducation,
        requiredLicences,
        publicWelfare,
        accommodation,
        disabilityFriendly,
        validThrough,
        status,
        outsideDistrict);
  }
}
