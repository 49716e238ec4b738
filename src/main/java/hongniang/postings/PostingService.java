package hongniang.postings;

import hongniang.common.ApiProblem;
import hongniang.common.BulkImport;
import hongniang.common.Education;
import hongniang.common.FieldError;
import hongniang.common.ImportReport;
import hongniang.common.PageResponse;
import hongniang.common.Paging;
import hongniang.common.Validation;
import hongniang.communities.CommunityService;
import hongniang.partners.PartnerService;
import hongniang.security.Caller;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

  PostingService(
      PostingRepository postings,
      PartnerService partners,
      CommunityService communities,
      Validator validator,
      Clock clock,
      TransactionOperations<Connection> tx) {
    this.postings = postings;
    this.partners = partners;
    this.communities = communities;
    this.validator = validator;
    this.clock = clock;
    this.tx = tx;
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
    return PageResponse.of(
        postings.search(
            unit,
            f.communityId(),
            f.status() == null ? null : f.status().name(),
            f.schedule() == null ? null : f.schedule().name(),
            f.publicWelfare(),
            f.outsideDistrict(),
            current,
            today(),
            Paging.of(page, size)),
        PostingView::of);
  }

  public PostingView get(Caller caller, long id) {
    return PostingView.of(visible(caller, id));
  }

  /** The posting if the caller may see it; otherwise 404, as if it did not exist. */
  private Posting visible(Caller caller, long id) {
    Posting p = postings.findById(id).orElseThrow(() -> ApiProblem.notFound("posting", id));
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
   * Every rule a posting request breaks: bean rules, wage and age ranges, fill within headcount,
   * known unit and community, and for an open posting a valid partner agreement. An employer naming
   * another unit gets a 404 rather than a list of errors.
   */
  public List<FieldError> validate(Caller caller, PostingRequest r, boolean creating) {
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
    if (r.filledCount() != null && r.headcount() != null && r.filledCount() > r.headcount()) {
      errors.add(
          new FieldError("filledCount", "FilledWithinHeadcount", "must not exceed headcount"));
    }
    if (r.workCommunityId() != null && !communities.exists(r.workCommunityId())) {
      errors.add(
          new FieldError("workCommunityId", "Exists", "no community " + r.workCommunityId()));
    }
    boolean unitKnown = partners.unitExists(r.partnerUnitId());
    if (r.partnerUnitId() != null && !unitKnown) {
      errors.add(new FieldError("partnerUnitId", "Exists", "no partner unit " + r.partnerUnitId()));
    }
    if (creating
        && r.status() != null
        && !Set.of(PostingStatus.DRAFT, PostingStatus.OPEN).contains(r.status())) {
      errors.add(new FieldError("status", "OneOf", "a new posting is DRAFT or OPEN"));
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

  @Transactional
  public PostingView create(Caller caller, PostingRequest request) {
    ApiProblem.throwIfAny(validate(caller, request, true));
    return PostingView.of(postings.save(toPosting(null, request, null)));
  }

  /** Replaces a posting's fields; its status stays, unless the fill reaches the headcount. */
  @Transactional
  public PostingView update(Caller caller, long id, PostingRequest request) {
    Posting old = visible(caller, id);
    if (old.status() == PostingStatus.CLOSED) {
      throw ApiProblem.conflict("status", "Transition", "a closed posting cannot be changed");
    }
    if (request.status() != null && request.status() != old.status()) {
      throw ApiProblem.invalid(
          "status", "UseAction", "change the status with the open, pause, fill or close actions");
    }
    if (!old.partnerUnitId().equals(request.partnerUnitId())) {
      throw ApiProblem.invalid("partnerUnitId", "Immutable", "a posting stays with its unit");
    }
    ApiProblem.throwIfAny(validate(caller, request, false));
    Posting next = toPosting(id, request, old);
    if (next.filledCount() >= next.headcount()
        && (old.status() == PostingStatus.OPEN || old.status() == PostingStatus.PAUSED)) {
      next = next.withStatus(PostingStatus.FILLED);
    }
    return PostingView.of(postings.update(next));
  }

  /** A status change the caller asks for by name: open, pause, fill or close. */
  public enum Action {
    OPEN,
    PAUSE,
    FILL,
    CLOSE
  }

  @Transactional
  public PostingView act(Caller caller, long id, Action action) {
    Posting p = visible(caller, id);
    PostingStatus from = p.status();
    PostingStatus to =
        switch (action) {
          case OPEN -> allowed(from, Set.of(PostingStatus.DRAFT, PostingStatus.PAUSED), action);
          case PAUSE -> allowed(from, Set.of(PostingStatus.OPEN), action);
          case FILL -> allowed(from, Set.of(PostingStatus.OPEN, PostingStatus.PAUSED), action);
          case CLOSE ->
              allowed(
                  from,
                  Set.of(
                      PostingStatus.DRAFT,
                      PostingStatus.OPEN,
                      PostingStatus.PAUSED,
                      PostingStatus.FILLED),
                  action);
        };
    if (action == Action.OPEN) {
      ApiProblem.throwIfAny(openingErrors(p.partnerUnitId(), true, p.validThrough()));
      if (p.filledCount() >= p.headcount()) {
        throw ApiProblem.conflict("filledCount", "Remaining", "the posting has no places left");
      }
    }
    return PostingView.of(postings.update(p.withStatus(to)));
  }

  private static PostingStatus allowed(PostingStatus from, Set<PostingStatus> sources, Action a) {
    if (!sources.contains(from)) {
      throw ApiProblem.conflict(
          "status", "Transition", "cannot " + a.name().toLowerCase() + " a " + from + " posting");
    }
    return switch (a) {
      case OPEN -> PostingStatus.OPEN;
      case PAUSE -> PostingStatus.PAUSED;
      case FILL -> PostingStatus.FILLED;
      case CLOSE -> PostingStatus.CLOSED;
    };
  }

  /** Imports validated rows; employers import only for their own unit. */
  public ImportReport importRows(
      Caller caller, List<BulkImport.Parsed<PostingRequest>> rows, boolean atomic) {
    return BulkImport.run(
        rows,
        atomic,
        r -> {
          try {
            return validate(caller, r, true);
          } catch (ApiProblem p) {
            return List.of(new FieldError("partnerUnitId", "Exists", p.getMessage()));
          }
        },
        r -> postings.save(toPosting(null, r, null)).id(),
        tx);
  }

  private static Posting toPosting(Long id, PostingRequest r, Posting old) {
    return new Posting(
        id,
        r.partnerUnitId(),
        r.title().trim(),
        r.description(),
        r.occupation().trim(),
        clean(r.skills()),
        r.headcount(),
        r.filledCount() == null ? (old == null ? 0 : old.filledCount()) : r.filledCount(),
        r.wageMin(),
        r.wageMax(),
        r.wageNote(),
        r.schedule(),
        r.workCommunityId(),
        r.city() == null || r.city().isBlank() ? HOME_CITY : r.city().trim(),
        r.minAge(),
        r.maxAge(),
        r.minEducation() == null ? Education.NONE : r.minEducation(),
        clean(r.requiredLicences()),
        Boolean.TRUE.equals(r.publicWelfare()),
        Boolean.TRUE.equals(r.accommodation()),
        Boolean.TRUE.equals(r.disabilityFriendly()),
        r.validThrough(),
        old != null ? old.status() : (r.status() == null ? PostingStatus.DRAFT : r.status()),
        old == null ? null : old.createdAt(),
        old == null ? null : old.updatedAt());
  }

  private static String[] clean(List<String> items) {
    return items == null
        ? new String[0]
        : items.stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .distinct()
            .toArray(String[]::new);
  }
}
