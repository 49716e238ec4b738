package hongniang.placements;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A placement as the API shows it, names beside ids: the resident and the community that placed
 * them, the posting whose place it took, the partner unit or the employer named in words; where it
 * stands, why it ended or was cancelled, and its three follow-ups.
 */
@Serdeable
public record PlacementView(
    long id,
    long jobseekerId,
    String jobseekerName,
    long communityId,
    String communityName,
    Long referralId,
    Long postingId,
    String postingTitle,
    Long partnerUnitId,
    String unitName,
    String employerName,
    PlacementType type,
    LocalDate startDate,
    int monthlyWage,
    Integer contractMonths,
    String note,
    PlacementStatus status,
    LocalDate endedOn,
    LeaveReason endReason,
    Instant cancelledAt,
    String cancelledBy,
    String cancelReason,
    String recordedBy,
    Instant createdAt,
    List<FollowUpView> followUps) {

  /** The same placement with its follow-ups. */
  PlacementView withFollowUps(List<FollowUpView> list) {
    return new PlacementView(
        id,
        jobseekerId,
        jobseekerName,
        communityId,
        communityName,
        referralId,
        postingId,
        postingTitle,
        partnerUnitId,
        unitName,
        employerName,
        type,
        startDate,
        monthlyWage,
        contractMonths,
        note,
        status,
        endedOn,
        endReason,
        cancelledAt,
        cancelledBy,
        cancelReason,
        recordedBy,
        createdAt,
        List.copyOf(list));
  }
}
