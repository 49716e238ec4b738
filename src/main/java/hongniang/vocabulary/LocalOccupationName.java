package hongniang.vocabulary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

@MappedEntity("local_occupation_name")
record LocalOccupationName(
    @Id @GeneratedValue Long id,
    String name,
    String nameKey,
    String code,
    @MappedProperty("group_id") String group,
    @Nullable String note,
    String createdBy,
    @Nullable @DateCreated Instant createdAt) {}
