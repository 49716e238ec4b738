package hongniang.partners;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PartnerUnitRepository extends PageableRepository<PartnerUnit, Long> {

  String VALID =
      "EXISTS (SELECT 1 FROM agreement a WHERE a.partner_unit_id = partner_unit_.id"
          + " AND a.status = 'ACTIVE' AND a.signed_on <= :day AND a.valid_until >= :day)";
  String FILTER =
      " FROM partner_unit partner_unit_ WHERE (CAST(:unitId AS BIGINT) IS NULL OR partner_unit_.id = :unitId)"
          + " AND (CAST(:communityId AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM agreement c"
          + " WHERE c.partner_unit_id = partner_unit_.id AND c.signing_community_id = :communityId))"
          + " AND (CAST(:partner AS BOOLEAN) IS NULL OR "
          + VALID
          + " = :partner)"
          + " AND (CAST(:q AS TEXT) IS NULL OR partner_unit_.name LIKE '%' || :q || '%')";

  @Query(value = "SELECT partner_unit_.*" + FILTER, countQuery = "SELECT count(*)" + FILTER)
  Page<PartnerUnit> search(
      @Nullable Long unitId,
      @Nullable Long communityId,
      @Nullable Boolean partner,
      @Nullable String q,
      LocalDate day,
      Pageable pageable);

  Optional<PartnerUnit> findByCreditCode(String creditCode);

  List<PartnerUnit> findByIdIn(Collection<Long> ids);

  boolean existsByCreditCodeAndIdNotEqual(String creditCode, Long id);

  boolean existsByCreditCode(String creditCode);
}
