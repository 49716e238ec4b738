package hongniang.matches;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A run of the match board, kept so its proposals can be accepted later. */
@MappedEntity("board_run")
record BoardRun(
    @Id @GeneratedValue @Nullable Long id,
    @Nullable Long communityId,
    int perResident,
    String createdBy,
    @DateCreated @Nullable Instant createdAt) {}
