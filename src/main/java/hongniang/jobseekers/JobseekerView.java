package hongniang.jobseekers;

import com.fasterxml.jackson.annotation.JsonInclude;
import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Gender;
import hongniang.common.Schedule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A resident's profile as the API shows it. The ID number is masked unless revealed (and the reveal
 * logged); the phone is masked in lists; hardship notes appear only in the detail view. {@code
 * version} is raised by every write, and is the ETag that {@code If-Match} names. The register's
 * part: why and since when an INACTIVE resident is out of matching (and the profile a duplicate was
 * merged into), when the resident was last heard of, and a "still looking?" ask waiting for their
 * answer.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobseekerView(
    Long id,
    String name,
    Gender gender,
    String idNumber,
    boolean idNumberMasked,
    LocalDate birthDate,
    int birthYear,
    int age,
    String phone,
    boolean phoneMasked,
    Long communityId,
    String communityName,
    Education education,
    List<String> skills,
    String experience,
    List<String> desiredOccupations,
    Integer minWage,
    List<Schedule> acceptableSchedules,
    boolean willingOutside,
    List<String> licences,
    List<DifficultyCategory> difficultyCategories,
    String difficultyNote,
    String disabilityNote,
    LocalDate unemployedSince,
    JobseekerStatus status,
    DataConsent dataConsent,
    Instant dataConsentAt,
    long version,
    Instant createdAt,
    Instant updatedAt,
    InactiveReason inactiveReason,
    Instant inactiveSince,
    Long mergedInto,
    Instant lastContactAt,
    PendingAsk pendingAsk) {

  /** How much of the personal data a view shows. */
  enum Detail {
    /** a list row: masked ID and phone, no hardship notes */
    LIST,
    /** the detail view: masked ID, whole phone, notes */
    DETAIL,
    /** the detail view with the ID number revealed */
    REVEALED
  }

  static JobseekerView of(
      Jobseeker j, Detail detail, LocalDate today, Map<Long, String> communityNames) {
    boolean maskPhone = detail == Detail.LIST;
    boolean maskId = detail != Detail.REVEALED;
    boolean notes = detail != Detail.LIST;
    return new JobseekerView(
        j.id(),
        j.name(),
        j.gender(),
        maskId ? hongniang.common.Masking.idNumber(j.idNumber()) : j.idNumber(),
        maskId && j.idNumber() != null,
        j.birthDate(),
        j.birthYear(),
        j.birthDate() != null
            ? java.time.Period.between(j.birthDate(), today).getYears()
            : today.getYear() - j.birthYear(),
        maskPhone ? hongniang.common.Masking.phone(j.phone()) : j.phone(),
        maskPhone && j.phone() != null,
        j.communityId(),
        communityNames.get(j.communityId()),
        j.education(),
        List.of(j.skills()),
        j.experience(),
        List.of(j.desiredOccupations()),
        j.minWage(),
        Arrays.stream(j.acceptableSchedules()).map(Schedule::valueOf).toList(),
        j.willingOutside(),
        List.of(j.licences()),
        Arrays.stream(j.difficultyCategories()).map(DifficultyCategory::valueOf).toList(),
        notes ? j.difficultyNote() : null,
        notes ? j.disabilityNote() : null,
        j.unemployedSince(),
        j.status(),
        j.dataConsent() == null ? null : DataConsent.valueOf(j.dataConsent()),
        j.dataConsentAt(),
        j.version(),
        j.createdAt(),
        j.updatedAt(),
        null,
        null,
        null,
        null,
        null);
  }

  /** This view with the register's part (see {@link RegisterViews}). */
  JobseekerView withRegister(
      InactiveReason reason, Instant since, Long mergedInto, Instant lastContact, PendingAsk ask) {
    return new JobseekerView(
        id,
        name,
        gender,
        idNumber,
        idNumberMasked,
        birthDate,
        birthYear,
        age,
        phone,
        phoneMasked,
        communityId,
        communityName,
        education,
        skills,
        experience,
        desiredOccupations,
        minWage,
        acceptableSchedules,
        willingOutside,
        licences,
        difficultyCategories,
        difficultyNote,
        disabilityNote,
        unemployedSince,
        status,
        dataConsent,
        dataConsentAt,
        version,
        createdAt,
        updatedAt,
        reason,
        since,
        mergedInto,
        lastContact,
        ask);
  }
}
