package hongniang.referrals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One transition of a referral: who, in which role, when, from where to where, why. */
@MappedEntity("referral_event")
record ReferralEvent(
    @Id @GeneratedValue @Nullable Long id,
    long referralId,
    Instant at,
    String actor,
    String actorRole,
    @Nullable ReferralState fromState,
    ReferralState toState,
    @Nullable RefusalReason reason,
    @Nullable String note) {}
