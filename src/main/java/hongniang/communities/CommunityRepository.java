package hongniang.communities;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CommunityRepository extends PageableRepository<Community, Long> {

  Optional<Community> findByName(String name);

  boolean existsByNameAndIdNotEqual(String name, Long id);

  boolean existsByName(String name);

  List<Community> findAllOrderById();
}
