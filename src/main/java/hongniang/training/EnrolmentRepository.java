package hongniang.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface EnrolmentRepository extends PageableRepository<Enrolment, Long> {

  /** A course's enrolments; {@code communityId} keeps those of that community's residents. */
  String OF_COURSE =
      " FROM enrolment enrolment_ WHERE course_id = :courseId"
          + " AND (CAST(:status AS TEXT) IS NULL OR status = :status)"
          + " AND (CAST(:communityId AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM jobseeker j"
          + " WHERE j.id = enrolment_.jobseeker_id AND j.community_id = :communityId))";

  @Query(value = "SELECT enrolment_.*" + OF_COURSE, countQuery = "SELECT count(*)" + OF_COURSE)
  Page<Enrolment> ofCourse(
      long courseId, @Nullable String status, @Nullable Long communityId, Pageable pageable);

  Optional<Enrolment> findByCourseIdAndJobseekerId(Long courseId, Long jobseekerId);

  List<Enrolment> findByJobseekerIdOrderById(Long jobseekerId);

  /**
   * The enrolment, its row locked until the transaction ends: a completion and a withdrawal queue.
   */
  @Query("SELECT * FROM enrolment WHERE id = :id FOR UPDATE")
  Optional<Enrolment> lockById(long id);
}
