package hongniang.training;

import hongniang.jobseekers.JobseekerService;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An enrolment as the API shows it: the course (title, kind, dates, the licence it leads to), the
 * resident (name and community beside the id; no other personal data), where it stands, and for a
 * completion the outcome, the certificate number and whether the licence joined the resident's.
 */
@Serdeable
public record EnrolmentView(
    Long id,
    Long courseId,
    String courseTitle,
    CourseKind kind,
    LocalDate startsOn,
    LocalDate endsOn,
    String licence,
    Long jobseekerId,
    String jobseekerName,
    Long communityId,
    String communityName,
    EnrolmentStatus status,
    Boolean passed,
    String certificateNumber,
    LocalDate completedOn,
    boolean licenceAdded,
    String note,
    String enrolledBy,
    Instant enrolledAt,
    Instant updatedAt) {

  static EnrolmentView of(Enrolment e, Course c, JobseekerService.Resident r) {
    return new EnrolmentView(
        e.id(),
        e.courseId(),
        c.title(),
        c.kind(),
        c.startsOn(),
        c.endsOn(),
        c.licence(),
        e.jobseekerId(),
        r == null ? null : r.name(),
        r == null ? null : r.communityId(),
        r == null ? null : r.communityName(),
        e.status(),
        e.passed(),
        e.certificateNumber(),
        e.completedOn(),
        e.licenceAdded(),
        e.note(),
        e.enrolledBy(),
        e.enrolledAt(),
        e.updatedAt());
  }
}
