package hongniang.placements;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A follow-up as the API shows it: when it is due and where it stands today, what was found, and
 * beside it the placement it checks (the resident and their community by id and name, the type, the
 * start date and the employer's name), so that a list of them is a worklist as it stands.
 */
@Serdeable
public record FollowUpView(
    long id,
    long placementId,
    int months,
    LocalDate dueOn,
    FollowUpState state,
    FollowUpOutcome outcome,
    LeaveReason reason,
    String note,
    String recordedBy,
    Instant recordedAt,
    long jobseekerId,
    String jobseekerName,
    long communityId,
    String communityName,
    PlacementType placementType,
    LocalDate placementStartDate,
    String employer) {}
