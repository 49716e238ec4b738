package hongniang.referrals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The public question of the table of moves agrees with the table, for every role a row names. */
class MovesTest {

  @Test
  void allowsMoveAnswersAsTheTableDoesForEveryRole() {
    for (ReferralState from : ReferralState.values()) {
      for (ReferralState to : ReferralState.values()) {
        for (String role : List.of("ADMIN", "MATCHMAKER", "RESIDENT", "EMPLOYER", "SYSTEM")) {
          assertEquals(
              Moves.find(from, to, Moves.Actor.ofRole(role)).isPresent(),
              from.allowsMove(to, role),
              from + " to " + to + " by " + role);
        }
      }
    }
  }

  @Test
  void onlyTheServiceExpiresAndOnlyTheUnitOrStaffHire() {
    assertTrue(ReferralState.SENT.allowsMove(ReferralState.EXPIRED, "SYSTEM"));
    assertFalse(ReferralState.SENT.allowsMove(ReferralState.EXPIRED, "MATCHMAKER"));
    assertTrue(ReferralState.INTERVIEW.allowsMove(ReferralState.HIRED, "EMPLOYER"));
    assertTrue(ReferralState.INTERVIEW.allowsMove(ReferralState.HIRED, "ADMIN"));
    assertFalse(ReferralState.INTERVIEW.allowsMove(ReferralState.HIRED, "RESIDENT"));
    assertFalse(ReferralState.PROPOSED.allowsMove(ReferralState.SENT, "MATCHMAKER"));
    assertFalse(ReferralState.HIRED.allowsMove(ReferralState.WITHDRAWN, "MATCHMAKER"));
  }
}
