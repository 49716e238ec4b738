package hongniang.jobseekers;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Residents as other features need them beside their own records (a referral's candidate, a
 * worklist's line): unmasked, so the caller decides what to show and must have a reason to (a
 * consent, a matchmaker's own resident). Reads nothing into the audit log; callers audit.
 */
@Singleton
public class ResidentCards {

  private final JobseekerRepository jobseekers;

  ResidentCards(JobseekerRepository jobseekers) {
    this.jobseekers = jobseekers;
  }

  /** A resident's record as another feature reads it. */
  public record Card(
      long id,
      String name,
      long communityId,
      JobseekerStatus status,
      int birthYear,
      @Nullable String phone,
      List<String> skills,
      List<String> licences,
      @Nullable String experience,
      List<String> desiredOccupations,
      List<String> difficultyCategories,
      @Nullable String disabilityNote) {}

  public Optional<Card> card(long id) {
    return jobseekers.findById(id).map(ResidentCards::card);
  }

  /** The cards of these residents by id; ids that do not exist are left out. */
  public Map<Long, Card> cards(Collection<Long> ids) {
    Map<Long, Card> out = new HashMap<>();
    if (!ids.isEmpty()) {
      jobseekers.findByIdIn(ids).forEach(j -> out.put(j.id(), card(j)));
    }
    return out;
  }

  private static Card card(Jobseeker j) {
    return new Card(
        j.id(),
        j.name(),
        j.communityId(),
        j.status(),
        j.birthYear(),
        j.phone(),
        List.of(j.skills()),
        List.of(j.licences()),
        j.experience(),
        List.of(j.desiredOccupations()),
        List.of(j.difficultyCategories()),
        j.disabilityNote());
  }
}
