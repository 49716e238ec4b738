package hongniang.jobseekers;

import hongniang.accounts.AuditLog;
import hongniang.common.ApiProblem;
import hongniang.common.DifficultyCategory;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where residents stand, for other features: a resident as a hire needs them, and a change of
 * status (EMPLOYED on a placement, SEEKING when they left). A status change is one SQL update that
 * raises the row's version, audited with its reason; the search outbox's triggers and matching,
 * which reads residents fresh, follow it at once (an EMPLOYED resident is {@code NotSeeking}).
 */
@Singleton
public class JobseekerStatuses {

  private final JdbcOperations jdbc;
  private final AuditLog audit;

  JobseekerStatuses(JdbcOperations jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** A resident as another feature needs them: who, where, how they stand, their categories. */
  public record Resident(
      long id,
      String name,
      long communityId,
      String communityName,
      JobseekerStatus status,
      List<DifficultyCategory> categories) {

    /** True with an employment-difficulty category: what opens public-welfare posts. */
    public boolean hasDifficulty() {
      return !categories.isEmpty();
    }
  }

  /** The resident, if there is one; no audit (a name and status, no personal data). */
  @Transactional
  public Optional<Resident> find(long jobseekerId) {
    return Optional.ofNullable(
        jdbc.prepareStatement(
            "SELECT j.id, j.name, j.community_id, c.name, j.status, j.difficulty_categories"
                + " FROM jobseeker j JOIN community c ON c.id = j.community_id WHERE j.id = ?",
            ps -> {
              ps.setLong(1, jobseekerId);
              try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                  return null;
                }
                List<DifficultyCategory> categories = new ArrayList<>();
                Array array = rs.getArray(6);
                if (array != null) {
                  for (Object c : (Object[]) array.getArray()) {
                    categories.add(DifficultyCategory.valueOf((String) c));
                  }
                }
                return new Resident(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getString(4),
                    JobseekerStatus.valueOf(rs.getString(5)),
                    List.copyOf(categories));
              }
            }));
  }

  /**
   * Sets a resident's status in the caller's transaction: the row's version rises, and the change
   * is audited as {@code status} with the new status and the reason (e.g. "placement 12"). 404 when
   * there is no such resident.
   */
  @Transactional
  public void changeStatus(long jobseekerId, JobseekerStatus to, String actor, String reason) {
    int updated =
        jdbc.prepareStatement(
            "UPDATE jobseeker SET status = ?, version = version + 1, updated_at = now()"
                + " WHERE id = ?",
            ps -> {
              ps.setString(1, to.name());
              ps.setLong(2, jobseekerId);
              return ps.executeUpdate();
            });
    if (updated == 0) {
      throw ApiProblem.notFound("jobseeker", jobseekerId);
    }
    audit.record(
        actor,
        "status",
        JobseekerService.SUBJECT,
        jobseekerId,
        reason == null ? to.name() : to.name() + ": " + reason);
  }
}
