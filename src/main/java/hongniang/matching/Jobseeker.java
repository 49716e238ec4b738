package hongniang.matching;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Schedule;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What matching knows of a resident. The name is only for lists staff read. Names of work are
 * resolved to occupations and skill keys before they get here, so scoring needs no dictionary.
 *
 * @param desired the occupations the resident asks for, resolved
 * @param skillKeys the resident's skills, each as its synonym group's key
 * @param pastWork occupations named in the resident's work history
 * @param schedules acceptable schedules, the preferred first; empty accepts any
 * @param status the profile status (SEEKING, REFERRED, EMPLOYED, INACTIVE)
 */
public record Jobseeker(
    long id,
    String name,
    int birthYear,
    long communityId,
    Education education,
    List<Work> desired,
    List<Skill> skills,
    Set<String> skillKeys,
    Set<Work> pastWork,
    Integer minWage,
    List<Schedule> schedules,
    boolean willingOutside,
    Set<String> licences,
    Set<DifficultyCategory> categories,
    LocalDate unemployedSince,
    String status,
    LocalDate updatedOn) {

  /** True while the resident looks for work. */
  public boolean seeking() {
    return "SEEKING".equals(status) || "REFERRED".equals(status);
  }
}
