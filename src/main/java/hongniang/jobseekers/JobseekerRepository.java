package hongniang.jobseekers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface JobseekerRepository extends PageableRepository<Jobseeker, Long> {

  String FILTER =
      " FROM jobseeker jobseeker_ WHERE (CAST(:communityId AS BIGINT) IS NULL OR community_id = :communityId)"
          + " AND (CAST(:status AS TEXT) IS NULL OR status = :status)"
          + " AND (CAST(:category AS TEXT) IS NULL OR :category = ANY (difficulty_categories))"
          + " AND (CAST(:name AS TEXT) IS NULL OR name LIKE :name || '%')";

  @Query(value = "SELECT jobseeker_.*" + FILTER, countQuery = "SELECT count(*)" + FILTER)
  Page<Jobseeker> search(
      @Nullable Long communityId,
      @Nullable String status,
      @Nullable String category,
      @Nullable String name,
      Pageable pageable);

  List<Jobseeker> findByIdIn(Collection<Long> ids);

  boolean existsByIdNumber(String idNumber);

  boolean existsByIdNumberAndIdNotEqual(String idNumber, Long id);

  @Query("SELECT EXISTS (SELECT 1 FROM app_user WHERE jobseeker_id = :id)")
  boolean hasLogin(long id);

  /**
   * Whether the resident has a service history the ledgers keep: referrals, placements, training.
   */
  @Query(
      "SELECT EXISTS (SELECT 1 FROM referral WHERE jobseeker_id = :id)"
          + " OR EXISTS (SELECT 1 FROM placement WHERE jobseeker_id = :id)"
          + " OR EXISTS (SELECT 1 FROM enrolment WHERE jobseeker_id = :id)")
  boolean hasHistory(long id);

  /** Deletes the resident's own inbox messages (and so their read marks). */
  @Query("DELETE FROM inbox_message WHERE jobseeker_id = :id")
  int deleteMessagesOf(long id);

  /**
   * Appends a licence the resident does not hold yet, raising the row's version in the same
   * statement; 0 when they hold it already.
   */
  @Query(
      "UPDATE jobseeker SET licences = array_append(licences, CAST(:licence AS TEXT)),"
          + " version = version + 1, updated_at = now()"
          + " WHERE id = :id AND NOT (CAST(:licence AS TEXT) = ANY (licences))")
  int addLicence(long id, String licence);
}
