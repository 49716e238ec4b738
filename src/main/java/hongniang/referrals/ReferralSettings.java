package hongniang.referrals;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

/**
 * {@code hongniang.referrals.*}: how many days an employer has to answer a sent referral (an
 * interview or not hired) before it is overdue, and after how many untouched days an open referral
 * expires. A bad value stops the service at start, naming the setting.
 */
@Context
@ConfigurationProperties("hongniang.referrals")
public class ReferralSettings {

  private int replyDays = 7;
  private int expireAfterDays = 14;

  public int getReplyDays() {
    return replyDays;
  }

  public void setReplyDays(int replyDays) {
    if (replyDays < 1 || replyDays > 90) {
      throw new IllegalArgumentException(
          "hongniang.referrals.reply-days must be between 1 and 90, not " + replyDays);
    }
    this.replyDays = replyDays;
  }

  public int getExpireAfterDays() {
    return expireAfterDays;
  }

  public void setExpireAfterDays(int expireAfterDays) {
    if (expireAfterDays < 1 || expireAfterDays > 365) {
      throw new IllegalArgumentException(
          "hongniang.referrals.expire-after-days must be between 1 and 365, not "
              + expireAfterDays);
    }
    this.expireAfterDays = expireAfterDays;
  }
}
