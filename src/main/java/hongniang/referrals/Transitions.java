package hongniang.referrals;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.RowVersions;
import hongniang.jobseekers.RegisterService;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes a move: the referral row (its version checked by the database) and its history row, in the
 * caller's transaction. Every state change of a referral goes through here.
 */
@Singleton
class Transitions {

  /** The service's own moves (expiry, obsoleting) are recorded under this name and role. */
  static final String SERVICE_ACTOR = "system";

  static final String SERVICE_ROLE = "SYSTEM";

  private final ReferralRepository referrals;
  private final ReferralEventRepository events;
  private final Clock clock;
  private final ReferralNotices notices;
  private final RegisterService register;

  Transitions(
      ReferralRepository referrals,
      ReferralEventRepository events,
      Clock clock,
      ReferralNotices notices,
      RegisterService register) {
    this.register = register;
    this.referrals = referrals;
    this.events = events;
    this.clock = clock;
    this.notices = notices;
  }

  /** The actor a history row's role names. */
  private static Moves.Actor actor(String role) {
    return Moves.Actor.ofRole(role);
  }

  Instant now() {
    return clock.instant();
  }

  java.time.ZoneId zone() {
    return clock.getZone();
  }

  /** Stores a new referral and its first history row. */
  Referral create(Referral r, String actor, String role, String note) {
    Referral saved = referrals.save(r);
    events.save(
        new ReferralEvent(
            null, saved.id(), r.touchedAt(), actor, role, null, saved.state(), null, note));
    notices.moved(saved, null, actor(role));
    heardFrom(saved, role, null);
    return saved;
  }

  /**
   * Moves a referral (already changed in other fields, e.g. its interview) to a state, with the
   * reason it ended and a note; a row changed since it was read is a 409.
   */
  Referral move(
      Referral r,
      ReferralState to,
      String actor,
      String role,
      RefusalReason reason,
      String note,
      String ifMatch) {
    Instant at = now();
    Referral next = r.moved(to, at, reason == null ? null : reason.name());
    Referral saved;
    try {
      saved = referrals.update(next);
    } catch (io.micronaut.data.exceptions.OptimisticLockException e) {
      throw RowVersions.lostRace(
          "referral",
          ifMatch,
          () -> referrals.findById(r.id()).map(Referral::version).orElse(r.version()));
    }
    events.save(new ReferralEvent(null, r.id(), at, actor, role, r.state(), to, reason, note));
    notices.moved(saved, r.state(), actor(role));
    heardFrom(saved, role, note);
    return saved;
  }

  /**
   * A move the resident made, or a consent staff recorded from them (in person, by phone, on
   * paper), is contact: the register does not ask them "still looking?" too soon.
   */
  private void heardFrom(Referral r, String role, String note) {
    boolean recordedConsent =
        r.state() == ReferralState.CONSENTED && !ConsentMethod.ONLINE.name().equals(note);
    if ("RESIDENT".equals(role) || recordedConsent) {
      register.recordContact(r.jobseekerId());
    }
  }

  /** A 409 naming the moves this caller may make from where the referral is (none: it ended). */
  static ApiProblem illegal(ReferralState from, ReferralState to, Moves.Actor actor) {
    java.util.List<ReferralState> allowed = Moves.next(from, actor);
    FieldError error =
        new FieldError(
                "to",
                "Transition",
                "cannot move a " + from + " referral to " + to + "; allowed: " + allowed)
            .with("from", from)
            .with("to", to)
            .with("allowed", allowed);
    return ApiProblem.conflict(
        error.saying(
            allowed.isEmpty() ? "rule.Transition.referral.ended" : "rule.Transition.referral"));
  }
}
