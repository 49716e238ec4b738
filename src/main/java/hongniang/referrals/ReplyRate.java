package hongniang.referrals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How one partner unit answers the referrals sent to it (an interview or not hired) within the
 * reply days.
 *
 * @param sent referrals sent to the unit
 * @param answered of those, answered at all
 * @param answeredInTime answered within the reply days
 * @param due sent referrals whose answer is due by now: answered, or unanswered past the deadline
 * @param overdue sent, unanswered, past the deadline, still waiting
 * @param replyRate {@code answeredInTime / due}, null while nothing is due
 * @param medianReplyHours the median time from sending to the answer, null before any answer
 */
@Serdeable
public record ReplyRate(
    long partnerUnitId,
    @Nullable String unitName,
    long sent,
    long answered,
    long answeredInTime,
    long due,
    long overdue,
    @Nullable Double replyRate,
    @Nullable Double medianReplyHours) {}
