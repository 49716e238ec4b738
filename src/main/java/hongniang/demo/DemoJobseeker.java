package hongniang.demo;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Gender;
import hongniang.common.Schedule;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A generated resident, as the {@code jobseeker} table stores one: registered at {@code
 * registeredAt}, last changed at {@code updatedAt} (both local time), {@code version} changes
 * since.
 */
record DemoJobseeker(
    String name,
    Gender gender,
    String idNumber,
    LocalDate birthDate,
    String phone,
    String community,
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
    Status status,
    LocalDateTime registeredAt,
    LocalDateTime updatedAt,
    int version) {

  /**
   * This resident as their history left them: where they stand, since when out of work (null when
   * employed), their categories and licences, their last change and how many there were.
   */
  DemoJobseeker withStory(
      Status newStatus,
      LocalDate newUnemployedSince,
      List<DifficultyCategory> newCategories,
      List<String> newLicences,
      LocalDateTime newUpdatedAt,
      int newVersion) {
    return new DemoJobseeker(
        name,
        gender,
        idNumber,
        birthDate,
        phone,
        community,
        education,
        skills,
        experience,
        desiredOccupations,
        minWage,
        acceptableSchedules,
        willingOutside,
        newLicences,
        newCategories,
        difficultyNote,
        disabilityNote,
        newUnemployedSince,
        newStatus,
        registeredAt,
        newUpdatedAt,
        newVersion);
  }

  /**
   * Where the resident stands; the names are the table's. The demo's residents are SEEKING or
   * INACTIVE as registered; only their history makes them EMPLOYED. REFERRED is never generated:
   * the service leaves a referred resident SEEKING.
   */
  enum Status {
    SEEKING,
    REFERRED,
    EMPLOYED,
    INACTIVE
  }
}
