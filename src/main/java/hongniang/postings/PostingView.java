package hongniang.postings;

import hongniang.common.Education;
import hongniang.common.Schedule;
import hongniang.screening.Finding;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A posting as the API shows it. It holds no personal data. Staff and employers also see what
 * screening finds in its texts ({@code findings}: where, which category, how weighty, the legal
 * basis and a rewording) and where it stands ({@code review}); residents see neither.
 */
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
    List<Finding> findings,
    ReviewView review,
    Instant createdAt,
    Instant updatedAt) {

  /** The view of a posting with its review, or without one (null) for a resident. */
  static PostingView of(Posting p, PostingScreening.Review review) {
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
        review == null ? List.of() : review.screening().findings(),
        review == null ? null : review.view(),
        p.createdAt(),
        p.updatedAt());
  }
}
