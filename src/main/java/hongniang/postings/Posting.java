package hongniang.postings;

import hongniang.common.Education;
import hongniang.common.Schedule;
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

/**
 * A row of {@code posting}. Its status and {@code filledCount} never disagree: OPEN and PAUSED
 * postings have places left ({@code filledCount < headcount}); placements raise the count in SQL.
 */
@MappedEntity("posting")
record Posting(
    @Id @GeneratedValue @Nullable Long id,
    Long partnerUnitId,
    String title,
    @Nullable String description,
    String occupation,
    @TypeDef(type = DataType.STRING_ARRAY) String[] skills,
    int headcount,
    int filledCount,
    int wageMin,
    int wageMax,
    @Nullable String wageNote,
    Schedule schedule,
    @Nullable Long workCommunityId,
    String city,
    @Nullable Integer minAge,
    @Nullable Integer maxAge,
    Education minEducation,
    @TypeDef(type = DataType.STRING_ARRAY) String[] requiredLicences,
    boolean publicWelfare,
    boolean accommodation,
    boolean disabilityFriendly,
    LocalDate validThrough,
    PostingStatus status,
    // raised by every write, which is conditional on the version read: see common.RowVersions
    @Version long version,
    @DateCreated @Nullable Instant createdAt,
    @DateUpdated @Nullable Instant updatedAt) {

  Posting withStatus(PostingStatus next) {
    return new Posting(
        id,
        partnerUnitId,
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
        next,
        version,
        createdAt,
        updatedAt);
  }
}
