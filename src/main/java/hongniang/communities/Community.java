package hongniang.communities;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("community")
record Community(
    @Id @GeneratedValue @Nullable Long id,
    String name,
    @Nullable String description,
    @Nullable String officeHours,
    @Nullable String address,
    @Nullable String phone,
    @DateCreated @Nullable Instant createdAt,
    @DateUpdated @Nullable Instant updatedAt) {}
