package hongniang.vocabulary;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A local name as staff see it: the occupation it names (code, name, group and its label), who
 * added it and when; after a change, how many postings and residents were queued for re-indexing.
 */
@Serdeable
public record LocalNameView(
    long id,
    String name,
    String code,
    String occupation,
    String group,
    String groupLabel,
    String note,
    String createdBy,
    Instant createdAt,
    Reindexed reindexed) {

  /** Documents queued for re-indexing because the change reads their names differently. */
  @Serdeable
  public record Reindexed(int postings, int jobseekers) {}
}
