package hongniang.jobseekers;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A "still looking?" ask not answered yet: its round (1, or 2 after an unanswered first), when the
 * first of the cycle was asked, when this one was, and the time by which an answer keeps the
 * resident from the next step (asked again after round 1, INACTIVE after round 2).
 */
@Serdeable
public record PendingAsk(int round, Instant firstAskedAt, Instant askedAt, Instant answerBy) {}
