package hongniang.demo;

import hongniang.common.Education;
import hongniang.common.Schedule;
import hongniang.postings.PostingStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * A generated posting of the unit at {@code unitIndex} in the generated unit list; {@code
 * workCommunity} is null for work outside the district; {@code openedOn} is the day it was put up.
 * Its places are as drawn (none taken): the history counts those its placements take.
 */
record DemoPosting(
    int unitIndex,
    PostingKind kind,
    String title,
    String description,
    String occupation,
    List<String> skills,
    int headcount,
    int filledCount,
    int wageMin,
    int wageMax,
    String wageNote,
    Schedule schedule,
    String workCommunity,
    String city,
    Integer minAge,
    Integer maxAge,
    Education minEducation,
    List<String> requiredLicences,
    boolean publicWelfare,
    boolean accommodation,
    boolean disabilityFriendly,
    LocalDate validThrough,
    PostingStatus status,
    LocalDate openedOn) {}
