package hongniang.demo;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Gender;
import hongniang.common.Schedule;
import java.time.LocalDate;
import java.util.List;

/** A generated resident looking for work, as the {@code jobseeker} table stores one. */
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
    Status status) {

  /** Where the resident stands; the names are the table's. */
  enum Status {
    SEEKING,
    REFERRED,
    EMPLOYED,
    INACTIVE
  }
}
