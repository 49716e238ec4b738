package hongniang.matches;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Jobseekers ranked for one posting, for staff only; with {@code explain=excluded} also the best
 * residents a hard rule excluded. No ID number or phone: a referral shares those, with consent.
 */
@Serdeable
public record JobseekerMatches(long postingId, List<Hit> matches, List<Excluded> excluded) {

  /** A resident and why they rank where they do. */
  @Serdeable
  public record Hit(
      long jobseekerId,
      String name,
      long communityId,
      String communityName,
      int age,
      String status,
      double score,
      double max,
      List<PartView> parts) {}

  /** A resident who would have ranked here but for the rules. */
  @Serdeable
  public record Excluded(long jobseekerId, String name, double score, List<ExclusionView> rules) {}
}
