package hongniang.jobseekers;

import hongniang.common.Education;
import hongniang.common.Gender;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("jobseeker")
record Jobseeker(
    @Id @GeneratedValue @Nullable Long id,
    String name,
    Gender gender,
    @Nullable String idNumber,
    @Nullable LocalDate birthDate,
    int birthYear,
    @Nullable String phone,
    Long communityId,
    Education education,
    @TypeDef(type = DataType.STRING_ARRAY) String[] skills,
    @Nullable String experience,
    @TypeDef(type = DataType.STRING_ARRAY) String[] desiredOccupations,
    @Nullable Integer minWage,
    @TypeDef(type = DataType.STRING_ARRAY) String[] acceptableSchedules,
    boolean willingOutside,
    @TypeDef(type = DataType.STRING_ARRAY) String[] licences,
    @TypeDef(type = DataType.STRING_ARRAY) String[] difficultyCategories,
    @Nullable String difficultyNote,
    @Nullable String disabilityNote,
    @Nullable LocalDate unemployedSince,
    JobseekerStatus status,
    @Nullable String dataConsent,
    @Nullable Instant dataConsentAt,
    // raised by every write, which is conditional on the version read: see common.RowVersions
    @Version long version,
    @DateCreated @Nullable Instant createdAt,
    @DateUpdated @Nullable Instant updatedAt) {}
