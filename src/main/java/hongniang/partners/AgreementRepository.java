package hongniang.partners;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AgreementRepository extends PageableRepository<Agreement, Long> {

  String FILTER =
      " FROM agreement agreement_ WHERE (CAST(:unitId AS BIGINT) IS NULL OR partner_unit_id = :unitId)"
          + " AND (CAST(:communityId AS BIGINT) IS NULL OR signing_community_id = :communityId)"
          + " AND (CAST(:status AS TEXT) IS NULL"
          + "  OR (:status = 'EXPIRED' AND status = 'ACTIVE' AND valid_until < :day)"
          + "  OR (:status = 'NOT_YET_VALID' AND status = 'ACTIVE' AND signed_on > :day)"
          + "  OR (:status = 'ACTIVE' AND status = 'ACTIVE' AND valid_until >= :day AND signed_on <= :day)"
          + "  OR (:status IN ('SUSPENDED', 'TERMINATED') AND status = :status))"
          + " AND (CAST(:expiringBy AS DATE) IS NULL OR (status = 'ACTIVE'"
          + "  AND valid_until >= :day AND valid_until <= :expiringBy))";

  @Query(value = "SELECT agreement_.*" + FILTER, countQuery = "SELECT count(*)" + FILTER)
  Page<Agreement> search(
      @Nullable Long unitId,
      @Nullable Long communityId,
      @Nullable String status,
      @Nullable LocalDate expiringBy,
      LocalDate day,
      Pageable pageable);

  @Query(
      "SELECT EXISTS (SELECT 1 FROM agreement WHERE partner_unit_id = :unitId"
          + " AND status = 'ACTIVE' AND signed_on <= :day AND valid_until >= :day)")
  boolean hasValidAgreement(long unitId, LocalDate day);

  /** The last day on which the unit is a partner, over its valid agreements. */
  @Query(
      "SELECT max(valid_until) FROM agreement WHERE partner_unit_id = :unitId"
          + " AND status = 'ACTIVE' AND signed_on <= :day AND valid_until >= :day")
  Optional<LocalDate> partnerUntil(long unitId, LocalDate day);

  List<Agreement> findByPartnerUnitIdOrderBySignedOnDesc(Long partnerUnitId);

  boolean existsByNumber(String number);

  boolean existsByNumberAndIdNotEqual(String number, Long id);
}
