package hongniang.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends CrudRepository<AuditEntry, Long> {

  List<AuditEntry> findBySubjectTypeAndSubjectIdOrderById(String subjectType, Long subjectId);

  String FILTER =
      " FROM audit_log audit_entry_ WHERE (CAST(:actor AS TEXT) IS NULL OR actor = :actor)"
          + " AND (CAST(:action AS TEXT) IS NULL OR action = :action)"
          + " AND (CAST(:subjectType AS TEXT) IS NULL OR subject_type = :subjectType)"
          + " AND (CAST(:subjectId AS BIGINT) IS NULL OR subject_id = :subjectId)"
          + " AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR at >= :from)"
          + " AND (CAST(:until AS TIMESTAMPTZ) IS NULL OR at < :until)";

  /** Entries matching the filters that are given (null: any), newest first. */
  @Query(
      value = "SELECT audit_entry_.*" + FILTER + " ORDER BY id DESC",
      countQuery = "SELECT count(*)" + FILTER)
  Page<AuditEntry> search(
      @Nullable String actor,
      @Nullable String action,
      @Nullable String subjectType,
      @Nullable Long subjectId,
      @Nullable Instant from,
      @Nullable Instant until,
      Pageable pageable);

  Page<AuditEntry> findBySubjectTypeAndSubjectId(
      String subjectType, Long subjectId, Pageable pageable);
}
