package hongniang.inbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A message as its reader sees it: the kind, its text in the reader's language, what it is about
 * (for a link), when it was sent and whether this reader has read it.
 */
@Serdeable
public record InboxItem(
    long id,
    String kind,
    String text,
    @Nullable String subjectType,
    @Nullable Long subjectId,
    Instant createdAt,
    boolean read) {}
