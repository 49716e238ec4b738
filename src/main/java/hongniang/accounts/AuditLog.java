package hongniang.accounts;

import hongniang.common.PageResponse;
import hongniang.common.Paging;
import io.micronaut.data.model.Pageable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * Records who read or changed a resident's personal data. The detail names fields, never their
 * values.
 */
@Singleton
public class AuditLog {

  private final AuditRepository entries;

  AuditLog(AuditRepository entries) {
    this.entries = entries;
  }

  /** Appends one entry in the caller's transaction. */
  @Transactional
  public void record(
      String actor, String action, String subjectType, Long subjectId, String detail) {
    entries.save(new AuditEntry(null, null, actor, action, subjectType, subjectId, detail));
  }

  /** The entries about one record, oldest first. */
  public List<Entry> about(String subjectType, long subjectId) {
    return entries.findBySubjectTypeAndSubjectIdOrderById(subjectType, subjectId).stream()
        .map(e -> new Entry(e.at(), e.actor(), e.action(), e.detail()))
        .toList();
  }

  /**
   * The log searched by who, what action, which record and when ({@code from} inclusive, {@code
   * until} exclusive); null filters match everything. Newest first, {@code size} to a page.
   */
  public PageResponse<Logged> search(
      String actor,
      String action,
      String subjectType,
      Long subjectId,
      Instant from,
      Instant until,
      int page,
      int size) {
    Paging.of(page, size); // the same limits as every list
    return PageResponse.of(
        entries.search(
            actor, action, subjectType, subjectId, from, until, Pageable.from(page, size)),
        e ->
            new Logged(
                e.id(), e.at(), e.actor(), e.action(), e.subjectType(), e.subjectId(), e.detail()));
  }

  /** One entry with the record it is about, for the street office's search of the log. */
  @Serdeable
  public record Logged(
      Long id,
      Instant at,
      String actor,
      String action,
      String subjectType,
      Long subjectId,
      String detail) {}

  /** One audit entry as the API shows it. */
  @Serdeable
  public record Entry(Instant at, String actor, String action, String detail) {}
}
