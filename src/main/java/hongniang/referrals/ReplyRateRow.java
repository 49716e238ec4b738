package hongniang.referrals;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** One unit's reply figures as the database counts them. */
@Introspected
record ReplyRateRow(
    long unitId,
    long sent,
    long answered,
    long answeredInTime,
    long due,
    long overdue,
    @Nullable Double medianHours) {}
