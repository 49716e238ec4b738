package hongniang.matching;

import hongniang.common.Education;
import hongniang.common.Schedule;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What matching knows of a posting and its partner's agreement.
 *
 * @param work the posting's occupation, resolved; null when the list does not know it
 * @param skillKeys the posting's skills, each as its synonym group's key
 * @param communityId where the work is; null for work outside the district
 * @param remaining headcount still open
 * @param agreementValidUntil the last day of the unit's active agreement; null when it has none
 */
public record Posting(
    long id,
    long unitId,
    String title,
    Work work,
    List<Skill> skills,
    Set<String> skillKeys,
    int wageMin,
    int wageMax,
    Schedule schedule,
    Long communityId,
    String city,
    Integer minAge,
    Integer maxAge,
    Education minEducation,
    Set<String> requiredLicences,
    boolean publicWelfare,
    String status,
    int remaining,
    LocalDate validThrough,
    LocalDate agreementValidUntil,
    LocalDate createdOn) {}
