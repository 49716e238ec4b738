package hongniang.postings;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApprovalRepository extends CrudRepository<Approval, Long> {

  /** The latest approval of each posting that has one. */
  @Query(
      "SELECT DISTINCT ON (posting_id) * FROM posting_approval WHERE posting_id IN (:postingIds)"
          + " ORDER BY posting_id, id DESC")
  List<Approval> latestOf(Collection<Long> postingIds);
}
