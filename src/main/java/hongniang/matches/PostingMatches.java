package hongniang.matches;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Open postings ranked for one resident; with {@code explain=excluded} also the best postings that
 * a hard rule excluded, and the rules.
 */
@Serdeable
public record PostingMatches(long jobseekerId, List<Hit> matches, List<Excluded> excluded) {

  /** A posting and why it ranks where it does. */
  @Serdeable
  public record Hit(
      long postingId,
      String title,
      long partnerUnitId,
      String unitName,
      String occupation,
      Long workCommunityId,
      String workCommunityName,
      String city,
      String schedule,
      int wageMin,
      int wageMax,
      int remaining,
      double score,
      double max,
      List<PartView> parts) {}

  /** A posting that would have ranked here but for the rules. */
  @Serdeable
  public record Excluded(long postingId, String title, double score, List<ExclusionView> rules) {}
}
