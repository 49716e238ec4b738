package hongniang.training;

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

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CourseRepository extends PageableRepository<Course, Long> {

  /** Filters; without {@code ended} only courses that have not ended by {@code day}. */
  String FILTER =
      " FROM course course_ WHERE (:ended = TRUE OR ends_on >= :day)"
          + " AND (CAST(:kind AS TEXT) IS NULL OR kind = :kind)"
          + " AND (CAST(:communityId AS BIGINT) IS NULL OR community_id = :communityId)"
          + " AND (CAST(:licence AS TEXT) IS NULL OR licence = :licence)";

  @Query(value = "SELECT course_.*" + FILTER, countQuery = "SELECT count(*)" + FILTER)
  Page<Course> search(
      boolean ended,
      LocalDate day,
      @Nullable String kind,
      @Nullable Long communityId,
      @Nullable String licence,
      Pageable pageable);

  List<Course> findByIdIn(Collection<Long> ids);

  /**
   * Takes a seat if one is left: one conditional statement, so concurrent enrolments queue on the
   * row and each sees the seats the others took. 0 when the course is full.
   */
  @Query(
      "UPDATE course SET seats_taken = seats_taken + 1, version = version + 1, updated_at = now()"
          + " WHERE id = :id AND seats_taken < seats")
  int takeSeat(long id);

  /** Gives a seat back (a withdrawal). */
  @Query(
      "UPDATE course SET seats_taken = seats_taken - 1, version = version + 1, updated_at = now()"
          + " WHERE id = :id AND seats_taken > 0")
  int giveSeatBack(long id);
}
