package hongniang.demo;

import hongniang.demo.DemoHistory.Audience;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Stores a {@link DemoHistory} in the tables of referrals, placements, training and the inbox, by
 * COPY. Rows that others refer to (referrals, placements, courses) take ids reserved from their
 * sequences first, so that their events, consents, follow-ups, enrolments and messages are copied
 * with the ids already known. Local times become instants in the service's zone, never later than
 * now.
 */
final class HistoryWriter {

  private static final String REFERRAL_COPY =
      "COPY referral (id, jobseeker_id, posting_id, partner_unit_id, community_id, state, origin,"
          + " note, interview_at, interview_place, interview_contact, sent_at, answered_at,"
          + " touched_at, ended_reason, reply_reminded_at, created_by, created_at, updated_at,"
          + " version) FROM STDIN";
  private static final String EVENT_COPY =
      "COPY referral_event (referral_id, at, actor, actor_role, from_state, to_state, reason, note)"
          + " FROM STDIN";
  private static final String CONSENT_COPY =
      "COPY referral_consent (referral_id, partner_unit_id, unit_name, posting_title, fields,"
          + " method, reference, recorded_by, recorded_role, given_at, withdrawn_at, withdrawn_by)"
          + " FROM STDIN";
  private static final String PLACEMENT_COPY =
      "COPY placement (id, jobseeker_id, community_id, referral_id, posting_id, partner_unit_id,"
          + " employer_name, type, start_date, monthly_wage, contract_months, note, recorded_by,"
          + " created_at, ended_on, end_reason, version) FROM STDIN";
  private static final String FOLLOW_UP_COPY =
      "COPY follow_up (placement_id, months, due_on, outcome, reason, note, recorded_by,"
          + " recorded_at) FROM STDIN";
  private static final String COURSE_COPY =
      "COPY course (id, title, kind, provider, starts_on, ends_on, place, community_id, seats,"
          + " seats_taken, licence, description, created_at, updated_at) FROM STDIN";
  private static final String ENROLMENT_COPY =
      "COPY enrolment (course_id, jobseeker_id, status, passed, certificate_number, completed_on,"
          + " licence_added, note, enrolled_by, enrolled_at, updated_at) FROM STDIN";
  private static final String INBOX_COPY =
      "COPY inbox_message (id, audience, jobseeker_id, partner_unit_id, community_id, kind, params,"
          + " subject_type, subject_id, created_at) FROM STDIN";

  /** What the inbox subject of a referral's message is called (as referrals names it). */
  private static final String REFERRAL_SUBJECT = "referral";

  private final DataSource dataSource;
  private final Copier copier;
  private final ZoneId zone;
  private final Instant now;

  /** The ids of what the history refers to: units, postings and residents by position. */
  record Ids(long[] units, long[] postings, long[] jobseekers, Map<String, Long> communities) {}

  /** How many rows of each table were stored, and the range of the messages' ids. */
  record Written(
      long referrals,
      long events,
      long consents,
      long placements,
      long followUps,
      long courses,
      long enrolments,
      long notices,
      int accounts,
      long firstNotice,
      long lastNotice) {

    static final Written NONE = new Written(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  HistoryWriter(DataSource dataSource, Copier copier, ZoneId zone, Instant now) {
    this.dataSource = dataSource;
    this.copier = copier;
    this.zone = zone;
    this.now = now;
  }

  /**
   * Stores the history; the residents who act themselves get logins with the given password hash,
   * unless their username is taken.
   */
  Written write(
      DemoHistory h, List<DemoUnit> units, Ids ids, String passwordHash, Consumer<String> progress)
      throws SQLException {
    long[] referralIds = copier.reserveIds("referral", h.referrals().size());
    long referrals =
        copier.copy(
            REFERRAL_COPY,
            indices(h.referrals().size()),
            (i, row) -> referralRow(h.referrals().get(i), referralIds[i], ids, row),
            "referrals",
            h.referrals().size(),
            progress);
    long events =
        copier.copy(
            EVENT_COPY,
            flat(h.referrals(), r -> r.events().size()),
            (at, row) -> {
              DemoHistory.Event e = h.referrals().get(at[0]).events().get(at[1]);
              row.add(referralIds[at[0]])
                  .add(ts(e.at()))
                  .add(e.actor())
                  .add(e.role())
                  .add(e.from())
                  .add(e.to())
                  .add(e.reason())
                  .add(e.note());
            },
            "referral events",
            h.referrals().stream().mapToLong(r -> r.events().size()).sum(),
            progress);
    List<Integer> consented = new ArrayList<>();
    for (int i = 0; i < h.referrals().size(); i++) {
      if (h.referrals().get(i).consent() != null) {
        consented.add(i);
      }
    }
    long consents =
        copier.copy(
            CONSENT_COPY,
            consented.iterator(),
            (i, row) -> consentRow(h, i, referralIds[i], units, ids, row),
            "consents",
            consented.size(),
            progress);
    long[] placementIds = copier.reserveIds("placement", h.placements().size());
    long placements =
        copier.copy(
            PLACEMENT_COPY,
            indices(h.placements().size()),
            (i, row) -> placementRow(h.placements().get(i), placementIds[i], referralIds, ids, row),
            "placements",
            h.placements().size(),
            progress);
    long followUps =
        copier.copy(
            FOLLOW_UP_COPY,
            flat(h.placements(), p -> p.followUps().size()),
            (at, row) -> {
              DemoHistory.FollowUp f = h.placements().get(at[0]).followUps().get(at[1]);
              row.add(placementIds[at[0]])
                  .add(f.months())
                  .add(f.dueOn())
                  .add(f.outcome())
                  .add(f.reason())
                  .add(f.note())
                  .add(f.recordedBy())
                  .add(f.recordedAt() == null ? null : ts(f.recordedAt()));
            },
            "follow-ups",
            3L * h.placements().size(),
            progress);
    long[] courseIds = copier.reserveIds("course", h.courses().size());
    long courses =
        copier.copy(
            COURSE_COPY,
            indices(h.courses().size()),
            (i, row) -> courseRow(h.courses().get(i), courseIds[i], ids, row),
            "courses",
            h.courses().size(),
            progress);
    long enrolments =
        copier.copy(
            ENROLMENT_COPY,
            h.enrolments().iterator(),
            (e, row) ->
                row.add(courseIds[e.course()])
                    .add(ids.jobseekers()[e.jobseeker()])
                    .add(e.status())
                    .add(e.passed())
                    .add(e.certificateNumber())
                    .add(e.completedOn())
                    .add(e.licenceAdded())
                    .add(e.note())
                    .add(e.enrolledBy())
                    .add(ts(e.enrolledAt()))
                    .add(ts(e.updatedAt())),
            "enrolments",
            h.enrolments().size(),
            progress);
    int accounts = storeAccounts(h, ids, passwordHash);
    long[] noticeIds = copier.reserveIds("inbox_message", h.notices().size());
    long notices =
        copier.copy(
            INBOX_COPY,
            indices(h.notices().size()),
            (i, row) -> noticeRow(h.notices().get(i), noticeIds[i], referralIds, ids, row),
            "inbox messages",
            h.notices().size(),
            progress);
    return new Written(
        referrals,
        events,
        consents,
        placements,
        followUps,
        courses,
        enrolments,
        notices,
        accounts,
        noticeIds.length == 0 ? 0 : noticeIds[0],
        noticeIds.length == 0 ? 0 : noticeIds[noticeIds.length - 1]);
  }

  private void referralRow(DemoHistory.Referral r, long id, Ids ids, CopyText row) {
    row.add(id)
        .add(ids.jobseekers()[r.jobseeker()])
        .add(ids.postings()[r.posting()])
        .add(ids.units()[r.unit()])
        .add(ids.communities().get(r.community()))
        .add(r.state())
        .add(r.origin())
        .add(r.note())
        .add(r.interviewAt())
        .add(r.interviewPlace())
        .add(r.interviewContact())
        .add(r.sentAt() == null ? null : ts(r.sentAt()))
        .add(r.answeredAt() == null ? null : ts(r.answeredAt()))
        .add(ts(r.touchedAt()))
        .add(r.endedReason())
        .add(r.replyRemindedAt() == null ? null : ts(r.replyRemindedAt()))
        .add(r.createdBy())
        .add(ts(r.createdAt()))
        .add(ts(r.touchedAt()))
        .add(r.events().size() - 1);
  }

  private void consentRow(
      DemoHistory h, int i, long referralId, List<DemoUnit> units, Ids ids, CopyText row) {
    DemoHistory.Referral r = h.referrals().get(i);
    DemoHistory.Consent c = r.consent();
    row.add(referralId)
        .add(ids.units()[r.unit()])
        .add(units.get(r.unit()).name())
        .add(h.postings().get(r.posting()).posting().title())
        .addArray(c.fields())
        .add(c.method())
        .add(c.reference())
        .add(c.recordedBy())
        .add(c.recordedRole())
        .add(ts(c.givenAt()))
        .add(c.withdrawnAt() == null ? null : ts(c.withdrawnAt()))
        .add(c.withdrawnBy());
  }

  private void placementRow(
      DemoHistory.Placement p, long id, long[] referralIds, Ids ids, CopyText row) {
    row.add(id)
        .add(ids.jobseekers()[p.jobseeker()])
        .add(ids.communities().get(p.community()))
        .add(p.referral() == null ? null : referralIds[p.referral()])
        .add(p.posting() == null ? null : ids.postings()[p.posting()])
        .add(p.unit() == null ? null : ids.units()[p.unit()])
        .add(p.employerName())
        .add(p.type())
        .add(p.startDate())
        .add(p.monthlyWage())
        .add(p.contractMonths())
        .add(p.note())
        .add(p.recordedBy())
        .add(ts(p.createdAt()))
        .add(p.endedOn())
        .add(p.endReason())
        .add(p.endedOn() == null ? 0 : 1);
  }

  private void courseRow(DemoHistory.Course c, long id, Ids ids, CopyText row) {
    row.add(id)
        .add(c.title())
        .add(c.kind())
        .add(c.provider())
        .add(c.startsOn())
        .add(c.endsOn())
        .add(c.place())
        .add(c.community() == null ? null : ids.communities().get(c.community()))
        .add(c.seats())
        .add(c.seatsTaken())
        .add(c.licence())
        .add(c.description())
        .add(ts(c.createdAt()))
        .add(ts(c.createdAt()));
  }

  private void noticeRow(DemoHistory.Notice n, long id, long[] referralIds, Ids ids, CopyText row) {
    row.add(id)
        .add(n.audience())
        .add(n.audience() == Audience.RESIDENT ? ids.jobseekers()[n.target()] : null)
        .add(n.audience() == Audience.UNIT ? ids.units()[n.target()] : null)
        .add(n.audience() == Audience.COMMUNITY ? ids.communities().get(n.community()) : null)
        .add(n.kind())
        .add(json(n.params()))
        .add(n.referral() == null ? null : REFERRAL_SUBJECT)
        .add(n.referral() == null ? null : referralIds[n.referral()])
        .add(ts(n.at()));
  }

  /** Logins for the residents who act themselves, all with one hash of the demo password. */
  private int storeAccounts(DemoHistory h, Ids ids, String passwordHash) throws SQLException {
    if (h.accounts().isEmpty()) {
      return 0;
    }
    int created = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO app_user (username, password_hash, role, display_name, jobseeker_id)"
                    + " VALUES (?, ?, 'RESIDENT', ?, ?) ON CONFLICT (username) DO NOTHING")) {
      c.setAutoCommit(false);
      int batched = 0;
      for (DemoHistory.Account a : h.accounts()) {
        insert.setString(1, a.username());
        insert.setString(2, passwordHash);
        insert.setString(3, h.residents().get(a.jobseeker()).name());
        insert.setLong(4, ids.jobseekers()[a.jobseeker()]);
        insert.addBatch();
        if (++batched % 1_000 == 0) {
          created += sum(insert.executeBatch());
        }
      }
      created += sum(insert.executeBatch());
      c.commit();
    }
    return created;
  }

  private static int sum(int[] counts) {
    int total = 0;
    for (int n : counts) {
      total += Math.max(0, n);
    }
    return total;
  }

  /**
   * Marks the demo's messages read for everyone of their audience who has a login, as if read a few
   * hours after they came, except those of the last {@code unreadDays} days: the inbox of a demo
   * login holds a week's news, unread.
   */
  void markOlderRead(Written w, int unreadDays) throws SQLException {
    if (w.notices() == 0) {
      return;
    }
    String audience =
        " FROM inbox_message m JOIN app_user u ON %s WHERE m.id BETWEEN ? AND ? AND m.created_at < ?";
    String[] joins = {
      "m.audience = 'RESIDENT' AND u.role = 'RESIDENT' AND u.jobseeker_id = m.jobseeker_id",
      "m.audience = 'UNIT' AND u.role = 'EMPLOYER' AND u.partner_unit_id = m.partner_unit_id",
      "m.audience = 'COMMUNITY' AND u.role = 'MATCHMAKER' AND u.community_id = m.community_id"
    };
    try (Connection c = dataSource.getConnection()) {
      for (String join : joins) {
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO inbox_read (username, message_id, read_at)"
                    + " SELECT u.username, m.id, m.created_at + interval '3 hours'"
                    + String.format(audience, join)
                    + " ON CONFLICT DO NOTHING")) {
          s.setLong(1, w.firstNotice());
          s.setLong(2, w.lastNotice());
          s.setTimestamp(3, Timestamp.from(now.minus(Duration.ofDays(unreadDays))));
          s.executeUpdate();
        }
      }
    }
  }

  /** A local time as an instant in the service's zone, never after now. */
  private OffsetDateTime ts(LocalDateTime local) {
    Instant at = local.atZone(zone).toInstant();
    return (at.isAfter(now) ? now : at).atZone(zone).toOffsetDateTime();
  }

  /** A flat JSON object of strings, as the inbox stores a message's parameters. */
  static String json(Map<String, String> params) {
    StringBuilder out = new StringBuilder("{");
    params.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              if (out.length() > 1) {
                out.append(',');
              }
              quote(out, e.getKey());
              out.append(':');
              quote(out, e.getValue());
            });
    return out.append('}').toString();
  }

  private static void quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static Iterator<Integer> indices(int count) {
    return new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public Integer next() {
        return next++;
      }
    };
  }

  /** Every (outer, inner) position of a list of lists, in order. */
  private static <T> Iterator<int[]> flat(List<T> outer, Function<T, Integer> innerSize) {
    return new Iterator<>() {
      int i;
      int j;

      @Override
      public boolean hasNext() {
        while (i < outer.size() && j >= innerSize.apply(outer.get(i))) {
          i++;
          j = 0;
        }
        return i < outer.size();
      }

      @Override
      public int[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return new int[] {i, j++};
      }
    };
  }
}
