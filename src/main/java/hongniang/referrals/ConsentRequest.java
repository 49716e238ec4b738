package hongniang.referrals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/**
 * A resident's consent to one referral. Name, phone, age, skills and work history are always
 * shared; disability and hardship status only when ticked. A resident consenting themself gives no
 * method (it is {@code ONLINE}); staff recording it on their behalf name the method and a reference
 * (the signed form's number, the call's time).
 */
@Serdeable
public record ConsentRequest(
    @Nullable Boolean shareDisability,
    @Nullable Boolean shareHardship,
    @Nullable ConsentMethod method,
    @Nullable @Size(max = 200) String reference) {}
