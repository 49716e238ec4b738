package hongniang.jobseekers;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Gender;
import hongniang.common.Schedule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A resident's profile to create or replace. With an ID number, gender and birth year follow from
 * it (and must agree if also given); without one, both are required. An empty {@code
 * acceptableSchedules} means any schedule. {@code confirmedNotDuplicate: true} registers a resident
 * although another has the same phone, or the same name and birth (the 409 {@code
 * PossibleDuplicate} lists them); a replacement ignores it. {@code dataConsent} records how the
 * resident agreed to the service keeping their data (left out: as recorded before, or none).
 */
@Serdeable
public record JobseekerRequest(
    @NotBlank @Size(max = 50) String name,
    @Nullable Gender gender,
    @Nullable
        @Pattern(
            regexp = "^[0-9]{17}[0-9X]$",
            message = "18 characters: 17 digits and a digit or X")
        String idNumber,
    @Nullable Integer birthYear,
    @Nullable
        @Pattern(
            regexp = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$",
            message = "a mobile number (11 digits) or a landline with area code")
        String phone,
    @NotNull Long communityId,
    @Nullable Education education,
    @Nullable @Size(max = 30) List<@NotBlank @Size(max = 30) String> skills,
    @Nullable @Size(max = 4000) String experience,
    @Nullable @Size(max = 10) List<@NotBlank @Size(max = 30) String> desiredOccupations,
    @Nullable @Min(0) @Max(1000000) Integer minWage,
    @Nullable List<@NotNull Schedule> acceptableSchedules,
    @Nullable Boolean willingOutside,
    @Nullable @Size(max = 10) List<@NotBlank @Size(max = 30) String> licences,
    @Nullable List<@NotNull DifficultyCategory> difficultyCategories,
    @Nullable @Size(max = 500) String difficultyNote,
    @Nullable @Size(max = 500) String disabilityNote,
    @Nullable LocalDate unemployedSince,
    @Nullable JobseekerStatus status,
    @Nullable Boolean confirmedNotDuplicate,
    @Nullable DataConsent dataConsent) {}
