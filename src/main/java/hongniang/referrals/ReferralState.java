package hongniang.referrals;

import java.util.EnumSet;
import java.util.Set;

/** Where a referral is. Five states are open; the rest end it. */
public enum ReferralState {
  /** A resident asked to be referred; their matchmaker takes it up or declines it. */
  REQUESTED,
  /** A matchmaker proposes it; the resident is asked to consent. */
  PROPOSED,
  /** The resident consented to this employer receiving these fields. */
  CONSENTED,
  /** The resident said no, with a reason. */
  DECLINED_BY_RESIDENT,
  /** Sent to the employer, who must answer within the reply days. */
  SENT,
  /** The employer invited the resident to an interview (date, time, place, contact). */
  INTERVIEW,
  /** Hired: a placement was recorded. */
  HIRED,
  /** The employer said no, with a reason. */
  NOT_HIRED,
  /** Ended by the resident or the matchmaker, or by the withdrawal of consent. */
  WITHDRAWN,
  /** Untouched for the expiry days. */
  EXPIRED,
  /** Overtaken: the resident was hired elsewhere. */
  OBSOLETE;

  static final Set<ReferralState> OPEN =
      EnumSet.of(REQUESTED, PROPOSED, CONSENTED, SENT, INTERVIEW);

  /** The states in which the employer sees the candidate (with an active consent). */
  static final Set<ReferralState> WITH_EMPLOYER = EnumSet.of(SENT, INTERVIEW, HIRED, NOT_HIRED);

  public boolean isOpen() {
    return OPEN.contains(this);
  }

  /**
   * Whether the table of moves lets someone in the role, as a history row names it (ADMIN,
   * MATCHMAKER, RESIDENT, EMPLOYER or SYSTEM), move a referral from this state to that one: for
   * checking histories written by other means than the service's moves (the demo data, imports).
   */
  public boolean allowsMove(ReferralState to, String actorRole) {
    return Moves.find(this, to, Moves.Actor.ofRole(actorRole)).isPresent();
  }
}
