package hongniang.referrals;

import hongniang.accounts.AuditLog;
import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.Idempotency;
import hongniang.common.RowVersions;
import hongniang.common.Validation;
import hongniang.jobseekers.ResidentCards;
import hongniang.partners.PartnerService;
import hongniang.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Separate consent to one referral (个人信息保护法 Arts. 23, 29): what it would share, shown first; given
 * by the resident or recorded by staff with the method and a reference; withdrawn at any time,
 * after which the unit sees nothing of the resident.
 */
@Singleton
public class ConsentService {

  private final ReferralRepository referrals;
  private final ConsentRepository consents;
  private final ReferralService service;
  private final Transitions transitions;
  private final ReferralViews views;
  private final ResidentCards residents;
  private final PartnerService partners;
  private final Validator validator;
  private final Clock clock;
  private final Idempotency idempotency;
  private final AuditLog audit;

  ConsentService(
      ReferralRepository referrals,
      ConsentRepository consents,
      ReferralService service,
      Transitions transitions,
      ReferralViews views,
      ResidentCards residents,
      PartnerService partners,
      Validator validator,
      Clock clock,
      Idempotency idempotency,
      AuditLog audit) {
    this.idempotency = idempotency;
    this.audit = audit;
    this.referrals = referrals;
    this.consents = consents;
    this.service = service;
    this.transitions = transitions;
    this.views = views;
    this.residents = residents;
    this.partners = partners;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * What consenting would share with whom, each field with its value; for the resident and staff
   * (an employer learns nothing here: 404).
   */
  @Transactional
  public ConsentPreview preview(Caller caller, long referralId) {
    Referral r = residentSide(caller, referralId, false);
    ReferralView view = views.one(caller, r);
    ResidentCards.Card card =
        residents
            .card(r.jobseekerId())
            .orElseThrow(() -> ApiProblem.notFound("jobseeker", r.jobseekerId()));
    if (caller.isStaff()) {
      // the preview shows the phone and, when there are any, disability and hardship in full
      audit.record(
          caller.username(),
          "read-consent-preview",
          "jobseeker",
          r.jobseekerId(),
          "referral " + r.id());
    }
    List<ConsentPreview.Field> fields = new ArrayList<>();
    for (SharedField f : SharedField.values()) {
      fields.add(new ConsentPreview.Field(f, value(f, card), !SharedField.ALWAYS.contains(f)));
    }
    return new ConsentPreview(
        r.id(),
        r.state(),
        r.partnerUnitId(),
        view.unitName(),
        view.postingTitle(),
        fields,
        view.consent());
  }

  private String value(SharedField f, ResidentCards.Card card) {
    return switch (f) {
      case NAME -> card.name();
      case PHONE -> card.phone();
      case AGE -> String.valueOf(LocalDate.now(clock).getYear() - card.birthYear());
      case SKILLS -> String.join("、", concat(card.skills(), card.licences()));
      case WORK_HISTORY ->
          card.experience() == null
              ? String.join("、", card.desiredOccupations())
              : card.experience();
      case HARDSHIP -> String.join("、", card.difficultyCategories());
      case DISABILITY -> card.disabilityNote();
    };
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * The resident consents (method {@code ONLINE}), or staff record their consent with the method
   * and a reference. The referral must be {@code PROPOSED}; it becomes {@code CONSENTED}.
   */
  @Transactional
  public ReferralView give(
      Caller caller,
      long referralId,
      ConsentRequest request,
      String ifMatch,
      String idempotencyKey) {
    ConsentRequest c = request == null ? new ConsentRequest(null, null, null, null) : request;
    return idempotency.once(
        idempotencyKey,
        caller.username(),
        "referrals/" + referralId + "/consent",
        c,
        ReferralView.class,
        () -> give(caller, referralId, c, ifMatch));
  }

  private ReferralView give(Caller caller, long referralId, ConsentRequest c, String ifMatch) {
    List<FieldError> errors = new ArrayList<>(Validation.check(validator, c));
    ConsentMethod method = c.method();
    if (caller.isResident()) {
      if (method != null && method != ConsentMethod.ONLINE) {
        errors.add(FieldError.oneOf("method", List.of(ConsentMethod.ONLINE)));
      }
      method = ConsentMethod.ONLINE;
    } else {
      List<ConsentMethod> onBehalf =
          List.of(
              ConsentMethod.IN_PERSON_SIGNATURE,
              ConsentMethod.PHONE_CALL,
              ConsentMethod.PAPER_FORM);
      if (method == null) {
        errors.add(
            new FieldError("method", "NotNull", "say how the resident consented")
                .saying("rule.NotNull.consentMethod")
                .with("allowed", onBehalf));
      } else if (!onBehalf.contains(method)) {
        errors.add(FieldError.oneOf("method", onBehalf));
      }
      if (ReferralService.blankToNull(c.reference()) == null) {
        errors.add(
            new FieldError("reference", "NotBlank", "name the signed form or the call")
                .saying("rule.NotBlank.consentReference"));
      }
    }
    ApiProblem.throwIfAny(errors);
    Referral r = residentSide(caller, referralId, true);
    RowVersions.check(ifMatch, r.version());
    Moves.Actor actor = Moves.Actor.of(caller);
    if (Moves.find(r.state(), ReferralState.CONSENTED, actor).isEmpty()) {
      throw Transitions.illegal(r.state(), ReferralState.CONSENTED, actor);
    }
    Set<SharedField> fields = EnumSet.copyOf(SharedField.ALWAYS);
    if (Boolean.TRUE.equals(c.shareDisability())) {
      fields.add(SharedField.DISABILITY);
    }
    if (Boolean.TRUE.equals(c.shareHardship())) {
      fields.add(SharedField.HARDSHIP);
    }
    ReferralView shown = views.one(caller, r);
    consents.save(
        new Consent(
            null,
            r.id(),
            r.partnerUnitId(),
            shown.unitName() == null
                ? partners.unitName(r.partnerUnitId()).orElse("")
                : shown.unitName(),
            shown.postingTitle() == null ? "" : shown.postingTitle(),
            fields.stream().map(Enum::name).toArray(String[]::new),
            method,
            ReferralService.blankToNull(c.reference()),
            caller.username(),
            caller.role().name(),
            transitions.now(),
            null,
            null));
    Referral saved =
        transitions.move(
            r,
            ReferralState.CONSENTED,
            caller.username(),
            caller.role().name(),
            null,
            method.name(),
            ifMatch);
    return views.one(caller, saved);
  }

  /**
   * Withdraws the standing consent: the unit loses access at once, and an open referral ends
   * ({@code WITHDRAWN}, reason {@code CONSENT_WITHDRAWN}).
   */
  @Transactional
  public ReferralView withdraw(Caller caller, long referralId, WithdrawalRequest request) {
    WithdrawalRequest w = request == null ? new WithdrawalRequest(null) : request;
    ApiProblem.throwIfAny(Validation.check(validator, w));
    Referral r = residentSide(caller, referralId, true);
    if (consents.withdraw(r.id(), transitions.now(), caller.username()) == 0) {
      throw ApiProblem.conflict(
          new FieldError("consent", "NoConsent", "there is no standing consent to withdraw"));
    }
    Referral saved = r;
    if (r.state().isOpen()) {
      saved =
          transitions.move(
              r,
              ReferralState.WITHDRAWN,
              caller.username(),
              caller.role().name(),
              RefusalReason.CONSENT_WITHDRAWN,
              ReferralService.blankToNull(w.note()),
              null);
    }
    return views.one(caller, saved);
  }

  /** The referral for its resident or staff who see them, locked when it is to change; else 404. */
  private Referral residentSide(Caller caller, long id, boolean lock) {
    if (caller.isEmployer()) {
      throw ApiProblem.notFound("referral", id);
    }
    return service.visible(caller, lock ? referrals.lockById(id) : referrals.findById(id), id);
  }
}
