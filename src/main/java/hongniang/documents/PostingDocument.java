package hongniang.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A row of {@code posting_document(today)}: what the search index and matching read of one posting.
 * Read for matching, {@code unitName}, {@code description} and {@code wageNote} are null.
 */
public record PostingDocument(
    long id,
    long unitId,
    String unitName,
    String title,
    String description,
    String occupation,
    List<String> skills,
    int headcount,
    int filledCount,
    int wageMin,
    int wageMax,
    String wageNote,
    String schedule,
    Long communityId,
    String city,
    Integer minAge,
    Integer maxAge,
    String minEducation,
    List<String> licences,
    boolean publicWelfare,
    boolean accommodation,
    boolean disabilityFriendly,
    LocalDate validThrough,
    String status,
    LocalDate agreementUntil,
    Instant createdAt) {}
