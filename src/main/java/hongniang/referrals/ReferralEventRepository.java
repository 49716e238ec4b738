package hongniang.referrals;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReferralEventRepository extends CrudRepository<ReferralEvent, Long> {

  List<ReferralEvent> findByReferralIdOrderById(long referralId);
}
