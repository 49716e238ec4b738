package hongniang.referrals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/**
 * A resident's consent to one referral: the unit and posting they were shown, the fields it
 * receives, how the consent was given and by whom; withdrawn, never deleted.
 */
@MappedEntity("referral_consent")
record Consent(
    @Id @GeneratedValue @Nullable Long id,
    long referralId,
    long partnerUnitId,
    String unitName,
    String postingTitle,
    @TypeDef(type = DataType.STRING_ARRAY) String[] fields,
    ConsentMethod method,
    @Nullable String reference,
    String recordedBy,
    String recordedRole,
    Instant givenAt,
    @Nullable Instant withdrawnAt,
    @Nullable String withdrawnBy) {}
