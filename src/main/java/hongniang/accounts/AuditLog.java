package hongniang.accounts;

import hongniang.common.PageResponse;
import hongniang.common.Paging;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records who read or changed a resident's personal data. The detail names fields, never their
 * values.
 */
@Singleton
public class AuditLog {

  private final AuditRepository entries;
  private final UserRepository users;

  AuditLog(AuditRepository entries, UserRepository users) {
    this.entries = entries;
    this.users = users;
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

  /**
   * The entries about one record, newest first, a page at a time (page from 0), each with its
   * actor's role and name as their account has them (null for the service's own actors).
   */
  @Transactional
  public PageResponse<Reader> aboutNewestFirst(
      String subjectType, long subjectId, Integer page, Integer size) {
    Pageable asked = Paging.of(page, size);
    Page<AuditEntry> found =
        entries.findBySubjectTypeAndSubjectId(
            subjectType,
            subjectId,
            Pageable.from(asked.getNumber(), asked.getSize(), Sort.of(Sort.Order.desc("id"))));
    List<String> names = found.getContent().stream().map(AuditEntry::actor).distinct().toList();
    Map<String, User> actors =
        names.isEmpty()
            ? Map.of()
            : users.findByUsernameIn(names).stream()
                .collect(Collectors.toMap(User::username, Function.identity()));
    return PageResponse.of(
        found,
        e -> {
          User u = actors.get(e.actor());
          return new Reader(
              e.at(),
              e.actor(),
              u == null ? null : u.role(),
              u == null ? null : u.displayName(),
              e.action(),
              e.detail());
        });
  }

  /** One audit entry as the API shows it. */
  @Serdeable
  public record Entry(Instant at, String actor, String action, String detail) {}

  /**
   * One audit entry with who its actor is: their role and display name, when they have an account.
   */
  @Serdeable
  public record Reader(
      Instant at,
      String actor,
      @Nullable Role role,
      @Nullable String name,
      String action,
      @Nullable String detail) {}
}
