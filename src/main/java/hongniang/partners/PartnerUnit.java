package hongniang.partners;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("partner_unit")
record PartnerUnit(
    @Id @GeneratedValue @Nullable Long id,
    String name,
    String creditCode,
    @Nullable String address,
    @Nullable String contactPerson,
    @Nullable String contactPhone,
    @Nullable String industry,
    @DateCreated @Nullable Instant createdAt,
    @DateUpdated @Nullable Instant updatedAt) {}
