package hongniang.placements;

import hongniang.accounts.AuditLog;
import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.Idempotency;
import hongniang.common.MessageKey;
import hongniang.common.PageResponse;
import hongniang.common.Paging;
import hongniang.common.Validation;
import hongniang.jobseekers.JobseekerStatus;
import hongniang.jobseekers.JobseekerStatuses;
import hongniang.partners.PartnerService;
import hongniang.postings.HireQueue;
import hongniang.postings.PostingPlaces;
import hongniang.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Placements and their follow-ups; the door to this feature. A matchmaker records placements of
 * their community's residents and follows them up, an admin those of every community; a resident
 * reads their own. Other packages call {@link #hire} (a referral reached HIRED) and {@link
 * #dueFollowUps} (the worklist).
 *
 * <p>A placement takes its posting's place as its last write (for {@code POST /placements}, just
 * before the commit), so that racing hires hold the posting's row lock for as short a time as can
 * be; if no place is left the whole placement rolls back.
 */
@Singleton
public class PlacementService {

  private final Idempotency idempotency;

  /** How far ahead a start date may be. */
  static final int MAX_YEARS_AHEAD = 1;

  /** How far back a start date may be: ledgers of the last years are recorded late. */
  static final int MAX_YEARS_BACK = 5;

  static final String SUBJECT = "jobseeker";

  /** What an inbox notice about a placement is about. */
  static final String PLACEMENT = "placement";

  private final PlacementStore store;
  private final PostingPlaces places;
  private final JobseekerStatuses residents;
  private final PartnerService partners;
  private final AuditLog audit;
  private final Validator validator;
  private final Clock clock;
  private final HireQueue queue;

  PlacementService(
      PlacementStore store,
      PostingPlaces places,
      JobseekerStatuses residents,
      PartnerService partners,
      AuditLog audit,
      Validator validator,
      Clock clock,
      Idempotency idempotency,
      HireQueue queue) {
    this.idempotency = idempotency;
    this.queue = queue;
    this.store = store;
    this.places = places;
    this.residents = residents;
    this.partners = partners;
    this.audit = audit;
    this.validator = validator;
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Records a placement of a resident the caller may see (404 otherwise): with a posting it takes
   * one of its places (409 when none is left or it takes no hires); schedules the follow-ups and
   * sets the resident EMPLOYED.
   */
  public PlacementView record(Caller caller, PlacementRequest request) {
    return queue.write(request.postingId(), () -> place(caller, null, request, true));
  }

  /** {@link #record}, once per {@code Idempotency-Key}: a retry returns the first placement. */
  public PlacementView record(Caller caller, PlacementRequest request, String idempotencyKey) {
    return queue.write(
        request.postingId(),
        () ->
            idempotency.once(
                idempotencyKey,
                caller.username(),
                "placements",
                request,
                PlacementView.class,
                () -> place(caller, null, request, true)));
  }

  /**
   * A referral reached HIRED: places the resident in the posting within the caller's transaction,
   * so that a failure (no place left, 409; a resident already placed, 409; details that break a
   * rule, 400) rolls the referral's change back too. The referrals package has decided who may
   * hire; the caller is recorded as who did. A referral is hired at most once (409 {@code
   * AlreadyHired}).
   */
  @Transactional
  public PlacementView hire(
      Caller caller, long referralId, long jobseekerId, long postingId, HireDetails details) {
    PlacementRequest request =
        new PlacementRequest(
            jobseekerId,
            details.type(),
            details.startDate(),
            details.monthlyWage(),
            details.contractMonths(),
            postingId,
            null,
            null,
            details.note());
    return place(caller, referralId, request, false);
  }

  private PlacementView place(
      Caller caller, Long referralId, PlacementRequest r, boolean callerMustSeeResident) {
    ApiProblem.throwIfAny(validate(r));
    JobseekerStatuses.Resident resident =
        residents
            .find(r.jobseekerId())
            .filter(j -> !callerMustSeeResident || caller.seesCommunity(j.communityId()))
            .orElseThrow(() -> ApiProblem.notFound("jobseeker", r.jobseekerId()));
    PostingPlaces.Opening opening = r.postingId() == null ? null : places.opening(r.postingId());
    PlacementType type = type(r, opening);
    if (type == PlacementType.PUBLIC_WELFARE && !resident.hasDifficulty()) {
      // the meaning of matching's hard rule PublicWelfareNotEligible, and its name
      throw new ApiProblem(
          422,
          "Unprocessable content",
          "public-welfare posts are only for residents with an employment-difficulty category",
          List.of(
              new FieldError(
                  "jobseekerId",
                  "PublicWelfareNotEligible",
                  "public-welfare posts are only for residents with an employment-difficulty"
                      + " category")));
    }
    if (referralId != null && store.referralHired(referralId)) {
      throw ApiProblem.conflict(
          new FieldError("referralId", "AlreadyHired", "referral " + referralId + " was hired")
              .with("value", referralId));
    }
    Long unit = opening == null ? r.partnerUnitId() : Long.valueOf(opening.partnerUnitId());
    String unitName =
        opening != null
            ? opening.unitName()
            : unit == null ? null : partners.unitName(unit).orElse(null);
    PlacementStore.Inserted inserted =
        store
            .insert(r, resident.communityId(), referralId, unit, type, caller.username())
            .orElseThrow(
                () ->
                    ApiProblem.conflict(
                        "jobseekerId",
                        "AlreadyPlaced",
                        "the resident is in an open placement: a follow-up that finds them gone"
                            + " ends it"));
    residents.changeStatus(
        resident.id(), JobseekerStatus.EMPLOYED, caller.username(), "placement " + inserted.id());
    PlacementView view =
        recorded(inserted, r, referralId, resident, opening, unit, unitName, type, caller);
    // last: the posting's row lock is held from the take to the commit
    if (opening != null) {
      places.take(opening.id());
    }
    return view;
  }

  /**
   * The placement's type: as asked, or PUBLIC_WELFARE for a public-welfare posting and FORMAL
   * otherwise; 400 when it contradicts the posting, or the unit asked for is not the posting's.
   */
  private static PlacementType type(PlacementRequest r, PostingPlaces.Opening opening) {
    if (opening == null) {
      return r.type() == null ? PlacementType.FORMAL : r.type();
    }
    List<FieldError> errors = new ArrayList<>();
    if (r.partnerUnitId() != null && r.partnerUnitId() != opening.partnerUnitId()) {
      errors.add(
          new FieldError(
                  "partnerUnitId",
                  "PostingUnit",
                  "the posting is of unit " + opening.partnerUnitId())
              .with("value", opening.partnerUnitId()));
    }
    PlacementType posted =
        opening.publicWelfare() ? PlacementType.PUBLIC_WELFARE : PlacementType.FORMAL;
    if (r.type() != null && opening.publicWelfare() != (r.type() == PlacementType.PUBLIC_WELFARE)) {
      errors.add(
          new FieldError(
              "type",
              "PostingType",
              "a placement in a public-welfare post is PUBLIC_WELFARE, and only such a one"));
    }
    ApiProblem.throwIfAny(errors);
    return r.type() == null ? posted : r.type();
  }

  /** The view of a placement just recorded, from what the hire knows (as a read would show it). */
  private PlacementView recorded(
      PlacementStore.Inserted inserted,
      PlacementRequest r,
      Long referralId,
      JobseekerStatuses.Resident resident,
      PostingPlaces.Opening opening,
      Long unit,
      String unitName,
      PlacementType type,
      Caller caller) {
    String employerName = opening == null ? PlacementStore.trimmed(r.employerName()) : null;
    LocalDate today = today();
    List<FollowUpView> followUps =
        inserted.followUps().stream()
            .map(
                f ->
                    new FollowUpView(
                        f.id(),
                        inserted.id(),
                        f.months(),
                        f.dueOn(),
                        FollowUpState.of(null, true, f.dueOn(), today),
                        null,
                        null,
                        null,
                        null,
                        null,
                        resident.id(),
                        resident.name(),
                        resident.communityId(),
                        resident.communityName(),
                        type,
                        r.startDate(),
                        unitName != null ? unitName : employerName))
            .toList();
    return new PlacementView(
        inserted.id(),
        resident.id(),
        resident.name(),
        resident.communityId(),
        resident.communityName(),
        referralId,
        opening == null ? null : opening.id(),
        opening == null ? null : opening.title(),
        unit,
        unitName,
        employerName,
        type,
        r.startDate(),
        r.monthlyWage(),
        r.contractMonths(),
        PlacementStore.trimmed(r.note()),
        PlacementStatus.OPEN,
        null,
        null,
        null,
        null,
        null,
        caller.username(),
        inserted.createdAt(),
        followUps);
  }

  /** The rules a placement request breaks that need no reading of residents or postings. */
  private List<FieldError> validate(PlacementRequest r) {
    List<FieldError> errors = new ArrayList<>(Validation.check(validator, r));
    LocalDate today = today();
    LocalDate earliest = today.minusYears(MAX_YEARS_BACK);
    LocalDate latest = today.plusYears(MAX_YEARS_AHEAD);
    if (r.startDate() != null
        && (r.startDate().isBefore(earliest) || r.startDate().isAfter(latest))) {
      errors.add(
          new FieldError(
                  "startDate",
                  "DateWindow",
                  "the start date must be between " + earliest + " and " + latest)
              .with("earliest", earliest)
              .with("latest", latest));
    }
    if (r.employerName() != null && r.employerName().isBlank()) {
      errors.add(new FieldError("employerName", "NotBlank", "must not be blank"));
    }
    boolean named = r.employerName() != null;
    if (r.postingId() == null && (r.partnerUnitId() == null) == !named) {
      errors.add(
          new FieldError(
              "employerName",
              "OneEmployer",
              "name the employer: partnerUnitId or employerName, exactly one"));
    }
    if (r.postingId() != null && named) {
      errors.add(
          new FieldError(
                  "employerName", "OneEmployer", "a posting names its employer: leave it out")
              .saying("rule.OneEmployer.posting"));
    }
    if (r.postingId() == null
        && r.partnerUnitId() != null
        && !partners.unitExists(r.partnerUnitId())) {
      errors.add(
          new FieldError("partnerUnitId", "Exists", "no partner unit " + r.partnerUnitId())
              .with("value", r.partnerUnitId()));
    }
    return errors;
  }

  /** Placements the caller may list: a matchmaker their community's (another is 404). */
  @Transactional
  public PageResponse<PlacementView> list(
      Caller caller,
      Long communityId,
      Long jobseekerId,
      PlacementType type,
      LocalDate from,
      LocalDate to,
      Integer page,
      Integer size) {
    checkOrder(from, to);
    return store.placements(
        new PlacementStore.Filter(community(caller, communityId), jobseekerId, type, from, to),
        Paging.of(page, size),
        today());
  }

  /** One placement, for staff who see its community (404 otherwise); the read is audited. */
  @Transactional
  public PlacementView get(Caller caller, long id) {
    PlacementView p = visible(caller, id);
    audit.record(caller.username(), "read", SUBJECT, p.jobseekerId(), "placement " + id);
    return p;
  }

  /**
   * A resident's placements, for the resident themself or staff who see them (404 otherwise); a
   * staff read is audited.
   */
  @Transactional
  public PageResponse<PlacementView> forJobseeker(
      Caller caller, long jobseekerId, Integer page, Integer size) {
    boolean self = caller.isResident() && Long.valueOf(jobseekerId).equals(caller.jobseekerId());
    residents
        .find(jobseekerId)
        .filter(j -> self || caller.seesCommunity(j.communityId()))
        .orElseThrow(() -> ApiProblem.notFound("jobseeker", jobseekerId));
    PageResponse<PlacementView> found =
        store.placements(
            new PlacementStore.Filter(null, jobseekerId, null, null, null),
            Paging.of(page, size),
            today());
    if (caller.isStaff()) {
      audit.record(caller.username(), "read", SUBJECT, jobseekerId, "placements");
    }
    return found;
  }

  /**
   * Counts of placements that started between the days (either may be left open) by type, in a
   * community or the whole street; a matchmaker's are their community's.
   */
  @Transactional
  public PlacementSummary summary(Caller caller, LocalDate from, LocalDate to, Long communityId) {
    checkOrder(from, to);
    return store.summary(from, to, community(caller, communityId));
  }

  /**
   * Cancels a placement recorded in error, with a reason: it then counts nowhere, its follow-ups
   * are no longer due, its posting gets the place back ({@link PostingPlaces#release}), and a
   * resident it had employed returns to SEEKING. 409 when it is cancelled already.
   */
  @Transactional
  public PlacementView cancel(Caller caller, long id, CancelRequest request) {
    ApiProblem.throwIfAny(Validation.check(validator, request));
    PlacementView p = visible(caller, id);
    if (p.status() == PlacementStatus.CANCELLED
        || !store.cancel(id, caller.username(), request.reason().strip(), clock.instant())) {
      throw ApiProblem.conflict(
          FieldError.transition(
              PlacementStatus.CANCELLED,
              MessageKey.of("action.cancel"),
              "placement " + id + " is cancelled already"));
    }
    if (p.status() == PlacementStatus.OPEN) {
      residents.changeStatus(
          p.jobseekerId(),
          JobseekerStatus.SEEKING,
          caller.username(),
          "placement " + id + " cancelled");
    }
    audit.record(caller.username(), "cancelPlacement", SUBJECT, p.jobseekerId(), "placement " + id);
    PlacementView cancelled = store.placement(id, today()).orElseThrow();
    if (p.postingId() != null) {
      places.release(p.postingId());
    }
    return cancelled;
  }

  private PlacementView visible(Caller caller, long id) {
    return store
        .placement(id, today())
        .filter(p -> caller.seesCommunity(p.communityId()))
        .orElseThrow(() -> ApiProblem.notFound("placement", id));
  }

  /**
   * Follow-ups in a state (any when null), for staff: a matchmaker's community's, an admin's of the
   * community asked for or all; the earliest due first.
   */
  @Transactional
  public PageResponse<FollowUpView> followUps(
      Caller caller, FollowUpState state, Long communityId, Integer page, Integer size) {
    return store.followUps(
        community(caller, communityId),
        state == null ? Set.of() : Set.of(state),
        today(),
        Paging.of(page, size));
  }

  /**
   * The follow-ups due or overdue on {@code today} in a community (all when null), the longest
   * overdue first, at most {@code limit}: for the worklist.
   */
  @Transactional
  public List<FollowUpView> dueFollowUps(Long communityId, LocalDate today, int limit) {
    return store.followUps(
        communityId, Set.of(FollowUpState.OVERDUE, FollowUpState.DUE), today, limit);
  }

  /**
   * Records what a follow-up found. LEFT (which may be recorded as soon as the work has started)
   * ends the placement with the reason and returns the resident to SEEKING; the placement's later
   * follow-ups are then SKIPPED. Any other outcome may be recorded from {@value
   * FollowUpState#DUE_DAYS} days before the follow-up is due. 409 when it was recorded already,
   * when its placement ended or was cancelled, or when it is not yet due.
   */
  @Transactional
  public FollowUpView recordFollowUp(Caller caller, long id, FollowUpRequest r) {
    List<FieldError> errors = new ArrayList<>(Validation.check(validator, r));
    boolean left = r.outcome() == FollowUpOutcome.LEFT;
    if (left && r.reason() == null) {
      errors.add(
          new FieldError("reason", "NotNull", "say why the resident left")
              .with("allowed", List.of(LeaveReason.values()))
              .saying("rule.NotNull.whenLeft"));
    }
    if (!left && r.reason() != null) {
      errors.add(new FieldError("reason", "OnlyWhenLeft", "a reason is why the resident left"));
    }
    if (r.reason() == LeaveReason.OTHER && (r.note() == null || r.note().isBlank())) {
      errors.add(
          new FieldError("note", "NotBlank", "say the other reason in the note")
              .saying("rule.NotBlank.otherReason"));
    }
    ApiProblem.throwIfAny(errors);
    LocalDate today = today();
    FollowUpView f =
        store
            .followUp(id, today)
            .filter(v -> caller.seesCommunity(v.communityId()))
            .orElseThrow(() -> ApiProblem.notFound("follow-up", id));
    if (f.state() == FollowUpState.DONE) {
      throw alreadyRecorded(f);
    }
    if (f.state() == FollowUpState.SKIPPED) {
      throw ApiProblem.conflict(
          "outcome",
          "PlacementEnded",
          "placement " + f.placementId() + " has ended: its later follow-ups are not due");
    }
    LocalDate from = f.dueOn().minusDays(FollowUpState.DUE_DAYS);
    if (!left && today.isBefore(from)) {
      throw ApiProblem.conflict(
          new FieldError("outcome", "NotYetDue", "this follow-up may be recorded from " + from)
              .with("from", from));
    }
    String note = PlacementStore.trimmed(r.note());
    if (!store.recordFollowUp(
        id, r.outcome(), r.reason(), note, caller.username(), clock.instant())) {
      throw alreadyRecorded(f);
    }
    if (left) {
      LocalDate ended = today.isBefore(f.placementStartDate()) ? f.placementStartDate() : today;
      if (!store.end(f.placementId(), ended, r.reason())) {
        throw ApiProblem.conflict(
            "outcome", "PlacementEnded", "placement " + f.placementId() + " has ended");
      }
      residents.changeStatus(
          f.jobseekerId(),
          JobseekerStatus.SEEKING,
          caller.username(),
          "left placement " + f.placementId() + " (" + r.reason() + ")");
    }
    audit.record(
        caller.username(),
        "followUp",
        SUBJECT,
        f.jobseekerId(),
        "placement " + f.placementId() + ", " + f.months() + " months: " + r.outcome());
    return store.followUp(id, today).orElseThrow();
  }

  private static ApiProblem alreadyRecorded(FollowUpView f) {
    return ApiProblem.conflict(
        "outcome", "AlreadyRecorded", "follow-up " + f.id() + " was recorded already");
  }

  /** The community a list is of: a matchmaker's own (another is 404), an admin's choice. */
  private static Long community(Caller caller, Long communityId) {
    if (!caller.isMatchmaker()) {
      return communityId;
    }
    if (caller.communityId() == null) {
      throw ApiProblem.forbidden(
          MessageKey.of("forbidden.noCommunity"),
          "this matchmaker account is bound to no community");
    }
    if (communityId != null && !communityId.equals(caller.communityId())) {
      throw ApiProblem.notFound("community", communityId);
    }
    return caller.communityId();
  }

  private static void checkOrder(LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiProblem.invalid(
          new FieldError("to", "DateOrder", "to must not be before from")
              .saying("rule.DateOrder.to"));
    }
  }
}
