package hongniang.referrals;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConsentRepository extends CrudRepository<Consent, Long> {

  @Query("SELECT * FROM referral_consent WHERE referral_id = :referralId AND withdrawn_at IS NULL")
  Optional<Consent> active(long referralId);

  @Query(
      "SELECT * FROM referral_consent WHERE referral_id IN (:referralIds) AND withdrawn_at IS NULL")
  List<Consent> activeOf(Collection<Long> referralIds);

  List<Consent> findByReferralIdOrderById(long referralId);

  @Query(
      "UPDATE referral_consent SET withdrawn_at = :at, withdrawn_by = :by"
          + " WHERE referral_id = :referralId AND withdrawn_at IS NULL")
  long withdraw(long referralId, Instant at, String by);
}
