package hongniang.vocabulary;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface LocalOccupationNameRepository extends CrudRepository<LocalOccupationName, Long> {

  List<LocalOccupationName> findAllOrderById();

  boolean existsByNameKey(String nameKey);

  boolean existsByCode(String code);
}
