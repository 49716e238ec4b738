package hongniang.demo;

import hongniang.placements.FollowUpOutcome;
import hongniang.placements.LeaveReason;
import hongniang.placements.PlacementType;
import hongniang.postings.PostingStatus;
import hongniang.referrals.ConsentMethod;
import hongniang.referrals.ReferralOrigin;
import hongniang.referrals.ReferralState;
import hongniang.referrals.RefusalReason;
import hongniang.referrals.SharedField;
import hongniang.training.CourseKind;
import hongniang.training.EnrolmentStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The three years before today as the street office lived them, in memory: what {@link
 * HistorySimulation} made of the generated units, postings and residents. Rows refer to one another
 * by position: a posting by its index in {@link #postings}, a resident by theirs in the generated
 * jobseekers, a unit in the units, a referral in {@link #referrals}, a course in {@link #courses}.
 * Times are local (the service's zone); the writer turns them into instants.
 *
 * @param postings the plan's postings with the places their placements took, then past postings
 * @param residents the first generated residents as their histories left them (status, out of work
 *     since, categories, licences, last change)
 * @param notices inbox messages, the oldest first, as the service would have sent them
 * @param accounts residents who use the service themselves (they asked for referrals, consented
 *     online) and the username they sign in with
 */
record DemoHistory(
    List<Posted> postings,
    List<DemoJobseeker> residents,
    List<Referral> referrals,
    List<Placement> placements,
    List<Course> courses,
    List<Enrolment> enrolments,
    List<Notice> notices,
    List<Account> accounts) {

  /**
   * A posting as the history left it: the plan's or a past one, with the places its placements
   * took, its status (FILLED when none is left) and the day either last changed.
   */
  record Posted(DemoPosting posting, int filled, PostingStatus status, LocalDate changedOn) {}

  /**
   * One move of a referral, as {@code referral_event} stores it; {@code from} null at its start.
   */
  record Event(
      LocalDateTime at,
      String actor,
      String role,
      ReferralState from,
      ReferralState to,
      RefusalReason reason,
      String note) {}

  /** The resident's consent to one referral; withdrawn ones keep when and by whom. */
  record Consent(
      LocalDateTime givenAt,
      ConsentMethod method,
      String reference,
      String recordedBy,
      String recordedRole,
      List<SharedField> fields,
      LocalDateTime withdrawnAt,
      String withdrawnBy) {

    /** This consent withdrawn at a moment by someone: the unit loses sight of the resident. */
    Consent withdrawn(LocalDateTime at, String by) {
      return new Consent(givenAt, method, reference, recordedBy, recordedRole, fields, at, by);
    }
  }

  /** A referral with its whole history (the first event made it) and its consent, if any. */
  record Referral(
      int jobseeker,
      int posting,
      int unit,
      String community,
      ReferralOrigin origin,
      ReferralState state,
      String note,
      LocalDateTime interviewAt,
      String interviewPlace,
      String interviewContact,
      LocalDateTime sentAt,
      LocalDateTime answeredAt,
      RefusalReason endedReason,
      LocalDateTime replyRemindedAt,
      String createdBy,
      List<Event> events,
      Consent consent) {

    LocalDateTime createdAt() {
      return events.get(0).at();
    }

    /** The last move: a referral expires when it stays untouched. */
    LocalDateTime touchedAt() {
      return events.get(events.size() - 1).at();
    }
  }

  /** A follow-up: recorded ({@code outcome} set) or not yet. */
  record FollowUp(
      int months,
      LocalDate dueOn,
      FollowUpOutcome outcome,
      LeaveReason reason,
      String note,
      String recordedBy,
      LocalDateTime recordedAt) {}

  /**
   * A placement: through a posting (with the referral hired, when there was one), with a partner
   * unit, or with an employer named in words; ended when a follow-up found the resident gone.
   */
  record Placement(
      int jobseeker,
      String community,
      Integer referral,
      Integer posting,
      Integer unit,
      String employerName,
      PlacementType type,
      LocalDate startDate,
      int monthlyWage,
      Integer contractMonths,
      String note,
      String recordedBy,
      LocalDateTime createdAt,
      LocalDate endedOn,
      LeaveReason endReason,
      List<FollowUp> followUps) {}

  /** A course; {@code community} null when the street office runs it. */
  record Course(
      String title,
      CourseKind kind,
      String provider,
      LocalDate startsOn,
      LocalDate endsOn,
      String place,
      String community,
      int seats,
      int seatsTaken,
      String licence,
      String description,
      LocalDateTime createdAt) {}

  /** A resident's enrolment in a course, and how it ended. */
  record Enrolment(
      int course,
      int jobseeker,
      EnrolmentStatus status,
      Boolean passed,
      String certificateNumber,
      LocalDate completedOn,
      boolean licenceAdded,
      String note,
      String enrolledBy,
      LocalDateTime enrolledAt,
      LocalDateTime updatedAt) {}

  /** Who reads a message: a resident, a unit's employers, a community's matchmakers. */
  enum Audience {
    RESIDENT,
    UNIT,
    COMMUNITY
  }

  /**
   * An inbox message of a kind of {@code inbox.Notice.KINDS} with exactly its parameters, to a
   * resident (index), a unit (index) or a community (name), about a referral (index) or nothing.
   */
  record Notice(
      LocalDateTime at,
      Audience audience,
      int target,
      String community,
      String kind,
      Map<String, String> params,
      Integer referral) {}

  /** A resident who signs in themself, with the username their events name. */
  record Account(int jobseeker, String username) {}

  /** No history: an append, or a plan without residents. */
  static DemoHistory none(List<DemoPosting> postings) {
    return new DemoHistory(
        postings.stream().map(p -> new Posted(p, 0, p.status(), p.openedOn())).toList(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
