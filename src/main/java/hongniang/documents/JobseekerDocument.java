package hongniang.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A row of the {@code jobseeker_document} view: what the search index and matching read of one
 * resident's profile. No ID number, no phone: the view does not have them.
 */
public record JobseekerDocument(
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
