package hongniang.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the jobseeker index holds of one resident: no ID number, no phone; the name only as a stored
 * value for staff result lists.
 */
record JobseekerRow(
    long id,
    String name,
    String gender,
    int birthYear,
    long communityId,
    String education,
    List<String> skills,
    String experience,
    List<String> desiredOccupations,
    Integer minWage,
    List<String> schedules,
    boolean willingOutside,
    List<String> licences,
    List<String> categories,
    LocalDate unemployedSince,
    String status,
    Instant updatedAt) {}
