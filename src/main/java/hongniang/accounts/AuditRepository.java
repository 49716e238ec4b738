package hongniang.accounts;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends CrudRepository<AuditEntry, Long> {

  List<AuditEntry> findBySubjectTypeAndSubjectIdOrderById(String subjectType, Long subjectId);

  Page<AuditEntry> findBySubjectTypeAndSubjectId(
      String subjectType, Long subjectId, Pageable pageable);
}
