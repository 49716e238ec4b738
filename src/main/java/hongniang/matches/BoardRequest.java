package hongniang.matches;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What the match board allocates. Every field may be left out: a matchmaker's board is their
 * community's seeking residents against the open postings with places left.
 *
 * @param communityId residents of this community (a matchmaker's own by default)
 * @param postingIds these postings instead of every open one with places left
 * @param jobseekerIds these residents instead of every seeking one of the community
 * @param perResident at most this many proposals per resident (1 to 5, default 1)
 */
@Serdeable
public record BoardRequest(
    @Nullable Long communityId,
    @Nullable List<Long> postingIds,
    @Nullable List<Long> jobseekerIds,
    @Nullable Integer perResident) {}
