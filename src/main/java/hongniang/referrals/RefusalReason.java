package hongniang.referrals;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why a referral did not go on: the resident's reasons, the employer's, the matchmaker's, and the
 * service's own. Reports count them, so they are words, not free text; {@code OTHER} needs a note.
 */
public enum RefusalReason {
  // the resident's
  WAGE,
  DISTANCE,
  HOURS,
  HEALTH,
  FAMILY,
  FOUND_OTHER_WORK,
  // the employer's
  SKILLS,
  EXPERIENCE,
  NO_SHOW,
  POSITION_FILLED,
  WAGE_EXPECTATIONS,
  // the matchmaker's, declining a resident's request or withdrawing a referral
  NOT_ELIGIBLE,
  NOT_SUITABLE,
  RESIDENT_UNREACHABLE,
  // the service's own
  CONSENT_WITHDRAWN,
  HIRED_ELSEWHERE,
  UNTOUCHED,
  OTHER;

  /** What a resident may give when they decline a referral (the pages offer these). */
  public static final Set<RefusalReason> RESIDENT =
      java.util.Collections.unmodifiableSet(
          EnumSet.of(WAGE, DISTANCE, HOURS, HEALTH, FAMILY, FOUND_OTHER_WORK, OTHER));

  /** The reasons an employer gives for not hiring: the choices its page offers. */
  public static final Set<RefusalReason> EMPLOYER =
      java.util.Collections.unmodifiableSet(
          EnumSet.of(SKILLS, EXPERIENCE, NO_SHOW, POSITION_FILLED, WAGE_EXPECTATIONS, OTHER));

  /** What staff may give when they withdraw: the resident's reasons told by phone, or their own. */
  public static final Set<RefusalReason> STAFF =
      java.util.Collections.unmodifiableSet(
          EnumSet.of(
              WAGE,
              DISTANCE,
              HOURS,
              HEALTH,
              FAMILY,
              FOUND_OTHER_WORK,
              POSITION_FILLED,
              NOT_ELIGIBLE,
              NOT_SUITABLE,
              RESIDENT_UNREACHABLE,
              OTHER));
}
