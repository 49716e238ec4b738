package hongniang.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("audit_log")
record AuditEntry(
    @Id @GeneratedValue @Nullable Long id,
    @DateCreated @Nullable Instant at,
    String actor,
    String action,
    String subjectType,
    @Nullable Long subjectId,
    @Nullable String detail) {}
