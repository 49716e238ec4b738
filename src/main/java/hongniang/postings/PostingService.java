package hongniang.postings;

import hongniang.common.ApiProblem;
import hongniang.common.BulkImport;
import hongniang.common.Education;
import hongniang.common.FieldError;
import hongniang.common.ImportReport;
import hongniang.common.Lists;
import hongniang.common.MessageKey;
import hongniang.common.PageResponse;
import hongniang.common.Paging;
import hongniang.common.RowVersions;
import hongniang.common.Validation;
import hongniang.communities.CommunityService;
import hongniang.partners.PartnerService;
import hongniang.screening.Screening;
import hongniang.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.model.Page;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Postings and their lifecycle; the door to this feature. */
@Singleton
public class PostingService {

  /** The city postings are in when a request names none. */
  public static final String HOME_CITY = "三明市";

  private final PostingRepository postings;
  private final PartnerService partners;
  private final CommunityService communities;
  private final Validator validator;
  private final Clock clock;
  private final TransactionOperations<Connection> tx;
  private final PostingScreening screening;

  PostingService(
      PostingRepository postings,
      PartnerService partners,
      CommunityService communities,
      Validator validator,
      Clock clock,
      TransactionOperations<Connection> tx,
      PostingScreening screening) {
    this.postings = postings;
    this.partners = partners;
    this.communities = communities;
    this.validator = validator;
    this.clock = clock;
    this.tx = tx;
    this.screening = screening;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /** Filters for a posting list; null means any. */
  public record Filter(
      Long partnerUnitId,
      Long communityId,
      PostingStatus status,
      hongniang.common.Schedule schedule,
      Boolean publicWelfare,
      Boolean outsideDistrict) {}

  /**
   * Lists postings the caller may see: employers their own unit's, residents only current open
   * postings, staff all.
   */
  public PageResponse<PostingView> list(Caller caller, Filter f, Integer page, Integer size) {
    Long unit = f.partnerUnitId();
    if (caller.isEmployer()) {
      if (unit != null && !unit.equals(caller.partnerUnitId())) {
        throw ApiProblem.notFound("partner unit", unit);
      }
      unit = caller.partnerUnitId();
    }
    boolean current = caller.isResident();
    Page<Posting> found =
        postings.search(
            unit,
            f.communityId(),
            f.status() == null ? null : f.status().name(),
            f.schedule() == null ? null : f.schedule().name(),
            f.publicWelfare(),
            f.outsideDistrict(),
            current,
            today(),
            Paging.of(page, size));
    Map<Long, PostingScreening.Review> reviews =
        caller.isResident() ? Map.of() : screening.reviews(found.getContent());
    PostingView.Shown shown = shown(caller, found.getContent());
    return PageResponse.of(found, p -> PostingView.of(p, reviews.get(p.id()), shown));
  }

  public PostingView get(Caller caller, long id) {
    return view(caller, visible(caller, id));
  }

  /**
   * A posting as everyone may see it without signing in (the public site): only a current one
   * (open, valid, of a partner with a valid agreement), else 404; shown as to a resident, without
   * its screening review or the unit's contact person.
   */
  public PostingView forPublic(long id) {
    Posting p =
        postings
            .findById(id)
            .filter(this::isCurrent)
            .orElseThrow(() -> ApiProblem.notFound("posting", id));
    return PostingView.of(
        p,
        null,
        new PostingView.Shown(
            partners.unitCards(Set.of(p.partnerUnitId())), communities.namesById(), today(), true));
  }

  /** The postings everyone may see, newest change first, at most {@code limit}. */
  @Transactional
  public List<PostingStamp> publicPostings(int limit) {
    return postings.findPublic(today(), limit);
  }

  /** The view of a posting; its review is for staff and employers, not residents. */
  private PostingView view(Caller caller, Posting p) {
    return view(caller, p, caller.isResident() ? null : screening.review(p));
  }

  private PostingView view(Caller caller, Posting p, PostingScreening.Review review) {
    return PostingView.of(p, review, shown(caller, List.of(p)));
  }

  /** The names and contacts a page of postings shows beside ids, read once. */
  private PostingView.Shown shown(Caller caller, List<Posting> page) {
    Set<Long> units = new HashSet<>();
    page.forEach(p -> units.add(p.partnerUnitId()));
    return new PostingView.Shown(
        partners.unitCards(units), communities.namesById(), today(), caller.isResident());
  }

  /** The request with the employer's own unit when it names none. */
  private static PostingRequest withCallersUnit(Caller caller, PostingRequest r) {
    return r.partnerUnitId() == null && caller.isEmployer() ? r.forUnit(caller.partnerUnitId()) : r;
  }

  /** The posting if the caller may see it; otherwise 404, as if it did not exist. */
  private Posting visible(Caller caller, long id) {
    return visible(caller, id, postings.findById(id));
  }

  /**
   * The posting, its row locked until the transaction ends, if the caller may see it (else 404);
   * and its version as {@code If-Match} names it (else 412).
   */
  private Posting locked(Caller caller, long id, @Nullable String ifMatch) {
    Posting p = visible(caller, id, postings.lockById(id));
    RowVersions.check(ifMatch, p.version());
    return p;
  }

  private Posting visible(Caller caller, long id, Optional<Posting> found) {
    Posting p = found.orElseThrow(() -> ApiProblem.notFound("posting", id));
    boolean sees =
        caller.isStaff()
            || (caller.isEmployer() && p.partnerUnitId().equals(caller.partnerUnitId()))
            || (caller.isResident() && isCurrent(p));
    if (!sees) {
      throw ApiProblem.notFound("posting", id);
    }
    return p;
  }

  private boolean isCurrent(Posting p) {
    LocalDate today = today();
    return p.status() == PostingStatus.OPEN
        && !p.validThrough().isBefore(today)
        && partners.isPartnerOn(p.partnerUnitId(), today);
  }

  /**
   * Every rule a posting request breaks: bean rules, wage and age ranges, no places filled on
   * create, known unit and community, and for an open posting a valid partner agreement. An
   * employer naming another unit gets a 404 rather than a list of errors.
   */
  public List<FieldError> validate(Caller caller, PostingRequest request, boolean creating) {
    PostingRequest r = withCallersUnit(caller, request);
    if (caller.isEmployer()
        && r.partnerUnitId() != null
        && !r.partnerUnitId().equals(caller.partnerUnitId())) {
      throw ApiProblem.notFound("partner unit", r.partnerUnitId());
    }
    List<FieldError> errors = new ArrayList<>(Validation.check(validator, r));
    if (r.wageMin() != null && r.wageMax() != null && r.wageMin() > r.wageMax()) {
      errors.add(new FieldError("wageMax", "WageRange", "wageMax must not be below wageMin"));
    }
    if (r.minAge() != null && r.maxAge() != null && r.minAge() > r.maxAge()) {
      errors.add(new FieldError("maxAge", "AgeRange", "maxAge must not be below minAge"));
    }
    FieldError filled = creating ? filledCountChange(r, 0) : null;
    if (filled != null) {
      errors.add(filled);
    }
    if (r.partnerUnitId() == null) {
      errors.add(new FieldError("partnerUnitId", "NotNull", "name the partner unit"));
    }
    boolean outside = Boolean.TRUE.equals(r.outsideDistrict());
    if (r.workCommunityId() == null && !outside) {
      errors.add(
          new FieldError(
              "workCommunityId",
              "WorkPlace",
              "name the work community, or set outsideDistrict: true for work outside the district"));
    }
    if (r.workCommunityId() != null && outside) {
      errors.add(
          new FieldError(
              "outsideDistrict",
              "WorkPlace",
              "work in a community of the district is not outside it: leave one of the two out"));
    }
    if (r.workCommunityId() != null && !communities.exists(r.workCommunityId())) {
      errors.add(
          new FieldError("workCommunityId", "Exists", "no community " + r.workCommunityId())
              .with("value", r.workCommunityId()));
    }
    boolean unitKnown = partners.unitExists(r.partnerUnitId());
    if (r.partnerUnitId() != null && !unitKnown) {
      errors.add(
          new FieldError("partnerUnitId", "Exists", "no partner unit " + r.partnerUnitId())
              .with("value", r.partnerUnitId()));
    }
    if (creating
        && r.status() != null
        && !Set.of(PostingStatus.DRAFT, PostingStatus.OPEN).contains(r.status())) {
      errors.add(FieldError.oneOf("status", List.of(PostingStatus.DRAFT, PostingStatus.OPEN)));
    }
    if (creating && r.status() == PostingStatus.OPEN) {
      errors.addAll(openingErrors(r.partnerUnitId(), unitKnown, r.validThrough()));
    }
    return errors;
  }

  private List<FieldError> openingErrors(Long unitId, boolean unitKnown, LocalDate validThrough) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate today = today();
    if (unitKnown && !partners.isPartnerOn(unitId, today)) {
      errors.add(
          new FieldError(
              "partnerUnitId",
              "PartnerAgreement",
              "the unit has no valid labour-information agreement today; only partners may"
                  + " open postings"));
    }
    if (validThrough != null && validThrough.isBefore(today)) {
      errors.add(new FieldError("validThrough", "NotPast", "an open posting must be valid today"));
    }
    return errors;
  }

  /**
   * Creates a posting. One to be OPEN whose text has a blocking screening finding is stored in
   * REVIEW instead; a DRAFT stays a draft, its findings shown.
   */
  @Transactional
  public PostingView create(Caller caller, PostingRequest body) {
    PostingRequest request = withCallersUnit(caller, body);
    refuseIfAny(filledCountChange(request, 0));
    ApiProblem.throwIfAny(validate(caller, request, true));
    Posting p = toPosting(null, request, null);
    PostingScreening.Review review = screening.review(p);
    p = p.withStatus(PostingScreening.statusAfter(p.status(), review));
    return view(caller, postings.save(p), review);
  }

  /**
   * Replaces a posting's fields; its status stays, unless the headcount comes down to the places
   * filled or screening decides: an open posting whose new text has a blocking finding no admin
   * approved goes to REVIEW, a posting in REVIEW whose new text has none goes back to DRAFT. The
   * places filled count placements and are not the request's to change. The write is conditional on
   * the version read: one that lost a race to another write stores nothing (409, or 412 with {@code
   * ifMatch}), and a stale {@code ifMatch} is a 412.
   */
  @Transactional
  public PostingView update(Caller caller, long id, PostingRequest body, @Nullable String ifMatch) {
    Posting old = visible(caller, id);
    RowVersions.check(ifMatch, old.version());
    // a posting stays with its unit: leaving the unit out keeps it
    PostingRequest request =
        body.partnerUnitId() == null ? body.forUnit(old.partnerUnitId()) : body;
    if (old.status() == PostingStatus.CLOSED) {
      throw ApiProblem.conflict(
          FieldError.transition(
              old.status(), MessageKey.of("action.change"), "a closed posting cannot be changed"));
    }
    // a view read back as it came (an expired posting reads EXPIRED) changes no status
    boolean asShown =
        request.status() == PostingStatus.EXPIRED && old.status() == PostingStatus.OPEN;
    if (request.status() != null && request.status() != old.status() && !asShown) {
      throw ApiProblem.invalid(
          "status", "UseAction", "change the status with the open, pause, fill or close actions");
    }
    if (!old.partnerUnitId().equals(request.partnerUnitId())) {
      throw ApiProblem.invalid("partnerUnitId", "Immutable", "a posting stays with its unit");
    }
    ApiProblem.throwIfAny(validate(caller, request, false));
    refuseIfAny(filledCountChange(request, old.filledCount()));
    if (request.headcount() < old.filledCount()) {
      refuseIfAny(
          new FieldError(
                  "headcount",
                  "FilledWithinHeadcount",
                  "headcount must not be below the places already filled")
              .with("filled", old.filledCount()));
    }
    Posting next = toPosting(id, request, old);
    if (next.filledCount() >= next.headcount()
        && (old.status() == PostingStatus.OPEN || old.status() == PostingStatus.PAUSED)) {
      next = next.withStatus(PostingStatus.FILLED);
    }
    PostingScreening.Review review = screening.review(next);
    next = next.withStatus(PostingScreening.statusAfter(next.status(), review));
    Posting saved;
    try {
      saved = postings.update(next);
    } catch (OptimisticLockException e) {
      throw RowVersions.lostRace(
          "posting",
          ifMatch,
          () -> postings.findById(id).map(Posting::version).orElse(old.version()));
    }
    return view(caller, saved, review);
  }

  /**
   * A 422 ReadOnly when the request sets the places filled to other than {@code current}: they
   * count placements, which a placement records. Absent is as it is.
   */
  private static FieldError filledCountChange(PostingRequest r, int current) {
    if (r.filledCount() == null || r.filledCount() == current) {
      return null;
    }
    return new FieldError(
            "filledCount", "ReadOnly", "filledCount counts placements: record a placement")
        .with("value", current);
  }

  /** Throws the error as a 422: the request is well formed, but this is not its to set. */
  private static void refuseIfAny(FieldError error) {
    if (error != null) {
      throw new ApiProblem(422, "Unprocessable content", error.message(), List.of(error));
    }
  }

  /** A status change the caller asks for by name: open, pause, fill or close. */
  public enum Action {
    OPEN,
    PAUSE,
    FILL,
    CLOSE
  }

  /**
   * Changes the status as the action says, the row locked from read to write. FILL means "no more
   * places wanted": the posting becomes FILLED with its places filled as they are (placements make
   * it FILLED by themselves when they reach the headcount). OPEN needs a place left. A stale {@code
   * ifMatch} is a 412.
   */
  @Transactional
  public PostingView act(Caller caller, long id, Action action, @Nullable String ifMatch) {
    Posting p = locked(caller, id, ifMatch);
    PostingStatus from = p.status();
    PostingStatus to =
        switch (action) {
          case OPEN ->
              allowed(
                  from,
                  Set.of(PostingStatus.DRAFT, PostingStatus.REVIEW, PostingStatus.PAUSED),
                  action);
          case PAUSE -> allowed(from, Set.of(PostingStatus.OPEN), action);
          case FILL -> allowed(from, Set.of(PostingStatus.OPEN, PostingStatus.PAUSED), action);
          case CLOSE ->
              allowed(
                  from,
                  Set.of(
                      PostingStatus.DRAFT,
                      PostingStatus.REVIEW,
                      PostingStatus.OPEN,
                      PostingStatus.PAUSED,
                      PostingStatus.FILLED),
                  action);
        };
    PostingScreening.Review review = screening.review(p);
    if (action == Action.OPEN) {
      ApiProblem.throwIfAny(openingErrors(p.partnerUnitId(), true, p.validThrough()));
      if (p.filledCount() >= p.headcount()) {
        throw ApiProblem.conflict("filledCount", "Remaining", "the posting has no places left");
      }
      if (review.held()) {
        List<FieldError> errors = PostingScreening.holdingErrors(review);
        throw new ApiProblem(
            409,
            "Conflict",
            MessageKey.of("problem.screeningHold").with("count", errors.size()),
            "the posting's text has "
                + errors.size()
                + " blocking screening finding(s): rewrite it, or ask an admin to approve it",
            errors);
      }
    }
    return view(caller, postings.update(p.withStatus(to)), review);
  }

  /**
   * An admin approves a posting's present text despite its blocking findings, with a reason: it may
   * then open. A posting in REVIEW goes back to DRAFT; an edit of the text needs a new approval.
   */
  @Transactional
  public PostingView approve(
      Caller caller, long id, ApprovalRequest request, @Nullable String ifMatch) {
    if (!caller.isAdmin()) {
      throw ApiProblem.forbidden(
          MessageKey.of("forbidden.approvePosting"), "only an admin approves a posting's text");
    }
    ApiProblem.throwIfAny(Validation.check(validator, request));
    Posting p = locked(caller, id, ifMatch);
    if (p.status() == PostingStatus.CLOSED) {
      throw ApiProblem.conflict(
          FieldError.transition(
              p.status(), MessageKey.of("action.approve"), "a closed posting cannot be approved"));
    }
    PostingScreening.Review review = screening.review(p);
    if (!review.screening().blocking()) {
      throw ApiProblem.conflict(
          "findings", "NothingToApprove", "the posting's text has no blocking finding");
    }
    Approval approval = screening.approve(p, review, request.reason().strip(), caller.username());
    review = new PostingScreening.Review(review.screening(), approval, true);
    Posting next = p.withStatus(PostingScreening.statusAfter(p.status(), review));
    return view(caller, next == p ? p : postings.update(next), review);
  }

  /** Screens texts as a posting would be screened, storing nothing. */
  public ScreenView screen(ScreenRequest request) {
    ApiProblem.throwIfAny(Validation.check(validator, request));
    Screening s = screening.screen(request.title(), request.description(), request.skills());
    return new ScreenView(s.blocking(), s.findings());
  }

  /**
   * Screens every posting that is not closed with today's rules: open ones held by a blocking
   * finding go to REVIEW, held ones no longer held go back to DRAFT; reports per partner unit.
   */
  public ScreeningRunReport screenAll() {
    return screening.run();
  }

  private static PostingStatus allowed(PostingStatus from, Set<PostingStatus> sources, Action a) {
    if (!sources.contains(from)) {
      throw ApiProblem.conflict(
          FieldError.transition(
              from, a, "cannot " + a.name().toLowerCase() + " a " + from + " posting"));
    }
    return switch (a) {
      case OPEN -> PostingStatus.OPEN;
      case PAUSE -> PostingStatus.PAUSED;
      case FILL -> PostingStatus.FILLED;
      case CLOSE -> PostingStatus.CLOSED;
    };
  }

  /**
   * Imports validated rows; employers import only for their own unit. A row to be OPEN whose text
   * has a blocking screening finding is stored in REVIEW, as a create would store it.
   */
  public ImportReport importRows(
      Caller caller, List<BulkImport.Parsed<PostingRequest>> rows, boolean atomic) {
    return BulkImport.run(
        rows,
        atomic,
        r -> {
          try {
            return validate(caller, r, true);
          } catch (ApiProblem p) {
            return List.of(
                new FieldError("partnerUnitId", "Exists", p.getMessage())
                    .with("value", r.partnerUnitId()));
          }
        },
        r -> {
          Posting p = toPosting(null, withCallersUnit(caller, r), null);
          p = p.withStatus(PostingScreening.statusAfter(p.status(), screening.review(p)));
          return postings.save(p).id();
        },
        tx);
  }

  private static Posting toPosting(Long id, PostingRequest r, Posting old) {
    return new Posting(
        id,
        r.partnerUnitId(),
        r.title().trim(),
        r.description(),
        r.occupation().trim(),
        Lists.cleanArray(r.skills()),
        r.headcount(),
        // placements count the places filled; a request never sets them
        old == null ? 0 : old.filledCount(),
        r.wageMin(),
        r.wageMax(),
        r.wageNote(),
        r.schedule(),
        r.workCommunityId(),
        r.city() == null || r.city().isBlank() ? HOME_CITY : r.city().trim(),
        r.minAge(),
        r.maxAge(),
        r.minEducation() == null ? Education.NONE : r.minEducation(),
        Lists.cleanArray(r.requiredLicences()),
        Boolean.TRUE.equals(r.publicWelfare()),
        Boolean.TRUE.equals(r.accommodation()),
        Boolean.TRUE.equals(r.disabilityFriendly()),
        r.validThrough(),
        old != null ? old.status() : (r.status() == null ? PostingStatus.DRAFT : r.status()),
        old == null ? 0 : old.version(),
        old == null ? null : old.createdAt(),
        old == null ? null : old.updatedAt());
  }
}
