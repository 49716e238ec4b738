package hongniang.referrals;

import java.util.EnumSet;
import java.util.Set;

/** What an employer may receive of a resident, by their consent to one referral. */
public enum SharedField {
  NAME,
  PHONE,
  AGE,
  SKILLS,
  WORK_HISTORY,
  /** Sensitive (Art. 28): shared only when the resident ticks it. */
  DISABILITY,
  /** Sensitive: the employment-difficulty categories, shared only when the resident ticks it. */
  HARDSHIP;

  /** What every consent shares: an employer cannot consider a candidate without these. */
  static final Set<SharedField> ALWAYS = EnumSet.of(NAME, PHONE, AGE, SKILLS, WORK_HISTORY);
}
