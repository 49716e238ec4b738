package hongniang.inbox;

import io.micronaut.serde.annotation.Serdeable;

/** How many messages a read-all marked read (those that were unread). */
@Serdeable
public record MarkedRead(int marked) {}
