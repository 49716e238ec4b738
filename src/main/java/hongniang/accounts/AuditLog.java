package hongniang.accounts;

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

  /** One audit entry as the API shows it. */
  @Serdeable
  public record Entry(Instant at, String actor, String action, String detail) {}
}
