package hongniang.postings;

import hongniang.common.Education;
import hongniang.common.Schedule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A posting as the API shows it. It holds no personal data. */
@Serdeable
public record PostingView(
    Long id,
    Long partnerUnitId,
    String title,
    String description,
    String occupation,
    List<String> skills,
    int headcount,
    int filledCount,
    int remaining,
    int wageMin,
    int wageMax,
    String wageNote,
    Schedule schedule,
    Long workCommunityId,
    boolean outsideDistrict,
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
    Instant createdAt,
    Instant updatedAt) {

  static PostingView of(Posting p) {
    return new PostingView(
        p.id(),
        p.partnerUnitId(),
        p.title(),
        p.description(),
        p.occupation(),
        List.of(p.skills()),
        p.headcount(),
        p.filledCount(),
        p.headcount() - p.filledCount(),
        p.wageMin(),
        p.wageMax(),
        p.wageNote(),
        p.schedule(),
        p.workCommunityId(),
        p.workCommunityId() == null,
        p.city(),
        p.minAge(),
        p.maxAge(),
        p.minEducation(),
        List.of(p.requiredLicences()),
        p.publicWelfare(),
        p.accommodation(),
        p.disabilityFriendly(),
        p.validThrough(),
        p.status(),
        p.createdAt(),
        p.updatedAt());
  }
}
