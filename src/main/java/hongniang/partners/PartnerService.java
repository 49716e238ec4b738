package hongniang.partners;

import hongniang.common.ApiProblem;
import hongniang.common.CheckDigits;
import hongniang.common.FieldError;
import hongniang.common.MessageKey;
import hongniang.common.PageResponse;
import hongniang.common.Paging;
import hongniang.common.Validation;
import hongniang.communities.CommunityService;
import hongniang.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Partner units and agreements; the door to this feature. */
@Singleton
public class PartnerService {

  private static final Set<String> AGREEMENT_FILTERS =
      Set.of("ACTIVE", "EXPIRED", "NOT_YET_VALID", "SUSPENDED", "TERMINATED");

  private final PartnerUnitRepository units;
  private final AgreementRepository agreements;
  private final CommunityService communities;
  private final Validator validator;
  private final Clock clock;

  PartnerService(
      PartnerUnitRepository units,
      AgreementRepository agreements,
      CommunityService communities,
      Validator validator,
      Clock clock) {
    this.units = units;
    this.agreements = agreements;
    this.communities = communities;
    this.validator = validator;
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /** True while the unit has an active agreement whose dates include the given day. */
  public boolean isPartnerOn(long unitId, LocalDate day) {
    return agreements.hasValidAgreement(unitId, day);
  }

  /** The last day of the unit's current partnership, if it is a partner today. */
  public Optional<LocalDate> partnerUntil(long unitId) {
    return agreements.partnerUntil(unitId, today());
  }

  public boolean unitExists(Long id) {
    return id != null && units.existsById(id);
  }

  /** The unit's name, for views that show it beside an id. */
  public Optional<String> unitName(long id) {
    return units.findById(id).map(PartnerUnit::name);
  }

  /** A unit as a posting shows it: name, and the contact staff and employers reach it by. */
  public record UnitCard(String name, String contactPerson, String contactPhone, String address) {}

  /** The cards of these units, by id; units that do not exist are left out. */
  public Map<Long, UnitCard> unitCards(Collection<Long> ids) {
    Map<Long, UnitCard> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (PartnerUnit u : units.findByIdIn(Set.copyOf(ids))) {
      out.put(u.id(), new UnitCard(u.name(), u.contactPerson(), u.contactPhone(), u.address()));
    }
    return out;
  }

  /** An agreement with its unit's and signing community's names. */
  private AgreementView agreementView(Agreement a, LocalDate today) {
    Map<Long, String> unit = new HashMap<>();
    unitName(a.partnerUnitId()).ifPresent(n -> unit.put(a.partnerUnitId(), n));
    return AgreementView.of(a, today, unit, communities.namesById());
  }

  // ---- units

  public PageResponse<PartnerUnitView> listUnits(
      Caller caller, Long communityId, Boolean partner, String q, Integer page, Integer size) {
    Long only = caller.isEmployer() ? caller.partnerUnitId() : null;
    String query = q == null || q.isBlank() ? null : q.trim();
    LocalDate today = today();
    return PageResponse.of(
        units.search(only, communityId, partner, query, today, Paging.of(page, size)),
        u -> PartnerUnitView.of(u, agreements.partnerUntil(u.id(), today).orElse(null)));
  }

  public PartnerUnitView getUnit(Caller caller, long id) {
    if (caller.isEmployer() && !Long.valueOf(id).equals(caller.partnerUnitId())) {
      throw ApiProblem.notFound("partner unit", id);
    }
    PartnerUnit unit =
        units.findById(id).orElseThrow(() -> ApiProblem.notFound("partner unit", id));
    return PartnerUnitView.of(unit, agreements.partnerUntil(id, today()).orElse(null));
  }

  /** The field errors of a unit request: bean rules, the credit code's check character. */
  public List<FieldError> validateUnit(PartnerUnitRequest request) {
    List<FieldError> errors = new ArrayList<>(Validation.check(validator, request));
    String code = request.creditCode();
    if (code != null
        && code.matches("^[0-9A-HJ-NPQRTUWXY]{18}$")
        && !CheckDigits.isValidCreditCode(code)) {
      char expected = CheckDigits.creditCodeCheckChar(code.substring(0, 17));
      errors.add(
          new FieldError(
                  "creditCode",
                  "CheckCharacter",
                  "the 18th character does not match (GB 32100-2015); expected " + expected)
              .with("expected", String.valueOf(expected)));
    }
    return errors;
  }

  @Transactional
  public PartnerUnitView createUnit(PartnerUnitRequest request) {
    ApiProblem.throwIfAny(validateUnit(request));
    if (units.existsByCreditCode(request.creditCode())) {
      throw ApiProblem.conflict(
          "creditCode", "Unique", "a unit with this credit code is registered");
    }
    PartnerUnit saved = units.save(toUnit(null, request, null));
    return PartnerUnitView.of(saved, null);
  }

  @Transactional
  public PartnerUnitView updateUnit(long id, PartnerUnitRequest request) {
    PartnerUnit old = units.findById(id).orElseThrow(() -> ApiProblem.notFound("partner unit", id));
    ApiProblem.throwIfAny(validateUnit(request));
    if (units.existsByCreditCodeAndIdNotEqual(request.creditCode(), id)) {
      throw ApiProblem.conflict(
          "creditCode", "Unique", "another unit with this credit code is registered");
    }
    PartnerUnit saved = units.update(toUnit(id, request, old));
    return PartnerUnitView.of(saved, agreements.partnerUntil(id, today()).orElse(null));
  }

  private static PartnerUnit toUnit(Long id, PartnerUnitRequest r, PartnerUnit old) {
    return new PartnerUnit(
        id,
        r.name().trim(),
        r.creditCode(),
        r.address(),
        r.contactPerson(),
        r.contactPhone(),
        r.industry(),
        old == null ? null : old.createdAt(),
        old == null ? null : old.updatedAt());
  }

  // ---- agreements

  public PageResponse<AgreementView> listAgreements(
      Caller caller,
      Long unitId,
      Long communityId,
      String status,
      Integer expiringWithinDays,
      Integer page,
      Integer size) {
    Long only = unitId;
    if (caller.isEmployer()) {
      if (unitId != null && !unitId.equals(caller.partnerUnitId())) {
        throw ApiProblem.notFound("partner unit", unitId);
      }
      only = caller.partnerUnitId();
    }
    String filter = status == null || status.isBlank() ? null : status.trim().toUpperCase();
    if (filter != null && !AGREEMENT_FILTERS.contains(filter)) {
      throw ApiProblem.invalid(FieldError.oneOf("status", AGREEMENT_FILTERS));
    }
    if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > 3660)) {
      throw ApiProblem.invalid(FieldError.range("expiringWithinDays", 0, 3660));
    }
    LocalDate today = today();
    LocalDate by = expiringWithinDays == null ? null : today.plusDays(expiringWithinDays);
    var found = agreements.search(only, communityId, filter, by, today, Paging.of(page, size));
    Map<Long, String> units = new HashMap<>();
    unitCards(found.getContent().stream().map(Agreement::partnerUnitId).toList())
        .forEach((id, card) -> units.put(id, card.name()));
    Map<Long, String> places = communities.namesById();
    return PageResponse.of(found, a -> AgreementView.of(a, today, units, places));
  }

  public AgreementView getAgreement(Caller caller, long id) {
    Agreement a = agreements.findById(id).orElseThrow(() -> ApiProblem.notFound("agreement", id));
    if (caller.isEmployer() && !a.partnerUnitId().equals(caller.partnerUnitId())) {
      throw ApiProblem.notFound("agreement", id);
    }
    return agreementView(a, today());
  }

  /** The field errors of an agreement request: bean rules, dates in order, known community. */
  public List<FieldError> validateAgreement(AgreementRequest request) {
    List<FieldError> errors = new ArrayList<>(Validation.check(validator, request));
    if (request.signedOn() != null
        && request.validUntil() != null
        && request.validUntil().isBefore(request.signedOn())) {
      errors.add(new FieldError("validUntil", "DateOrder", "must not be before signedOn"));
    }
    if (request.signingCommunityId() != null && !communities.exists(request.signingCommunityId())) {
      errors.add(
          new FieldError(
                  "signingCommunityId", "Exists", "no community " + request.signingCommunityId())
              .with("value", request.signingCommunityId()));
    }
    return errors;
  }

  @Transactional
  public AgreementView signAgreement(long unitId, AgreementRequest request) {
    if (!units.existsById(unitId)) {
      throw ApiProblem.notFound("partner unit", unitId);
    }
    ApiProblem.throwIfAny(validateAgreement(request));
    if (agreements.existsByNumber(request.number().trim())) {
      throw ApiProblem.conflict("number", "Unique", "agreement number is taken");
    }
    Agreement saved = agreements.save(toAgreement(null, unitId, request, null));
    return agreementView(saved, today());
  }

  @Transactional
  public AgreementView updateAgreement(long id, AgreementRequest request) {
    Agreement old = agreements.findById(id).orElseThrow(() -> ApiProblem.notFound("agreement", id));
    ApiProblem.throwIfAny(validateAgreement(request));
    if (agreements.existsByNumberAndIdNotEqual(request.number().trim(), id)) {
      throw ApiProblem.conflict("number", "Unique", "agreement number is taken");
    }
    return agreementView(
        agreements.update(toAgreement(id, old.partnerUnitId(), request, old)), today());
  }

  /** Changes only the status: suspend, terminate or reactivate. */
  @Transactional
  public AgreementView setAgreementStatus(long id, AgreementStatus status) {
    Agreement a = agreements.findById(id).orElseThrow(() -> ApiProblem.notFound("agreement", id));
    if (a.status() == AgreementStatus.TERMINATED && status != AgreementStatus.TERMINATED) {
      throw ApiProblem.conflict(
          FieldError.transition(
                  a.status(),
                  MessageKey.of("action.reactivate"),
                  "a terminated agreement cannot be reactivated; sign a new one")
              .saying("rule.Transition.terminated"));
    }
    Agreement changed =
        new Agreement(
            a.id(),
            a.partnerUnitId(),
            a.number(),
            a.signingCommunityId(),
            a.signedOn(),
            a.validUntil(),
            status,
            a.notes(),
            a.createdAt(),
            a.updatedAt());
    return agreementView(agreements.update(changed), today());
  }

  public List<AgreementView> agreementsOf(Caller caller, long unitId) {
    getUnit(caller, unitId);
    LocalDate today = today();
    return agreements.findByPartnerUnitIdOrderBySignedOnDesc(unitId).stream()
        .map(a -> agreementView(a, today))
        .toList();
  }

  private static Agreement toAgreement(Long id, long unitId, AgreementRequest r, Agreement old) {
    return new Agreement(
        id,
        unitId,
        r.number().trim(),
        r.signingCommunityId(),
        r.signedOn(),
        r.validUntil(),
        r.status() == null ? AgreementStatus.ACTIVE : r.status(),
        r.notes(),
        old == null ? null : old.createdAt(),
        old == null ? null : old.updatedAt());
  }
}
