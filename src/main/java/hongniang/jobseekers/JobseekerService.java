package hongniang.jobseekers;

import hongniang.accounts.AuditLog;
import hongniang.common.ApiProblem;
import hongniang.common.BulkImport;
import hongniang.common.CheckDigits;
import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.FieldError;
import hongniang.common.Gender;
import hongniang.common.ImportReport;
import hongniang.common.Lists;
import hongniang.common.MessageKey;
import hongniang.common.PageResponse;
import hongniang.common.Paging;
import hongniang.common.RowVersions;
import hongniang.common.Schedule;
import hongniang.common.Validation;
import hongniang.communities.CommunityService;
import hongniang.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jobseeker profiles. Matchmakers manage their own community's residents, admins all, a resident
 * reads their own profile. Every staff read of a profile and every change is audited.
 */
@Singleton
public class JobseekerService {

  static final String SUBJECT = "jobseeker";

  private final JobseekerRepository jobseekers;
  private final CommunityService communities;
  private final AuditLog audit;
  private final Validator validator;
  private final Clock clock;
  private final TransactionOperations<Connection> tx;
  private final DuplicateGuard duplicates;
  private final RegisterViews register;

  JobseekerService(
      JobseekerRepository jobseekers,
      CommunityService communities,
      AuditLog audit,
      Validator validator,
      Clock clock,
      TransactionOperations<Connection> tx,
      DuplicateGuard duplicates,
      RegisterViews register) {
    this.jobseekers = jobseekers;
    this.communities = communities;
    this.audit = audit;
    this.validator = validator;
    this.clock = clock;
    this.tx = tx;
    this.duplicates = duplicates;
    this.register = register;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /** Lists residents: a matchmaker sees only their community (another is 404). */
  public PageResponse<JobseekerView> list(
      Caller caller,
      Long communityId,
      JobseekerStatus status,
      DifficultyCategory category,
      String name,
      Integer page,
      Integer size) {
    Long community = communityId;
    if (caller.isMatchmaker()) {
      if (communityId != null && !communityId.equals(caller.communityId())) {
        throw ApiProblem.notFound("community", communityId);
      }
      community = caller.communityId();
    }
    LocalDate today = today();
    String prefix = name == null || name.isBlank() ? null : name.trim();
    Map<Long, String> places = communities.namesById();
    return register.complete(
        PageResponse.of(
            jobseekers.search(
                community,
                status == null ? null : status.name(),
                category == null ? null : category.name(),
                prefix,
                Paging.of(page, size)),
            j -> JobseekerView.of(j, JobseekerView.Detail.LIST, today, places)));
  }

  /** One profile; {@code revealIdNumber} shows the whole ID number to staff, and is logged. */
  @Transactional
  public JobseekerView get(Caller caller, long id, boolean revealIdNumber) {
    Jobseeker j = visible(caller, id);
    JobseekerView.Detail detail = JobseekerView.Detail.DETAIL;
    if (caller.isStaff()) {
      if (revealIdNumber) {
        detail = JobseekerView.Detail.REVEALED;
        audit.record(caller.username(), "reveal", SUBJECT, id, "idNumber");
      } else {
        audit.record(caller.username(), "read", SUBJECT, id, null);
      }
    } else if (revealIdNumber) {
      throw ApiProblem.forbidden(
          MessageKey.of("forbidden.revealIdNumber"), "only staff may reveal an ID number");
    }
    return register.complete(JobseekerView.of(j, detail, today(), communities.namesById()));
  }

  /**
   * One profile with the whole ID number, for staff, with the reason they gave; the reveal and its
   * reason are logged.
   */
  @Transactional
  public JobseekerView reveal(Caller caller, long id, String reason) {
    Jobseeker j = visible(caller, id);
    if (!caller.isStaff()) {
      throw ApiProblem.forbidden(
          MessageKey.of("forbidden.revealIdNumber"), "only staff may reveal an ID number");
    }
    audit.record(caller.username(), "reveal", SUBJECT, id, "idNumber; reason: " + reason);
    return register.complete(
        JobseekerView.of(j, JobseekerView.Detail.REVEALED, today(), communities.namesById()));
  }

  /** The audit trail of one profile, for staff who may see it. */
  public List<AuditLog.Entry> auditTrail(Caller caller, long id) {
    visible(caller, id);
    return audit.about(SUBJECT, id);
  }

  /**
   * Who read or changed the signed-in resident's own profile, newest first, a page at a time (from
   * 0): for a resident only, and only the entries about their own profile (404 for anyone else).
   */
  public PageResponse<AuditLog.Reader> ownAuditTrail(Caller caller, Integer page, Integer size) {
    if (!caller.isResident() || caller.jobseekerId() == null) {
      throw ApiProblem.notFound("jobseeker", caller.jobseekerId());
    }
    long id = visible(caller, caller.jobseekerId()).id();
    return audit.aboutNewestFirst(SUBJECT, id, page, size);
  }

  /** A resident as other features show them beside their own records. */
  public record Resident(long id, String name, long communityId, String communityName) {}

  /**
   * The resident if the caller may see them (an admin, their community's matchmaker, the resident
   * themself); otherwise 404, as if they did not exist. Reads no personal data but the name.
   */
  public Resident resident(Caller caller, long id) {
    return resident(visible(caller, id), communities.namesById());
  }

  /**
   * The residents of these ids that exist, by id, for a list the caller's access already decided
   * (e.g. filtered by the matchmaker's community).
   */
  public Map<Long, Resident> residents(Collection<Long> ids) {
    Map<Long, Resident> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    Map<Long, String> places = communities.namesById();
    jobseekers.findByIdIn(ids).forEach(j -> out.put(j.id(), resident(j, places)));
    return out;
  }

  private static Resident resident(Jobseeker j, Map<Long, String> places) {
    return new Resident(j.id(), j.name(), j.communityId(), places.get(j.communityId()));
  }

  /**
   * Adds a licence or certificate the resident has earned (a passed training course) to their
   * licences, so that matching sees it as soon as the index follows the row. The caller must see
   * the resident (else 404). One conditional statement raises the row's version, so a profile edit
   * read before it cannot write the licence away (that edit gets a 409); the change is audited.
   * False when the resident holds the licence already (nothing is written).
   */
  @Transactional
  public boolean addLicence(Caller caller, long id, String licence) {
    visible(caller, id);
    boolean added = jobseekers.addLicence(id, licence.strip()) == 1;
    if (added) {
      audit.record(caller.username(), "update", SUBJECT, id, "licences");
    }
    return added;
  }

  Jobseeker visible(Caller caller, long id) {
    Jobseeker j = jobseekers.findById(id).orElseThrow(() -> ApiProblem.notFound("jobseeker", id));
    boolean sees =
        caller.seesCommunity(j.communityId())
            || (caller.isResident() && Long.valueOf(id).equals(caller.jobseekerId()));
    if (!sees) {
      throw ApiProblem.notFound("jobseeker", id);
    }
    return j;
  }

  /**
   * Every rule a profile breaks: bean rules, the ID number's check digit and its agreement with
   * gender and birth year, a plausible working age, a known community (the matchmaker's own), and
   * categories that fit the person (4050 by age and gender, long-term unemployment by date).
   */
  public List<FieldError> validate(Caller caller, JobseekerRequest r) {
    List<FieldError> errors = new ArrayList<>(Validation.check(validator, r));
    LocalDate today = today();
    Optional<LocalDate> birth = Optional.empty();
    Gender gender = r.gender();
    Integer birthYear = r.birthYear();
    String id = r.idNumber();
    if (id != null && id.matches("^[0-9]{17}[0-9X]$")) {
      if (!CheckDigits.isValidIdNumber(id)) {
        errors.add(
            CheckDigits.birthDate(id).isEmpty()
                ? new FieldError(
                        "idNumber", "CheckDigit", "digits 7 to 14 are not a real birth date")
                    .saying("rule.CheckDigit.birthDate")
                : new FieldError(
                    "idNumber", "CheckDigit", "the 18th character does not match (GB 11643-1999)"));
      } else {
        birth = CheckDigits.birthDate(id);
        Gender fromId = (id.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        if (gender != null && gender != fromId) {
          errors.add(new FieldError("gender", "MatchesIdNumber", "differs from the ID number"));
        }
        gender = fromId;
        int yearFromId = birth.get().getYear();
        if (birthYear != null && birthYear != yearFromId) {
          errors.add(new FieldError("birthYear", "MatchesIdNumber", "differs from the ID number"));
        }
        birthYear = yearFromId;
      }
    }
    if (id == null) {
      if (gender == null) {
        errors.add(
            new FieldError("gender", "NotNull", "required without an ID number")
                .saying("rule.NotNull.withoutIdNumber"));
      }
      if (birthYear == null) {
        errors.add(
            new FieldError("birthYear", "NotNull", "required without an ID number")
                .saying("rule.NotNull.withoutIdNumber"));
      }
    }
    if (birthYear != null) {
      int age = today.getYear() - birthYear;
      if (age < 16 || age > 100) {
        errors.add(
            new FieldError("birthYear", "WorkingAge", "the resident must be 16 to 100 years old")
                .with("min", 16)
                .with("max", 100));
      }
    }
    errors.addAll(communities.namedCommunityErrors(caller, r.communityId(), "rule.OwnCommunity"));
    if (r.unemployedSince() != null && r.unemployedSince().isAfter(today)) {
      errors.add(new FieldError("unemployedSince", "PastOrPresent", "must not be in the future"));
    }
    List<DifficultyCategory> categories =
        r.difficultyCategories() == null ? List.of() : r.difficultyCategories();
    if (categories.contains(DifficultyCategory.AGE_4050) && gender != null && birthYear != null) {
      int age = today.getYear() - birthYear;
      int threshold = gender == Gender.FEMALE ? 40 : 50;
      if (age < threshold) {
        errors.add(
            new FieldError(
                "difficultyCategories",
                "Age4050",
                "4050 means women aged 40 or more and men aged 50 or more"));
      }
    }
    if (categories.contains(DifficultyCategory.LONG_TERM_UNEMPLOYED)
        && r.unemployedSince() != null
        && r.unemployedSince().isAfter(today.minusYears(1))) {
      errors.add(
          new FieldError(
              "difficultyCategories",
              "LongTermUnemployed",
              "long-term unemployment needs a registration a year or more ago"));
    }
    return errors;
  }

  @Transactional
  public JobseekerView create(Caller caller, JobseekerRequest request) {
    ApiProblem.throwIfAny(validate(caller, request));
    if (request.idNumber() != null && jobseekers.existsByIdNumber(request.idNumber())) {
      throw ApiProblem.conflict("idNumber", "Unique", "a resident with this ID number exists");
    }
    String confirmed = duplicates.guardCreate(caller, request);
    Jobseeker saved = jobseekers.save(toJobseeker(null, request, null));
    audit.record(caller.username(), "create", SUBJECT, saved.id(), confirmed);
    return register.complete(
        JobseekerView.of(saved, JobseekerView.Detail.DETAIL, today(), communities.namesById()));
  }

  /**
   * Replaces a profile. The write is conditional on the version read: one that lost a race to
   * another write (a colleague's, a certificate added by training) stores nothing (409, or 412 with
   * {@code ifMatch}); a stale {@code ifMatch} is a 412.
   */
  @Transactional
  public JobseekerView update(
      Caller caller, long id, JobseekerRequest request, @Nullable String ifMatch) {
    Jobseeker old = visible(caller, id);
    RowVersions.check(ifMatch, old.version());
    ApiProblem.throwIfAny(validate(caller, request));
    if (request.idNumber() != null
        && jobseekers.existsByIdNumberAndIdNotEqual(request.idNumber(), id)) {
      throw ApiProblem.conflict("idNumber", "Unique", "a resident with this ID number exists");
    }
    Jobseeker saved;
    try {
      saved = jobseekers.update(toJobseeker(id, request, old));
    } catch (OptimisticLockException e) {
      throw RowVersions.lostRace(
          "jobseeker",
          ifMatch,
          () -> jobseekers.findById(id).map(Jobseeker::version).orElse(old.version()));
    }
    audit.record(caller.username(), "update", SUBJECT, id, null);
    return register.complete(
        JobseekerView.of(saved, JobseekerView.Detail.DETAIL, today(), communities.namesById()));
  }

  /**
   * What a resident may change of their own profile: how to reach them and the work they want
   * (kinds of work, lowest monthly wage, hours, work outside the district). Everything else stays
   * with the matchmaker.
   */
  public record OwnChanges(
      @Nullable String phone,
      List<String> desiredOccupations,
      @Nullable Integer minWage,
      List<Schedule> acceptableSchedules,
      boolean willingOutside) {}

  /**
   * A resident changes their own contact and wishes, under the same rules as staff (the profile's
   * other fields as they are); conditional on the version read ({@code ifMatch}), audited. Only a
   * resident, only their own profile.
   */
  @Transactional
  public JobseekerView updateOwn(Caller caller, OwnChanges c, @Nullable String ifMatch) {
    if (!caller.isResident() || caller.jobseekerId() == null) {
      throw ApiProblem.notFound("jobseeker", caller.jobseekerId());
    }
    long id = caller.jobseekerId();
    Jobseeker old = jobseekers.findById(id).orElseThrow(() -> ApiProblem.notFound("jobseeker", id));
    RowVersions.check(ifMatch, old.version());
    JobseekerRequest r =
        new JobseekerRequest(
            old.name(),
            old.gender(),
            old.idNumber(),
            old.birthYear(),
            c.phone() == null || c.phone().isBlank() ? null : c.phone().strip(),
            old.communityId(),
            old.education(),
            List.of(old.skills()),
            old.experience(),
            c.desiredOccupations(),
            c.minWage(),
            c.acceptableSchedules(),
            c.willingOutside(),
            List.of(old.licences()),
            java.util.Arrays.stream(old.difficultyCategories())
                .map(DifficultyCategory::valueOf)
                .toList(),
            old.difficultyNote(),
            old.disabilityNote(),
            old.unemployedSince(),
            old.status(),
            null,
            null);
    // only the fields the resident changes can be wrong here: the rest is as staff left it
    List<String> own =
        List.of("phone", "desiredOccupations", "minWage", "acceptableSchedules", "willingOutside");
    ApiProblem.throwIfAny(
        validate(caller, r).stream()
            .filter(e -> own.stream().anyMatch(f -> e.field().startsWith(f)))
            .toList());
    Jobseeker saved;
    try {
      saved = jobseekers.update(toJobseeker(id, r, old));
    } catch (OptimisticLockException e) {
      throw RowVersions.lostRace(
          "jobseeker",
          ifMatch,
          () -> jobseekers.findById(id).map(Jobseeker::version).orElse(old.version()));
    }
    audit.record(caller.username(), "update", SUBJECT, id, "own contact and wishes");
    return register.complete(
        JobseekerView.of(saved, JobseekerView.Detail.DETAIL, today(), communities.namesById()));
  }

  /**
   * Deletes a profile entered by mistake, with its inbox and "still looking?" asks; refused while a
   * login is bound to it, and once the resident has referrals, placements or training, which the
   * service's ledgers keep (such a resident is set INACTIVE instead).
   */
  @Transactional
  public void delete(Caller caller, long id) {
    visible(caller, id);
    if (jobseekers.hasLogin(id)) {
      throw ApiProblem.conflict(
          "id", "HasLogin", "a resident login is bound to this profile; remove the login first");
    }
    if (jobseekers.hasHistory(id)) {
      throw ApiProblem.conflict(
          "id",
          "HasHistory",
          "the resident has referrals, placements or training, which the ledgers keep: set them"
              + " INACTIVE instead");
    }
    jobseekers.deleteMessagesOf(id);
    jobseekers.deleteById(id);
    audit.record(caller.username(), "delete", SUBJECT, id, null);
  }

  /** Imports validated rows in one transaction; every stored row is audited. */
  public ImportReport importRows(
      Caller caller, List<BulkImport.Parsed<JobseekerRequest>> rows, boolean atomic) {
    List<String> seen = new ArrayList<>();
    java.util.Set<String> seenPeople = new java.util.HashSet<>();
    return BulkImport.run(
        rows,
        atomic,
        r -> {
          List<FieldError> errors = new ArrayList<>(validate(caller, r));
          if (r.idNumber() != null) {
            if (seen.contains(r.idNumber()) || jobseekers.existsByIdNumber(r.idNumber())) {
              errors.add(
                  new FieldError("idNumber", "Unique", "a resident with this ID number exists"));
            }
            seen.add(r.idNumber());
          }
          if (errors.isEmpty()) {
            errors.addAll(duplicates.rowErrors(caller, r, seenPeople));
          }
          return errors;
        },
        r -> {
          String confirmed = duplicates.importConfirmation(caller, r);
          Long id = jobseekers.save(toJobseeker(null, r, null)).id();
          audit.record(caller.username(), "import", SUBJECT, id, confirmed);
          return id;
        },
        tx);
  }

  private Jobseeker toJobseeker(Long id, JobseekerRequest r, Jobseeker old) {
    String idNumber = r.idNumber();
    LocalDate birth = idNumber == null ? null : CheckDigits.birthDate(idNumber).orElse(null);
    Gender gender =
        idNumber == null
            ? r.gender()
            : ((idNumber.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
    int birthYear = birth != null ? birth.getYear() : r.birthYear();
    return new Jobseeker(
        id,
        r.name().trim(),
        gender,
        idNumber,
        birth,
        birthYear,
        r.phone(),
        r.communityId(),
        r.education() == null ? Education.NONE : r.education(),
        Lists.cleanArray(r.skills()),
        r.experience(),
        Lists.cleanArray(r.desiredOccupations()),
        r.minWage(),
        Lists.namesArray(r.acceptableSchedules()),
        Boolean.TRUE.equals(r.willingOutside()),
        Lists.cleanArray(r.licences()),
        Lists.namesArray(r.difficultyCategories()),
        r.difficultyNote(),
        r.disabilityNote(),
        r.unemployedSince(),
        r.status() == null ? (old == null ? JobseekerStatus.SEEKING : old.status()) : r.status(),
        r.dataConsent() != null ? r.dataConsent().name() : (old == null ? null : old.dataConsent()),
        r.dataConsent() != null
                && (old == null || !r.dataConsent().name().equals(old.dataConsent()))
            ? clock.instant()
            : (old == null ? null : old.dataConsentAt()),
        old == null ? 0 : old.version(),
        old == null ? null : old.createdAt(),
        old == null ? null : old.updatedAt());
  }
}
