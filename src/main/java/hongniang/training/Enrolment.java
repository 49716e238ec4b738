package hongniang.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code enrolment}: one resident in one course. */
@MappedEntity("enrolment")
record Enrolment(
    @Id @GeneratedValue @Nullable Long id,
    Long courseId,
    Long jobseekerId,
    EnrolmentStatus status,
    @Nullable Boolean passed,
    @Nullable String certificateNumber,
    @Nullable LocalDate completedOn,
    boolean licenceAdded,
    @Nullable String note,
    String enrolledBy,
    @DateCreated @Nullable Instant enrolledAt,
    @DateUpdated @Nullable Instant updatedAt) {

  /** Enrolled again after a withdrawal, by someone else perhaps, with a new note. */
  Enrolment reenrolled(String by, String newNote) {
    return new Enrolment(
        id,
        courseId,
        jobseekerId,
        EnrolmentStatus.ENROLLED,
        null,
        null,
        null,
        false,
        newNote,
        by,
        enrolledAt,
        updatedAt);
  }

  Enrolment completed(boolean pass, String certificate, LocalDate on, boolean added) {
    return new Enrolment(
        id,
        courseId,
        jobseekerId,
        EnrolmentStatus.COMPLETED,
        pass,
        certificate,
        on,
        added,
        note,
        enrolledBy,
        enrolledAt,
        updatedAt);
  }

  Enrolment withdrawn() {
    return new Enrolment(
        id,
        courseId,
        jobseekerId,
        EnrolmentStatus.WITHDRAWN,
        null,
        null,
        null,
        false,
        note,
        enrolledBy,
        enrolledAt,
        updatedAt);
  }
}
