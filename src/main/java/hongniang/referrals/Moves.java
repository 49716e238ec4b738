package hongniang.referrals;

import static hongniang.referrals.ReferralState.CONSENTED;
import static hongniang.referrals.ReferralState.DECLINED_BY_RESIDENT;
import static hongniang.referrals.ReferralState.EXPIRED;
import static hongniang.referrals.ReferralState.HIRED;
import static hongniang.referrals.ReferralState.INTERVIEW;
import static hongniang.referrals.ReferralState.NOT_HIRED;
import static hongniang.referrals.ReferralState.OBSOLETE;
import static hongniang.referrals.ReferralState.PROPOSED;
import static hongniang.referrals.ReferralState.REQUESTED;
import static hongniang.referrals.ReferralState.SENT;
import static hongniang.referrals.ReferralState.WITHDRAWN;

import hongniang.security.Caller;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The referral's state machine as one table: each legal move, who may make it, and what it needs (a
 * reason from which list, an interview, a hire). Consent is given through its own endpoint, which
 * makes the move to {@code CONSENTED}; the service alone makes {@code EXPIRED} and {@code OBSOLETE}
 * on its own account.
 */
final class Moves {

  /** Who makes a move. */
  enum Actor {
    STAFF,
    RESIDENT,
    EMPLOYER,
    SERVICE;

    static Actor of(Caller caller) {
      return switch (caller.role()) {
        case ADMIN, MATCHMAKER -> STAFF;
        case RESIDENT -> RESIDENT;
        case EMPLOYER -> EMPLOYER;
      };
    }

    /** The actor a history row's role names (ADMIN, MATCHMAKER, RESIDENT, EMPLOYER, SYSTEM). */
    static Actor ofRole(String role) {
      return switch (role) {
        case "ADMIN", "MATCHMAKER" -> STAFF;
        case "RESIDENT" -> RESIDENT;
        case "EMPLOYER" -> EMPLOYER;
        default -> SERVICE;
      };
    }
  }

  /** What a move asks of the request. */
  enum Needs {
    NOTHING,
    RESIDENT_REASON,
    EMPLOYER_REASON,
    STAFF_REASON,
    INTERVIEW,
    HIRE,
    CONSENT
  }

  record Move(ReferralState from, ReferralState to, Set<Actor> who, Needs needs) {}

  private static final Set<Actor> STAFF = EnumSet.of(Actor.STAFF);
  private static final Set<Actor> STAFF_OR_RESIDENT = EnumSet.of(Actor.STAFF, Actor.RESIDENT);
  private static final Set<Actor> STAFF_OR_EMPLOYER = EnumSet.of(Actor.STAFF, Actor.EMPLOYER);
  private static final Set<Actor> SERVICE = EnumSet.of(Actor.SERVICE);

  static final List<Move> ALL = table();

  private Moves() {}

  private static List<Move> table() {
    List<Move> moves = new ArrayList<>();
    moves.add(new Move(REQUESTED, PROPOSED, STAFF, Needs.NOTHING));
    moves.add(new Move(PROPOSED, CONSENTED, STAFF_OR_RESIDENT, Needs.CONSENT));
    moves.add(new Move(PROPOSED, DECLINED_BY_RESIDENT, STAFF_OR_RESIDENT, Needs.RESIDENT_REASON));
    moves.add(new Move(CONSENTED, SENT, STAFF, Needs.NOTHING));
    moves.add(new Move(SENT, INTERVIEW, STAFF_OR_EMPLOYER, Needs.INTERVIEW));
    moves.add(new Move(SENT, NOT_HIRED, STAFF_OR_EMPLOYER, Needs.EMPLOYER_REASON));
    // a second interview, or the first one moved
    moves.add(new Move(INTERVIEW, INTERVIEW, STAFF_OR_EMPLOYER, Needs.INTERVIEW));
    moves.add(new Move(INTERVIEW, HIRED, STAFF_OR_EMPLOYER, Needs.HIRE));
    moves.add(new Move(INTERVIEW, NOT_HIRED, STAFF_OR_EMPLOYER, Needs.EMPLOYER_REASON));
    for (ReferralState open : ReferralState.OPEN) {
      // a resident withdraws without giving a reason; staff give one
      moves.add(new Move(open, WITHDRAWN, STAFF, Needs.STAFF_REASON));
      moves.add(new Move(open, WITHDRAWN, EnumSet.of(Actor.RESIDENT), Needs.NOTHING));
      moves.add(new Move(open, EXPIRED, SERVICE, Needs.NOTHING));
      moves.add(new Move(open, OBSOLETE, SERVICE, Needs.NOTHING));
    }
    return List.copyOf(moves);
  }

  /** The move from one state to another that this actor may make, if any. */
  static Optional<Move> find(ReferralState from, ReferralState to, Actor actor) {
    return ALL.stream()
        .filter(m -> m.from() == from && m.to() == to && m.who().contains(actor))
        .findFirst();
  }

  /** Whether anyone at all may move between the two states. */
  static boolean exists(ReferralState from, ReferralState to) {
    return ALL.stream().anyMatch(m -> m.from() == from && m.to() == to);
  }

  /** The states this actor may move a referral to from where it is, in the enum's order. */
  static List<ReferralState> next(ReferralState from, Actor actor) {
    Set<ReferralState> to = EnumSet.noneOf(ReferralState.class);
    ALL.stream()
        .filter(m -> m.from() == from && m.who().contains(actor))
        .forEach(m -> to.add(m.to()));
    return List.copyOf(to);
  }
}
