package hongniang.training;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * Training in a period, for a report: residents trained (distinct residents who completed a course
 * in the period, passed or not), completions, passes, certificates earned (passes of courses that
 * lead to a licence or certificate), residents enrolled in the period; all of them per kind. With
 * {@code communityId}, residents of that community only.
 */
@Serdeable
public record TrainingSummary(
    LocalDate from,
    LocalDate to,
    Long communityId,
    long residentsTrained,
    long completions,
    long passed,
    long certificatesEarned,
    long residentsEnrolled,
    List<Kind> byKind) {

  /** The same figures for one kind of course. */
  @Serdeable
  public record Kind(
      CourseKind kind,
      long residentsTrained,
      long completions,
      long passed,
      long certificatesEarned,
      long residentsEnrolled) {}
}
