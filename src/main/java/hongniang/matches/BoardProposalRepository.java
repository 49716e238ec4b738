package hongniang.matches;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface BoardProposalRepository extends CrudRepository<BoardProposal, Long> {

  @Query("SELECT * FROM board_proposal WHERE run_id = :runId ORDER BY posting_id, jobseeker_id")
  List<BoardProposal> ofRun(long runId);
}
