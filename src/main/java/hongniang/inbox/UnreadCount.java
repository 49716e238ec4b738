package hongniang.inbox;

import io.micronaut.serde.annotation.Serdeable;

/** How many of the caller's messages they have not read. */
@Serdeable
public record UnreadCount(long unread) {}
