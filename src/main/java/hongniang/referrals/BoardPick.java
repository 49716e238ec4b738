package hongniang.referrals;

import io.micronaut.core.annotation.Nullable;

/**
 * One proposal of a match-board run a matchmaker accepts: the pair, the board's score and its
 * reasons (the score's parts as JSON), kept on the referral.
 */
public record BoardPick(
    long jobseekerId, long postingId, double score, @Nullable String reasonsJson) {}
