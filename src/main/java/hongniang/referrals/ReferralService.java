package hongniang.referrals;

import hongniang.accounts.AuditLog;
import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.Idempotency;
import hongniang.common.MessageKey;
import hongniang.common.PageResponse;
import hongniang.common.Paging;
import hongniang.common.RowVersions;
import hongniang.common.Validation;
import hongniang.documents.MatchRecords;
import hongniang.matching.Exclusion;
import hongniang.matching.HardRules;
import hongniang.matching.Jobseeker;
import hongniang.matching.Posting;
import hongniang.partners.PartnerService;
import hongniang.placements.HireDetails;
import hongniang.placements.PlacementService;
import hongniang.postings.HireQueue;
import hongniang.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Referrals: made by a matchmaker, asked for by a resident, accepted from the match board; moved by
 * the table of {@link Moves}; seen by staff of the resident's community, by the resident, and by
 * the posting's unit only while the resident's consent stands (otherwise the referral does not
 * exist for it: 404).
 */
@Singleton
public class ReferralService {

  static final String SUBJECT = "referral";

  private final ReferralRepository referrals;
  private final ConsentRepository consents;
  private final Transitions transitions;
  private final ReferralViews views;
  private final MatchRecords records;
  private final PartnerService partners;
  private final AuditLog audit;
  private final Validator validator;
  private final Clock clock;
  private final Idempotency idempotency;
  private final PlacementService placements;
  private final HireQueue hires;

  ReferralService(
      ReferralRepository referrals,
      ConsentRepository consents,
      Transitions transitions,
      ReferralViews views,
      MatchRecords records,
      PartnerService partners,
      AuditLog audit,
      Validator validator,
      Clock clock,
      Idempotency idempotency,
      PlacementService placements,
      HireQueue hires) {
    this.hires = hires;
    this.idempotency = idempotency;
    this.placements = placements;
    this.referrals = referrals;
    this.consents = consents;
    this.transitions = transitions;
    this.views = views;
    this.records = records;
    this.partners = partners;
    this.audit = audit;
    this.validator = validator;
    this.clock = clock;
  }

  /** Filters of a referral list; null means any. */
  public record Filter(
      @Nullable Long jobseekerId,
      @Nullable Long postingId,
      @Nullable Long partnerUnitId,
      @Nullable Long communityId,
      @Nullable List<ReferralState> states) {}

  /**
   * A matchmaker (for their community's residents) or an admin refers a resident to a posting: 404
   * for a resident or posting the caller may not see, 422 naming each hard rule the pair breaks,
   * 409 when a live referral joins them already.
   */
  @Transactional
  public ReferralView create(Caller caller, ReferralRequest request, String idempotencyKey) {
    return idempotency.once(
        idempotencyKey,
        caller.username(),
        "referrals",
        request,
        ReferralView.class,
        () -> create(caller, request));
  }

  private ReferralView create(Caller caller, ReferralRequest request) {
    ApiProblem.throwIfAny(Validation.check(validator, request));
    Jobseeker s = residentFor(caller, request.jobseekerId());
    Posting o =
        records
            .posting(request.postingId())
            .orElseThrow(() -> ApiProblem.notFound("posting", request.postingId()));
    Referral saved =
        start(caller, s, o, ReferralState.PROPOSED, ReferralOrigin.MATCHMAKER, request.note());
    return views.one(caller, saved);
  }

  /**
   * A resident asks to be referred to a posting they can see: a referral in {@code REQUESTED} for
   * their matchmaker to take up or decline.
   */
  @Transactional
  public ReferralView interest(
      Caller caller, long postingId, InterestRequest request, String idempotencyKey) {
    InterestRequest r = request == null ? new InterestRequest(null) : request;
    return idempotency.once(
        idempotencyKey,
        caller.username(),
        "postings/" + postingId + "/interest",
        r,
        ReferralView.class,
        () -> interest(caller, postingId, r));
  }

  private ReferralView interest(Caller caller, long postingId, InterestRequest r) {
    ApiProblem.throwIfAny(Validation.check(validator, r));
    if (!caller.isResident() || caller.jobseekerId() == null) {
      throw ApiProblem.forbidden(
          MessageKey.of("forbidden.residentOnly"), "only a resident asks to be referred");
    }
    Jobseeker s =
        records
            .jobseeker(caller.jobseekerId())
            .orElseThrow(() -> ApiProblem.notFound("jobseeker", caller.jobseekerId()));
    LocalDate today = LocalDate.now(clock);
    Posting o =
        records
            .posting(postingId)
            .filter(p -> isCurrent(p, today))
            .orElseThrow(() -> ApiProblem.notFound("posting", postingId));
    Referral saved =
        start(caller, s, o, ReferralState.REQUESTED, ReferralOrigin.RESIDENT, r.note());
    return views.one(caller, saved);
  }

  /**
   * Accepts match-board proposals: one referral each, all or nothing. Each pair is checked as a
   * single referral is (the resident the caller's, the hard rules today, no live referral); any
   * failure stores nothing and names every failing proposal by its index: 422 when a rule is broken
   * or a record is gone, 409 when the only trouble is pairs already referred.
   */
  @Transactional
  public List<ReferralView> fromBoard(Caller caller, List<BoardPick> picks, String note) {
    List<FieldError> errors = new ArrayList<>();
    java.util.Map<Long, Jobseeker> residents = new java.util.HashMap<>();
    records
        .jobseekers(picks.stream().map(BoardPick::jobseekerId).toList())
        .forEach(s -> residents.put(s.id(), s));
    java.util.Map<Long, Posting> postings = new java.util.HashMap<>();
    records
        .postings(picks.stream().map(BoardPick::postingId).toList())
        .forEach(o -> postings.put(o.id(), o));
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < picks.size(); i++) {
      BoardPick pick = picks.get(i);
      String field = "proposals[" + i + "]";
      Jobseeker s = residents.get(pick.jobseekerId());
      Posting o = postings.get(pick.postingId());
      if (s == null || !caller.seesCommunity(s.communityId())) {
        errors.add(
            new FieldError(field + ".jobseekerId", "Exists", "no resident " + pick.jobseekerId())
                .with("value", pick.jobseekerId()));
      } else if (o == null) {
        errors.add(
            new FieldError(field + ".postingId", "Exists", "no posting " + pick.postingId())
                .with("value", pick.postingId()));
      } else {
        errors.addAll(hardRuleErrors(field, s, o));
        if (!seen.add(s.id() + ":" + o.id()) || referrals.liveExists(s.id(), o.id())) {
          errors.add(alreadyReferred(field, s.id(), o.id()));
        }
      }
    }
    if (!errors.isEmpty()) {
      boolean onlyReferred = errors.stream().allMatch(e -> e.rule().equals("AlreadyReferred"));
      throw onlyReferred
          ? new ApiProblem(409, "Conflict", errors.size() + " pairs are referred already", errors)
          : ApiProblem.unprocessable(errors);
    }
    List<Referral> made = new ArrayList<>();
    Instant now = transitions.now();
    for (BoardPick pick : picks) {
      Jobseeker s = residents.get(pick.jobseekerId());
      Posting o = postings.get(pick.postingId());
      made.add(
          transitions.create(
              Referral.start(
                  s.id(),
                  o.id(),
                  o.unitId(),
                  s.communityId(),
                  ReferralState.PROPOSED,
                  ReferralOrigin.BOARD,
                  blankToNull(note),
                  pick.reasonsJson(),
                  pick.score(),
                  now,
                  caller.username()),
              caller.username(),
              caller.role().name(),
              blankToNull(note)));
    }
    return views.page(caller, made);
  }

  /** A posting a resident may see: open, valid today, of a partner today. */
  private boolean isCurrent(Posting p, LocalDate today) {
    return "OPEN".equals(p.status())
        && !p.validThrough().isBefore(today)
        && partners.isPartnerOn(p.unitId(), today);
  }

  /** The checks every new referral passes, then the row and its first history row. */
  private Referral start(
      Caller caller,
      Jobseeker s,
      Posting o,
      ReferralState state,
      ReferralOrigin origin,
      String note) {
    List<FieldError> broken = hardRuleErrors("postingId", s, o);
    if (!broken.isEmpty()) {
      throw ApiProblem.unprocessable(broken);
    }
    if (referrals.liveExists(s.id(), o.id())) {
      throw ApiProblem.conflict(alreadyReferred("postingId", s.id(), o.id()));
    }
    Referral r =
        Referral.start(
            s.id(),
            o.id(),
            o.unitId(),
            s.communityId(),
            state,
            origin,
            blankToNull(note),
            null,
            null,
            transitions.now(),
            caller.username());
    return transitions.create(r, caller.username(), caller.role().name(), blankToNull(note));
  }

  /** Each hard rule the pair breaks, as an error on the field, told in the caller's language. */
  List<FieldError> hardRuleErrors(String field, Jobseeker s, Posting o) {
    List<FieldError> errors = new ArrayList<>();
    for (Exclusion x : HardRules.check(s, o, LocalDate.now(clock))) {
      String rule = x.rule();
      errors.add(
          new FieldError(field, rule, x.reason().en())
              .saying("rule.HardRule")
              .with("reasonZh", x.reason().zh())
              .with("reasonEn", x.reason().en()));
    }
    return errors;
  }

  static FieldError alreadyReferred(String field, long jobseekerId, long postingId) {
    return new FieldError(
            field,
            "AlreadyReferred",
            "resident " + jobseekerId + " is already referred to posting " + postingId)
        .with("jobseekerId", jobseekerId)
        .with("postingId", postingId);
  }

  /** The resident if the caller is staff who may refer them; otherwise 404. */
  private Jobseeker residentFor(Caller caller, long jobseekerId) {
    return records
        .jobseeker(jobseekerId)
        .filter(s -> caller.seesCommunity(s.communityId()))
        .orElseThrow(() -> ApiProblem.notFound("jobseeker", jobseekerId));
  }

  /** One referral with its history, if the caller may see it. */
  @Transactional
  public ReferralView get(Caller caller, long id) {
    Referral r = visible(caller, referrals.findById(id), id);
    ReferralView view = views.one(caller, r);
    auditEmployerRead(caller, List.of(r));
    return view;
  }

  /**
   * Referrals the caller may see: a resident their own, an employer its unit's that are with it by
   * consent, a matchmaker their community's, an admin all.
   */
  @Transactional
  public PageResponse<ReferralView> list(Caller caller, Filter f, Integer page, Integer size) {
    Long jobseeker = f.jobseekerId();
    Long unit = f.partnerUnitId();
    Long community = f.communityId();
    if (caller.isResident()) {
      if (jobseeker != null && !jobseeker.equals(caller.jobseekerId())) {
        throw ApiProblem.notFound("jobseeker", jobseeker);
      }
      jobseeker = caller.jobseekerId();
    } else if (caller.isEmployer()) {
      if (unit != null && !unit.equals(caller.partnerUnitId())) {
        throw ApiProblem.notFound("partner unit", unit);
      }
      unit = caller.partnerUnitId();
    } else if (caller.isMatchmaker()) {
      if (community != null && !community.equals(caller.communityId())) {
        throw ApiProblem.notFound("community", community);
      }
      community = caller.communityId();
    }
    String[] states =
        f.states() == null || f.states().isEmpty()
            ? null
            : f.states().stream().map(Enum::name).toArray(String[]::new);
    Page<Referral> found =
        referrals.search(
            jobseeker,
            f.postingId(),
            unit,
            community,
            states,
            caller.isEmployer(),
            Paging.of(page, size));
    List<ReferralView> items = views.page(caller, found.getContent());
    auditEmployerRead(caller, found.getContent());
    return new PageResponse<>(
        items, found.getPageNumber(), found.getSize(), found.getTotalSize(), found.getTotalPages());
  }

  /**
   * A posting's referrals: its unit sees those with it by consent (another unit's posting is 404),
   * staff those of the residents they see.
   */
  @Transactional
  public PageResponse<ReferralView> forPosting(
      Caller caller, long postingId, List<ReferralState> states, Integer page, Integer size) {
    records
        .posting(postingId)
        .filter(
            p -> !caller.isEmployer() || Long.valueOf(p.unitId()).equals(caller.partnerUnitId()))
        .orElseThrow(() -> ApiProblem.notFound("posting", postingId));
    return list(caller, new Filter(null, postingId, null, null, states), page, size);
  }

  /** An employer reading consented candidates is logged like a staff read of personal data. */
  private void auditEmployerRead(Caller caller, List<Referral> shown) {
    if (caller.isEmployer()) {
      for (Referral r : shown) {
        audit.record(
            caller.username(),
            "read-consented",
            "jobseeker",
            r.jobseekerId(),
            "referral " + r.id());
      }
    }
  }

  /**
   * Moves a referral. A move not in the table is a 409 naming the moves the caller may make; a move
   * someone else makes is a 403; what the move needs (a reason from its list, an interview, the
   * placement) is a 400 when missing.
   */
  public ReferralView move(
      Caller caller, long id, TransitionRequest request, String ifMatch, String idempotencyKey) {
    // a hire takes its turn among the posting's hires before its transaction (HireQueue); a
    // referral's posting never changes, so it is read first, and a missing one is a 404 inside
    Long posting =
        request.to() == ReferralState.HIRED ? referrals.findPostingIdById(id).orElse(null) : null;
    return hires.write(
        posting,
        () ->
            idempotency.once(
                idempotencyKey,
                caller.username(),
                "referrals/" + id + "/transitions",
                request,
                ReferralView.class,
                () -> move(caller, id, request, ifMatch)));
  }

  private ReferralView move(Caller caller, long id, TransitionRequest request, String ifMatch) {
    List<FieldError> errors = new ArrayList<>(Validation.check(validator, request));
    if (request.interview() != null) {
      Validation.check(validator, request.interview())
          .forEach(e -> errors.add(e.at("interview." + e.field())));
    }
    if (request.placement() != null) {
      Validation.check(validator, request.placement())
          .forEach(e -> errors.add(e.at("placement." + e.field())));
    }
    ApiProblem.throwIfAny(errors);
    Referral r = visible(caller, referrals.lockById(id), id);
    RowVersions.check(ifMatch, r.version());
    Moves.Actor actor = Moves.Actor.of(caller);
    ReferralState to = request.to();
    Moves.Move move =
        Moves.find(r.state(), to, actor)
            .orElseThrow(
                () ->
                    Moves.exists(r.state(), to)
                            && to != ReferralState.EXPIRED
                            && to != ReferralState.OBSOLETE
                        ? ApiProblem.forbidden(
                            MessageKey.of("forbidden.referralMove")
                                .with("from", r.state())
                                .with("to", to),
                            "this role does not make that move")
                        : Transitions.illegal(r.state(), to, actor));
    ApiProblem.throwIfAny(needs(move, request));
    Referral next = r;
    if (move.needs() == Moves.Needs.INTERVIEW) {
      TransitionRequest.Interview i = request.interview();
      next =
          r.withInterview(
              LocalDateTime.of(i.date(), i.time()), i.place().strip(), i.contact().strip());
    }
    if (to == ReferralState.HIRED) {
      // the place is taken first: none left is a 409 and nothing of the move is stored
      TransitionRequest.Hire h = request.placement();
      placements.hire(
          caller,
          r.id(),
          r.jobseekerId(),
          r.postingId(),
          new HireDetails(
              h.type(), h.startDate(), h.monthlyWage(), h.contractMonths(), blankToNull(h.note())));
    }
    Referral saved =
        transitions.move(
            next,
            to,
            caller.username(),
            caller.role().name(),
            request.reason(),
            blankToNull(request.note()),
            ifMatch);
    if (to == ReferralState.WITHDRAWN) {
      consents.withdraw(r.id(), transitions.now(), caller.username());
    }
    if (to == ReferralState.HIRED) {
      obsoleteOthers(r);
    }
    return views.one(caller, saved);
  }

  /**
   * A hired resident's other open referrals become OBSOLETE (HIRED_ELSEWHERE), by the service, and
   * their units lose sight of the resident.
   */
  private void obsoleteOthers(Referral hired) {
    for (Referral other : referrals.openOfResidentExcept(hired.jobseekerId(), hired.id())) {
      transitions.move(
          other,
          ReferralState.OBSOLETE,
          Transitions.SERVICE_ACTOR,
          Transitions.SERVICE_ROLE,
          RefusalReason.HIRED_ELSEWHERE,
          null,
          null);
      consents.withdraw(other.id(), transitions.now(), Transitions.SERVICE_ACTOR);
    }
  }

  /** How far back an interview may be recorded, and how far ahead it may be arranged. */
  static final int INTERVIEW_PAST_DAYS = 30;

  static final int INTERVIEW_AHEAD_DAYS = 180;

  /** What a move asks of the request that it lacks or should not carry. */
  private List<FieldError> needs(Moves.Move move, TransitionRequest r) {
    List<FieldError> errors = new ArrayList<>();
    Moves.Needs needs = move.needs();
    if (needs == Moves.Needs.CONSENT) {
      errors.add(new FieldError("to", "ConsentRequired", "consent is given with POST .../consent"));
      return errors;
    }
    java.util.Set<RefusalReason> reasons =
        switch (needs) {
          case RESIDENT_REASON -> RefusalReason.RESIDENT;
          case EMPLOYER_REASON -> RefusalReason.EMPLOYER;
          case STAFF_REASON -> RefusalReason.STAFF;
          default -> java.util.Set.of();
        };
    if (reasons.isEmpty() && r.reason() != null) {
      errors.add(new FieldError("reason", "NotExpected", "this move takes no reason"));
    } else if (!reasons.isEmpty() && r.reason() == null) {
      errors.add(
          new FieldError("reason", "NotNull", "give the reason")
              .saying("rule.NotNull.reason")
              .with("allowed", List.copyOf(reasons)));
    } else if (!reasons.isEmpty() && !reasons.contains(r.reason())) {
      errors.add(FieldError.oneOf("reason", List.copyOf(reasons)));
    }
    if (r.reason() == RefusalReason.OTHER && blankToNull(r.note()) == null) {
      errors.add(
          new FieldError("note", "NotBlank", "say what the other reason is")
              .saying("rule.NotBlank.otherReason"));
    }
    boolean interview = needs == Moves.Needs.INTERVIEW;
    if (interview && r.interview() != null && r.interview().date() != null) {
      LocalDate date = r.interview().date();
      LocalDate today = LocalDate.now(clock);
      if (date.isBefore(today.minusDays(INTERVIEW_PAST_DAYS))
          || date.isAfter(today.plusDays(INTERVIEW_AHEAD_DAYS))) {
        errors.add(
            new FieldError(
                    "interview.date",
                    "InterviewDate",
                    "an interview is between "
                        + INTERVIEW_PAST_DAYS
                        + " days ago (recorded late) and "
                        + INTERVIEW_AHEAD_DAYS
                        + " days ahead")
                .with("past", INTERVIEW_PAST_DAYS)
                .with("ahead", INTERVIEW_AHEAD_DAYS));
      }
    }
    if (interview && r.interview() == null) {
      errors.add(
          new FieldError("interview", "NotNull", "an interview needs a date, time and place"));
    } else if (!interview && r.interview() != null) {
      errors.add(new FieldError("interview", "NotExpected", "only an interview move takes one"));
    }
    boolean hire = needs == Moves.Needs.HIRE;
    if (hire && r.placement() == null) {
      errors.add(new FieldError("placement", "NotNull", "a hire needs its placement"));
    } else if (!hire && r.placement() != null) {
      errors.add(new FieldError("placement", "NotExpected", "only a hire takes a placement"));
    }
    return errors;
  }

  /**
   * The referral if the caller may see it: staff of the resident's community, the resident, or the
   * posting's unit while the referral is with it by a standing consent. Otherwise 404.
   */
  Referral visible(Caller caller, java.util.Optional<Referral> found, long id) {
    Referral r = found.orElseThrow(() -> ApiProblem.notFound("referral", id));
    boolean sees =
        caller.seesCommunity(r.communityId())
            || (caller.isResident() && Long.valueOf(r.jobseekerId()).equals(caller.jobseekerId()))
            || (caller.isEmployer()
                && Long.valueOf(r.partnerUnitId()).equals(caller.partnerUnitId())
                && ReferralState.WITH_EMPLOYER.contains(r.state())
                && consents.active(r.id()).isPresent());
    if (!sees) {
      throw ApiProblem.notFound("referral", id);
    }
    return r;
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
