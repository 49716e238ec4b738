package hongniang.postings;

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
interface PostingRepository extends PageableRepository<Posting, Long> {

  /**
   * Filters; {@code current} keeps only what a resident may see: open, within its validity, and
   * from a unit whose agreement is valid today.
   */
  String FILTER =
      " FROM posting posting_ WHERE (CAST(:unitId AS BIGINT) IS NULL OR partner_unit_id = :unitId)"
          + " AND (CAST(:communityId AS BIGINT) IS NULL OR work_community_id = :communityId)"
          // EXPIRED is an OPEN posting past its validity; OPEN means open and still valid
          + " AND (CAST(:status AS TEXT) IS NULL"
          + "  OR (:status = 'EXPIRED' AND status = 'OPEN' AND valid_through < :day)"
          + "  OR (:status <> 'EXPIRED' AND status = :status"
          + "   AND (:status <> 'OPEN' OR valid_through >= :day)))"
          + " AND (CAST(:schedule AS TEXT) IS NULL OR schedule = :schedule)"
          + " AND (CAST(:publicWelfare AS BOOLEAN) IS NULL OR public_welfare = :publicWelfare)"
          + " AND (CAST(:outside AS BOOLEAN) IS NULL OR (work_community_id IS NULL) = :outside)"
          + " AND (:current = FALSE OR (status = 'OPEN' AND valid_through >= :day"
          + "  AND EXISTS (SELECT 1 FROM agreement a WHERE a.partner_unit_id = posting_.partner_unit_id"
          + "  AND a.status = 'ACTIVE' AND a.signed_on <= :day AND a.valid_until >= :day)))";

  /** The postings everyone may see (as {@code current} in {@link #FILTER}), newest change first. */
  @Query(
      "SELECT id, updated_at FROM posting posting_ WHERE status = 'OPEN' AND valid_through >= :day"
          + " AND EXISTS (SELECT 1 FROM agreement a WHERE a.partner_unit_id ="
          + " posting_.partner_unit_id AND a.status = 'ACTIVE' AND a.signed_on <= :day"
          + " AND a.valid_until >= :day) ORDER BY updated_at DESC, id LIMIT :limit")
  List<PostingStamp> findPublic(LocalDate day, int limit);

  @Query(value = "SELECT posting_.*" + FILTER, countQuery = "SELECT count(*)" + FILTER)
  Page<Posting> search(
      @Nullable Long unitId,
      @Nullable Long communityId,
      @Nullable String status,
      @Nullable String schedule,
      @Nullable Boolean publicWelfare,
      @Nullable Boolean outside,
      boolean current,
      LocalDate day,
      Pageable pageable);

  /**
   * Postings that are not closed, by id, after an id: a screening run reads them in batches, each
   * locked until its transaction ends so that the statuses it writes rest on what it read.
   */
  @Query(
      "SELECT * FROM posting WHERE id > :after AND status <> 'CLOSED' ORDER BY id LIMIT :limit"
          + " FOR UPDATE")
  List<Posting> notClosedAfter(long after, int limit);

  /**
   * The posting, its row locked until the transaction ends: an action (open, pause, fill, close,
   * approve) and any other write of the row run one after the other, never interleaved.
   */
  @Query("SELECT * FROM posting WHERE id = :id FOR UPDATE")
  Optional<Posting> lockById(long id);
}
