package hongniang.postings;

import io.micronaut.core.annotation.Introspected;
import java.time.Instant;

/** A posting's id and its last change: what a sitemap lists. */
@Introspected
public record PostingStamp(long id, Instant updatedAt) {}
