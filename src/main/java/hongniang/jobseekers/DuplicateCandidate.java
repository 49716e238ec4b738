package hongniang.jobseekers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A registered resident who may be the one being registered, as the 409 {@code PossibleDuplicate}
 * lists them: enough to recognise them (name, community, masked phone, birth year) and what they
 * share with the new profile ({@code phone}, {@code nameAndBirthDate}). A resident the caller may
 * not see (another community's, for a matchmaker) is never named: one entry with only {@code
 * otherCommunity: true} says that such a resident exists, however many there are and whatever they
 * share.
 */
@Serdeable
public record DuplicateCandidate(
    @Nullable Long id,
    @Nullable String name,
    @Nullable Long communityId,
    @Nullable String communityName,
    @Nullable String phone,
    @Nullable Integer birthYear,
    @Nullable List<String> matchedOn,
    boolean otherCommunity) {

  /** The one entry for every candidate in communities the caller does not see. */
  static final DuplicateCandidate ELSEWHERE =
      new DuplicateCandidate(null, null, null, null, null, null, null, true);
}
