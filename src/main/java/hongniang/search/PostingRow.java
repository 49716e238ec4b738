package hongniang.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the posting index holds of one posting, read from PostgreSQL. */
record PostingRow(
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
