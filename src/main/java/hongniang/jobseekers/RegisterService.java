package hongniang.jobseekers;

import hongniang.accounts.AuditLog;
import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.MessageKey;
import hongniang.common.Validation;
import hongniang.communities.CommunityService;
import hongniang.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A clean register: a resident's answer to "still looking?" (by themself, or by their matchmaker or
 * an admin on their behalf), reactivation, and the merge of a duplicate profile. Each locks the
 * resident's row first, so an answer and the hourly {@link RegisterJobs} never cross, and each is
 * audited.
 */
@Singleton
public class RegisterService {

  private final JobseekerService jobseekers;
  private final JobseekerRepository repository;
  private final CheckIns checkIns;
  private final RegisterViews views;
  private final CommunityService communities;
  private final AuditLog audit;
  private final Validator validator;
  private final Clock clock;

  RegisterService(
      JobseekerService jobseekers,
      JobseekerRepository repository,
      CheckIns checkIns,
      RegisterViews views,
      CommunityService communities,
      AuditLog audit,
      Validator validator,
      Clock clock) {
    this.jobseekers = jobseekers;
    this.repository = repository;
    this.checkIns = checkIns;
    this.views = views;
    this.communities = communities;
    this.audit = audit;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * Answers "still looking?" for a seeking resident: the open ask (if any) is answered and the
   * resident counts as heard of now; NOT_LOOKING sets them INACTIVE with that reason. A resident
   * not seeking gets 409: an INACTIVE one is reactivated instead.
   */
  @Transactional
  public JobseekerView stillLooking(Caller caller, long id, StillLookingRequest request) {
    ApiProblem.throwIfAny(Validation.check(validator, request));
    jobseekers.visible(caller, id);
    JobseekerStatus status = checkIns.lock(id).status();
    if (status != JobseekerStatus.SEEKING && status != JobseekerStatus.REFERRED) {
      throw ApiProblem.conflict(
          FieldError.transition(
              status,
              MessageKey.of("action.stillLooking"),
              "only a seeking resident answers; an inactive one is reactivated"));
    }
    Instant now = clock.instant();
    checkIns.answer(id, request.answer(), caller.username(), now);
    checkIns.contacted(id, now);
    if (request.answer() == StillLookingAnswer.NOT_LOOKING) {
      checkIns.deactivate(List.of(id), InactiveReason.NOT_LOOKING, now);
    }
    audit.record(
        caller.username(), "stillLooking", JobseekerService.SUBJECT, id, request.answer().name());
    return view(id);
  }

  /**
   * Sets an INACTIVE resident SEEKING again (back in matching), clearing the reason; counts as
   * contact. 409 when the resident is not INACTIVE, or is a duplicate merged into another profile
   * (that one is the resident's profile now).
   */
  @Transactional
  public JobseekerView reactivate(Caller caller, long id) {
    jobseekers.visible(caller, id);
    CheckIns.Standing standing = checkIns.lock(id);
    if (standing.status() != JobseekerStatus.INACTIVE) {
      throw ApiProblem.conflict(
          FieldError.transition(
              standing.status(), MessageKey.of("action.reactivate"), "only an inactive resident"));
    }
    if (standing.reason() == InactiveReason.MERGED) {
      throw ApiProblem.conflict(
          new FieldError("status", "Merged", "a merged duplicate; the kept profile is the one"));
    }
    checkIns.reactivate(id, clock.instant());
    audit.record(caller.username(), "reactivate", JobseekerService.SUBJECT, id, null);
    return view(id);
  }

  /**
   * Merges a duplicate into the profile kept ({@code keptId}): the duplicate becomes INACTIVE with
   * the reason MERGED and {@code mergedInto} naming the kept profile, and leaves matching and the
   * duplicate guard. Nothing is moved or deleted: the duplicate's referrals, history, audit trail
   * and any login stay where they are, for staff to read; what the kept profile lacks, staff copy
   * by an edit. Staff must see both (else 404); returns the duplicate as it is now.
   */
  @Transactional
  public JobseekerView merge(Caller caller, long keptId, MergeRequest request) {
    ApiProblem.throwIfAny(Validation.check(validator, request));
    long duplicateId = request.duplicateId();
    if (duplicateId == keptId) {
      throw ApiProblem.unprocessable(
          List.of(new FieldError("duplicateId", "NotSame", "a profile is not merged into itself")));
    }
    jobseekers.visible(caller, keptId);
    jobseekers.visible(caller, duplicateId);
    // both rows, in id order: two merges of the same pair wait instead of deadlocking
    CheckIns.Standing first = checkIns.lock(Math.min(keptId, duplicateId));
    CheckIns.Standing second = checkIns.lock(Math.max(keptId, duplicateId));
    CheckIns.Standing kept = keptId < duplicateId ? first : second;
    CheckIns.Standing duplicate = keptId < duplicateId ? second : first;
    if (kept.reason() == InactiveReason.MERGED) {
      throw ApiProblem.conflict(
          new FieldError("id", "Merged", "the kept profile is itself merged into another"));
    }
    if (duplicate.reason() == InactiveReason.MERGED) {
      throw ApiProblem.conflict(
          new FieldError("duplicateId", "Merged", "the duplicate is merged already"));
    }
    Instant now = clock.instant();
    checkIns.closeOpen(duplicateId, now);
    checkIns.merge(duplicateId, keptId, now);
    audit.record(
        caller.username(),
        "merge",
        JobseekerService.SUBJECT,
        duplicateId,
        "mergedInto: #" + keptId);
    audit.record(
        caller.username(), "merge", JobseekerService.SUBJECT, keptId, "merged: #" + duplicateId);
    return view(duplicateId);
  }

  /**
   * Notes that a resident was heard of (for features that meet residents: a referral's move, a
   * follow-up's call), so they are not asked "still looking?" too soon or listed as silent.
   */
  @Transactional
  public void recordContact(long jobseekerId) {
    checkIns.contacted(jobseekerId, clock.instant());
  }

  private JobseekerView view(long id) {
    Jobseeker j = repository.findById(id).orElseThrow(() -> ApiProblem.notFound("jobseeker", id));
    return views.complete(
        JobseekerView.of(
            j, JobseekerView.Detail.DETAIL, LocalDate.now(clock), communities.namesById()));
  }
}
