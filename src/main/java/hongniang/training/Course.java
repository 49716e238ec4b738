package hongniang.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code course}; {@code seatsTaken} moves only by conditional SQL (the repository). */
@MappedEntity("course")
record Course(
    @Id @GeneratedValue @Nullable Long id,
    String title,
    CourseKind kind,
    String provider,
    LocalDate startsOn,
    LocalDate endsOn,
    String place,
    @Nullable Long communityId,
    int seats,
    int seatsTaken,
    @Nullable String licence,
    @Nullable String description,
    @Version long version,
    @DateCreated @Nullable Instant createdAt,
    @DateUpdated @Nullable Instant updatedAt) {}
