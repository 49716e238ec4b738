package hongniang.postings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/**
 * An admin's approval of a posting's text despite blocking findings: who, when, why, which text.
 */
@MappedEntity("posting_approval")
record Approval(
    @Id @GeneratedValue @Nullable Long id,
    Long postingId,
    String reason,
    String approvedBy,
    String textHash,
    @TypeDef(type = DataType.STRING_ARRAY) String[] findings,
    @DateCreated @Nullable Instant approvedAt) {}
