package hongniang.training;

import hongniang.accounts.AuditLog;
import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.Idempotency;
import hongniang.common.MessageKey;
import hongniang.common.PageResponse;
import hongniang.common.Paging;
import hongniang.common.RowVersions;
import hongniang.common.Validation;
import hongniang.communities.CommunityService;
import hongniang.jobseekers.JobseekerService;
import hongniang.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Courses, enrolments and completions; the door to this feature. Everyone signed in reads courses;
 * staff run them (an admin any, a matchmaker their community's) and enrol residents they see (a
 * matchmaker their community's; others are 404). Seats are taken by one conditional statement, so
 * that concurrent enrolments never exceed them; a passed course that leads to a licence adds it to
 * the resident's licences through {@link JobseekerService#addLicence}.
 */
@Singleton
public class TrainingService {

  private final CourseRepository courses;
  private final EnrolmentRepository enrolments;
  private final JobseekerService jobseekers;
  private final CommunityService communities;
  private final TrainingFigures figures;
  private final AuditLog audit;
  private final Validator validator;
  private final Clock clock;

  private final Idempotency idempotency;

  TrainingService(
      CourseRepository courses,
      EnrolmentRepository enrolments,
      JobseekerService jobseekers,
      CommunityService communities,
      TrainingFigures figures,
      AuditLog audit,
      Validator validator,
      Clock clock,
      Idempotency idempotency) {
    this.idempotency = idempotency;
    this.clock = clock;
    this.validator = validator;
    this.courses = courses;
    this.enrolments = enrolments;
    this.jobseekers = jobseekers;
    this.communities = communities;
    this.audit = audit;
    this.figures = figures;
  }

  // ---- courses

  /** Filters for a course list; null means any. */
  public record Filter(CourseKind kind, Long communityId, String licence, boolean includeEnded) {}

  /** Courses, those that have not ended unless asked, by start date. */
  public PageResponse<CourseView> listCourses(Filter f, Integer page, Integer size) {
    Pageable paging = Paging.of(page, size);
    Pageable byStart =
        Pageable.from(
            paging.getNumber(),
            paging.getSize(),
            Sort.of(Sort.Order.asc("startsOn"), Sort.Order.asc("id")));
    Map<Long, String> names = communities.namesById();
    return PageResponse.of(
        courses.search(
            f.includeEnded(),
            today(),
            f.kind() == null ? null : f.kind().name(),
            f.communityId(),
            f.licence() == null || f.licence().isBlank() ? null : f.licence().strip(),
            byStart),
        c -> CourseView.of(c, names));
  }

  public CourseView getCourse(long id) {
    return CourseView.of(course(id), communities.namesById());
  }

  private Course course(long id) {
    return courses.findById(id).orElseThrow(() -> ApiProblem.notFound("course", id));
  }

  /** Creates a course: an admin's for any community or the street, a matchmaker's for their own. */
  @Transactional
  public CourseView createCourse(Caller caller, CourseRequest body) {
    CourseRequest r = withCallersCommunity(caller, body);
    ApiProblem.throwIfAny(validate(caller, r));
    Course saved = courses.save(toCourse(null, r, null));
    return CourseView.of(saved, communities.namesById());
  }

  /**
   * Replaces a course's fields; the seats never below those taken (422). An admin changes any
   * course, a matchmaker their community's (403 otherwise: they see it, it is not theirs). The
   * write is conditional on the version read (409 ConcurrentChange, or 412 with {@code ifMatch}).
   */
  @Transactional
  public CourseView updateCourse(
      Caller caller, long id, CourseRequest body, @Nullable String ifMatch) {
    Course old = course(id);
    if (!caller.isAdmin()
        && (old.communityId() == null || !old.communityId().equals(caller.communityId()))) {
      throw ApiProblem.forbidden(
          MessageKey.of("forbidden.otherCommunityCourse"),
          "a matchmaker changes only their community's courses");
    }
    RowVersions.check(ifMatch, old.version());
    CourseRequest r =
        body.communityId() == null && !caller.isAdmin() ? withCallersCommunity(caller, body) : body;
    ApiProblem.throwIfAny(validate(caller, r));
    if (r.seats() < old.seatsTaken()) {
      FieldError taken =
          new FieldError("seats", "SeatsTaken", "seats must not be below the seats taken")
              .with("taken", old.seatsTaken());
      throw new ApiProblem(422, "Unprocessable content", taken.message(), List.of(taken));
    }
    try {
      return CourseView.of(courses.update(toCourse(id, r, old)), communities.namesById());
    } catch (OptimisticLockException e) {
      throw RowVersions.lostRace(
          "course", ifMatch, () -> courses.findById(id).map(Course::version).orElse(0L));
    }
  }

  private static CourseRequest withCallersCommunity(Caller caller, CourseRequest r) {
    if (r.communityId() != null || !caller.isMatchmaker()) {
      return r;
    }
    return new CourseRequest(
        r.title(),
        r.kind(),
        r.provider(),
        r.startsOn(),
        r.endsOn(),
        r.place(),
        caller.communityId(),
        r.seats(),
        r.licence(),
        r.description());
  }

  /** Bean rules, dates in order, a known community (a matchmaker's own). */
  private List<FieldError> validate(Caller caller, CourseRequest r) {
    List<FieldError> errors = new ArrayList<>(Validation.check(validator, r));
    if (r.startsOn() != null && r.endsOn() != null && r.endsOn().isBefore(r.startsOn())) {
      errors.add(new FieldError("endsOn", "DateOrder", "endsOn must not be before startsOn"));
    }
    errors.addAll(
        communities.namedCommunityErrors(caller, r.communityId(), "rule.OwnCommunity.course"));
    return errors;
  }

  private static Course toCourse(Long id, CourseRequest r, Course old) {
    return new Course(
        id,
        r.title().strip(),
        r.kind(),
        r.provider().strip(),
        r.startsOn(),
        r.endsOn(),
        r.place().strip(),
        r.communityId(),
        r.seats(),
        old == null ? 0 : old.seatsTaken(),
        r.licence() == null || r.licence().isBlank() ? null : r.licence().strip(),
        r.description(),
        old == null ? 0 : old.version(),
        old == null ? null : old.createdAt(),
        old == null ? null : old.updatedAt());
  }

  // ---- enrolments

  /**
   * Enrols a resident the caller sees (404 otherwise) in a course that has not ended: 409 when they
   * are enrolled already or no seat is left. A resident who withdrew takes their enrolment again.
   */
  @Transactional
  public EnrolmentView enrol(
      Caller caller, long courseId, EnrolmentRequest request, String idempotencyKey) {
    return idempotency.once(
        idempotencyKey,
        caller.username(),
        "courses/" + courseId + "/enrolments",
        request,
        EnrolmentView.class,
        () -> enrol(caller, courseId, request));
  }

  private EnrolmentView enrol(Caller caller, long courseId, EnrolmentRequest request) {
    Course c = course(courseId);
    ApiProblem.throwIfAny(Validation.check(validator, request));
    JobseekerService.Resident resident = jobseekers.resident(caller, request.jobseekerId());
    if (c.endsOn().isBefore(today())) {
      throw ApiProblem.conflict(
          new FieldError("endsOn", "CourseEnded", "the course has ended")
              .with("endsOn", c.endsOn()));
    }
    Enrolment existing =
        enrolments.findByCourseIdAndJobseekerId(courseId, resident.id()).orElse(null);
    if (existing != null && existing.status() != EnrolmentStatus.WITHDRAWN) {
      throw ApiProblem.conflict(
          new FieldError("jobseekerId", "AlreadyEnrolled", "the resident is enrolled already")
              .with("status", existing.status()));
    }
    if (courses.takeSeat(courseId) == 0) {
      throw ApiProblem.conflict(
          new FieldError("seats", "CourseFull", "the course has no seat left")
              .with("seats", c.seats()));
    }
    String note = request.note() == null || request.note().isBlank() ? null : request.note();
    Enrolment saved =
        existing == null
            ? enrolments.save(
                new Enrolment(
                    null,
                    courseId,
                    resident.id(),
                    EnrolmentStatus.ENROLLED,
                    null,
                    null,
                    null,
                    false,
                    note,
                    caller.username(),
                    null,
                    null))
            : enrolments.update(existing.reenrolled(caller.username(), note));
    return EnrolmentView.of(saved, course(courseId), resident);
  }

  /**
   * A course's enrolments: an admin's all, a matchmaker's those of their community's residents
   * only; filtered by status.
   */
  public PageResponse<EnrolmentView> listEnrolments(
      Caller caller, long courseId, EnrolmentStatus status, Integer page, Integer size) {
    Course c = course(courseId);
    Page<Enrolment> found =
        enrolments.ofCourse(
            courseId,
            status == null ? null : status.name(),
            caller.isAdmin() ? null : caller.communityId(),
            Paging.of(page, size));
    Map<Long, JobseekerService.Resident> residents =
        jobseekers.residents(
            found.getContent().stream().map(Enrolment::jobseekerId).collect(Collectors.toSet()));
    return PageResponse.of(found, e -> EnrolmentView.of(e, c, residents.get(e.jobseekerId())));
  }

  /**
   * One enrolment, for staff who see the resident and the resident themself (audited for staff).
   */
  @Transactional
  public EnrolmentView getEnrolment(Caller caller, long id) {
    Enrolment e = enrolments.findById(id).orElseThrow(() -> ApiProblem.notFound("enrolment", id));
    JobseekerService.Resident resident = residentOf(caller, e);
    auditRead(caller, resident.id());
    return EnrolmentView.of(e, course(e.courseId()), resident);
  }

  /**
   * Completes an enrolment, passed or not. A pass in a course that leads to a licence adds it to
   * the resident's licences (matching sees it as soon as the index follows, within a second).
   */
  @Transactional
  public EnrolmentView complete(Caller caller, long id, CompletionRequest request) {
    Enrolment e = lockedForStaff(caller, id);
    ApiProblem.throwIfAny(Validation.check(validator, request));
    Course c = course(e.courseId());
    LocalDate on = request.completedOn() == null ? today() : request.completedOn();
    List<FieldError> errors = new ArrayList<>();
    boolean passed = Boolean.TRUE.equals(request.passed());
    String certificate =
        request.certificateNumber() == null || request.certificateNumber().isBlank()
            ? null
            : request.certificateNumber().strip();
    if (certificate != null && !passed) {
      errors.add(
          new FieldError(
              "certificateNumber", "PassedOnly", "only a resident who passed earns a certificate"));
    }
    if (on.isAfter(today())) {
      errors.add(new FieldError("completedOn", "PastOrPresent", "must not be in the future"));
    } else if (on.isBefore(c.startsOn())) {
      errors.add(
          new FieldError("completedOn", "DateOrder", "completedOn must not be before startsOn")
              .with("startsOn", c.startsOn()));
    }
    ApiProblem.throwIfAny(errors);
    requireEnrolled(e, "action.complete");
    boolean added =
        passed
            && c.licence() != null
            && jobseekers.addLicence(caller, e.jobseekerId(), c.licence());
    Enrolment saved = enrolments.update(e.completed(passed, certificate, on, added));
    return EnrolmentView.of(saved, c, residentOf(caller, saved));
  }

  /** Withdraws an enrolled resident; their seat is free again. */
  @Transactional
  public EnrolmentView withdraw(Caller caller, long id) {
    Enrolment e = lockedForStaff(caller, id);
    requireEnrolled(e, "action.withdraw");
    courses.giveSeatBack(e.courseId());
    Enrolment saved = enrolments.update(e.withdrawn());
    return EnrolmentView.of(saved, course(e.courseId()), residentOf(caller, saved));
  }

  private static void requireEnrolled(Enrolment e, String action) {
    if (e.status() != EnrolmentStatus.ENROLLED) {
      throw ApiProblem.conflict(
          FieldError.transition(
              e.status(),
              MessageKey.of(action),
              "only an enrolled resident's enrolment can be completed or withdrawn"));
    }
  }

  /** The enrolment, locked, if the caller is staff who see its resident; otherwise 404. */
  private Enrolment lockedForStaff(Caller caller, long id) {
    Enrolment e = enrolments.lockById(id).orElseThrow(() -> ApiProblem.notFound("enrolment", id));
    if (!caller.isStaff()) {
      throw ApiProblem.notFound("enrolment", id);
    }
    residentOf(caller, e);
    return e;
  }

  /** The enrolment's resident if the caller sees them; otherwise the enrolment is 404. */
  private JobseekerService.Resident residentOf(Caller caller, Enrolment e) {
    try {
      return jobseekers.resident(caller, e.jobseekerId());
    } catch (ApiProblem notSeen) {
      throw ApiProblem.notFound("enrolment", e.id());
    }
  }

  /** A resident's training, newest first: for themself, and for staff who see them (audited). */
  @Transactional
  public List<EnrolmentView> trainingOf(Caller caller, long jobseekerId) {
    JobseekerService.Resident resident = jobseekers.resident(caller, jobseekerId);
    auditRead(caller, jobseekerId);
    List<Enrolment> found = enrolments.findByJobseekerIdOrderById(jobseekerId);
    Map<Long, Course> byId =
        courses
            .findByIdIn(found.stream().map(Enrolment::courseId).collect(Collectors.toSet()))
            .stream()
            .collect(Collectors.toMap(Course::id, Function.identity()));
    List<EnrolmentView> out = new ArrayList<>();
    for (int i = found.size() - 1; i >= 0; i--) {
      Enrolment e = found.get(i);
      out.add(EnrolmentView.of(e, byId.get(e.courseId()), resident));
    }
    return out;
  }

  private void auditRead(Caller caller, long jobseekerId) {
    if (caller.isStaff()) {
      audit.record(caller.username(), "read", "jobseeker", jobseekerId, "training");
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  // ---- figures

  /**
   * Training in a period (from the first of this year to today when left out): residents trained,
   * completions, passes, certificates earned, residents enrolled, per kind too. A matchmaker sees
   * their community's residents (another community is 404); an admin any or all.
   */
  public TrainingSummary summary(
      Caller caller, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable Long communityId) {
    Long community = communityId;
    if (caller.isMatchmaker()) {
      if (communityId != null && !communityId.equals(caller.communityId())) {
        throw ApiProblem.notFound("community", communityId);
      }
      community = caller.communityId();
    } else if (communityId != null && !communities.exists(communityId)) {
      throw ApiProblem.notFound("community", communityId);
    }
    LocalDate today = today();
    LocalDate start = from == null ? today.withDayOfYear(1) : from;
    LocalDate end = to == null ? today : to;
    if (end.isBefore(start)) {
      throw ApiProblem.invalid(new FieldError("to", "DateOrder", "to must not be before from"));
    }
    return figures.summary(start, end, community, clock.getZone());
  }
}
