package hongniang.referrals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What a consent to one referral would share, shown before the resident says yes: the employer, the
 * posting, and each field with the value the employer would receive. Disability and hardship are
 * listed as optional; they are shared only when ticked.
 */
@Serdeable
public record ConsentPreview(
    long referralId,
    ReferralState state,
    long partnerUnitId,
    String unitName,
    String postingTitle,
    List<Field> fields,
    @Nullable ReferralView.ConsentView consent) {

  /** One field, its value as the employer would see it, and whether it is shared only if ticked. */
  @Serdeable
  public record Field(SharedField field, @Nullable String value, boolean optional) {}
}
