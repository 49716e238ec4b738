package hongniang.jobseekers;

import hongniang.common.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The register's SQL, on the connection of the current transaction: the "still looking?" asks of
 * {@code check_in} and the register's columns of {@code jobseeker} (contact, the reason for
 * INACTIVE, a merge; migration V11). Every change of a jobseeker row here raises its version, as
 * optimistic locking requires of code that writes those rows in SQL.
 */
@Singleton
class CheckIns {

  /** An open ask is neither answered nor closed. */
  private static final String OPEN = "c.answered_at IS NULL AND c.closed_at IS NULL";

  private static final String SEEKING = "j.status IN ('SEEKING', 'REFERRED')";

  /** The first key of the two-key advisory locks the register takes: "HN" and 11, its migration. */
  private static final int ADVISORY_CLASS = 0x484e_000b;

  /** What the register knows of a resident beside their profile. */
  record State(
      long jobseekerId,
      @Nullable InactiveReason inactiveReason,
      @Nullable Instant inactiveSince,
      @Nullable Long mergedInto,
      Instant lastContactAt,
      @Nullable Ask openAsk) {}

  /** An open ask as stored. */
  record Ask(
      long id,
      long jobseekerId,
      long communityId,
      int round,
      Instant firstAskedAt,
      Instant askedAt,
      boolean seeking) {}

  /** A registered resident who shares a phone, or a name and birth, with a new profile. */
  record Match(
      long id,
      String name,
      long communityId,
      @Nullable String phone,
      int birthYear,
      boolean samePhone,
      boolean sameNameAndBirth) {}

  private final JdbcOperations jdbc;

  CheckIns(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** The register's state of these residents, by id. */
  Map<Long, State> states(Collection<Long> ids) {
    Map<Long, State> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    query(
        "SELECT j.id, j.inactive_reason, j.inactive_since, j.merged_into,"
            + " greatest(j.updated_at, j.contacted_at), c.id, j.community_id, c.round,"
            + " c.first_asked_at, c.asked_at"
            + " FROM jobseeker j LEFT JOIN check_in c ON c.jobseeker_id = j.id AND "
            + OPEN
            + " AND "
            + SEEKING
            + " WHERE j.id = ANY (?)",
        rs -> {
          long id = rs.getLong(1);
          String reason = rs.getString(2);
          Long ask = rs.getObject(6, Long.class);
          out.put(
              id,
              new State(
                  id,
                  reason == null ? null : InactiveReason.valueOf(reason),
                  instant(rs, 3),
                  rs.getObject(4, Long.class),
                  instant(rs, 5),
                  ask == null
                      ? null
                      : new Ask(
                          ask,
                          id,
                          rs.getLong(7),
                          rs.getInt(8),
                          instant(rs, 9),
                          instant(rs, 10),
                          true)));
          return null;
        },
        ids);
    return out;
  }

  /**
   * Locks seeking residents (id above {@code after}) last heard of before the cutoff and with no
   * open ask, skipping rows another transaction holds; returns their ids and communities.
   */
  Map<Long, Long> lockDue(long after, Instant cutoff, int limit) {
    Map<Long, Long> out = new LinkedHashMap<>();
    query(
        "SELECT j.id, j.community_id FROM jobseeker j WHERE j.id > ? AND "
            + SEEKING
            + " AND greatest(j.updated_at, j.contacted_at) < ?"
            + " AND NOT EXISTS (SELECT 1 FROM check_in c WHERE c.jobseeker_id = j.id AND "
            + OPEN
            + ") ORDER BY j.id LIMIT ? FOR UPDATE OF j SKIP LOCKED",
        rs -> out.put(rs.getLong(1), rs.getLong(2)),
        after,
        cutoff,
        limit);
    return out;
  }

  /** Locks open asks of the round asked before the cutoff, with their residents (skipping held). */
  List<Ask> lockLapsed(int round, Instant cutoff, int limit) {
    return query(
        "SELECT c.id, c.jobseeker_id, j.community_id, c.round, c.first_asked_at, c.asked_at, "
            + SEEKING
            + " FROM check_in c JOIN jobseeker j ON j.id = c.jobseeker_id WHERE "
            + OPEN
            + " AND c.round = ? AND c.asked_at < ? ORDER BY c.id LIMIT ?"
            + " FOR UPDATE OF c, j SKIP LOCKED",
        rs ->
            new Ask(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getInt(4),
                instant(rs, 5),
                instant(rs, 6),
                rs.getBoolean(7)),
        round,
        cutoff,
        limit);
  }

  /** Asks a resident (round 1 starts a cycle: its first ask is itself). */
  void ask(long jobseekerId, long communityId, int round, Instant firstAskedAt, Instant at) {
    update(
        "INSERT INTO check_in (jobseeker_id, community_id, round, first_asked_at, asked_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        jobseekerId,
        communityId,
        round,
        firstAskedAt,
        at);
  }

  /** Closes these asks unanswered. */
  void close(Collection<Long> askIds, Instant at) {
    update("UPDATE check_in SET closed_at = ? WHERE id = ANY (?)", at, askIds);
  }

  /** Closes the resident's open ask unanswered, if any. */
  void closeOpen(long jobseekerId, Instant at) {
    update(
        "UPDATE check_in c SET closed_at = ? WHERE c.jobseeker_id = ? AND " + OPEN,
        at,
        jobseekerId);
  }

  /** Records the answer on the resident's open ask; false when none was open. */
  boolean answer(long jobseekerId, StillLookingAnswer answer, String by, Instant at) {
    return update(
            "UPDATE check_in c SET answered_at = ?, answer = ?, answered_by = ?"
                + " WHERE c.jobseeker_id = ? AND "
                + OPEN,
            at,
            answer.name(),
            by,
            jobseekerId)
        > 0;
  }

  /** A resident's status and, when INACTIVE, why. */
  record Standing(JobseekerStatus status, @Nullable InactiveReason reason) {}

  /**
   * The resident's standing, the row locked until the transaction ends (a resident seen a moment
   * ago and deleted since is a 404).
   */
  Standing lock(long jobseekerId) {
    List<Standing> found =
        query(
            "SELECT status, inactive_reason FROM jobseeker WHERE id = ? FOR UPDATE",
            rs ->
                new Standing(
                    JobseekerStatus.valueOf(rs.getString(1)),
                    rs.getString(2) == null ? null : InactiveReason.valueOf(rs.getString(2))),
            jobseekerId);
    if (found.isEmpty()) {
      throw ApiProblem.notFound("jobseeker", jobseekerId);
    }
    return found.get(0);
  }

  /** Notes that the resident was heard of. */
  void contacted(long jobseekerId, Instant at) {
    update(
        "UPDATE jobseeker SET contacted_at = ?, version = version + 1 WHERE id = ?",
        at,
        jobseekerId);
  }

  /** Sets these seeking residents INACTIVE for the reason; returns how many changed. */
  int deactivate(Collection<Long> jobseekerIds, InactiveReason reason, Instant at) {
    return update(
        "UPDATE jobseeker j SET status = 'INACTIVE', inactive_reason = ?, inactive_since = ?,"
            + " version = version + 1 WHERE j.id = ANY (?) AND "
            + SEEKING,
        reason.name(),
        at,
        jobseekerIds);
  }

  /** Sets the duplicate INACTIVE as merged into the kept profile, whatever its status was. */
  void merge(long duplicateId, long keptId, Instant at) {
    update(
        "UPDATE jobseeker SET status = 'INACTIVE', inactive_reason = 'MERGED',"
            + " inactive_since = ?, merged_into = ?, version = version + 1 WHERE id = ?",
        at,
        keptId,
        duplicateId);
  }

  /** Sets an INACTIVE resident SEEKING again, heard of now. */
  void reactivate(long jobseekerId, Instant at) {
    update(
        "UPDATE jobseeker SET status = 'SEEKING', inactive_reason = NULL, inactive_since = NULL,"
            + " merged_into = NULL, contacted_at = ?, version = version + 1"
            + " WHERE id = ? AND status = 'INACTIVE'",
        at,
        jobseekerId);
  }

  /**
   * Residents, other than those merged away, with this phone (digits only) or this name and birth
   * year and, where both are known, birth date; at most {@code limit}, oldest first.
   */
  List<Match> sharing(
      @Nullable String phoneDigits,
      String name,
      int birthYear,
      @Nullable LocalDate birthDate,
      int limit) {
    String samePhone = phoneDigits == null ? "FALSE" : "replace(phone, '-', '') = ?";
    String sameBirth =
        "(name = ? AND birth_year = ? AND (birth_date IS NULL OR CAST(? AS DATE) IS NULL"
            + " OR birth_date = CAST(? AS DATE)))";
    List<Object> args = new ArrayList<>();
    if (phoneDigits != null) {
      args.add(phoneDigits);
    }
    args.addAll(List.of(name, birthYear));
    args.add(birthDate);
    args.add(birthDate);
    List<Object> all = new ArrayList<>(args);
    all.addAll(args);
    all.add(limit);
    return query(
        "SELECT id, name, community_id, phone, birth_year, "
            + samePhone
            + ", "
            + sameBirth
            + " FROM jobseeker WHERE inactive_reason IS DISTINCT FROM 'MERGED' AND ("
            + samePhone
            + " OR "
            + sameBirth
            + ") ORDER BY id LIMIT ?",
        rs ->
            new Match(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getBoolean(6),
                rs.getBoolean(7)),
        all.toArray());
  }

  /**
   * Serialises intakes that could be duplicates of each other: a transaction-scoped lock per key (a
   * phone, a name and birth year), taken in order so that two intakes never wait on each other in a
   * circle.
   */
  void lockKeys(Collection<String> keys) {
    for (String key : new TreeSet<>(keys)) {
      query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> null, ADVISORY_CLASS, key);
    }
  }

  /**
   * Open asks of the community (every community when null) whose cycle began before the cutoff, the
   * longest waiting first; {@code wait} is the answer days.
   */
  List<RegisterWorklist.UnansweredAsk> unanswered(
      @Nullable Long communityId, Instant cutoff, Duration wait, int limit) {
    return query(
        "SELECT c.jobseeker_id, j.name, c.community_id, c.round, c.first_asked_at, c.asked_at"
            + " FROM check_in c JOIN jobseeker j ON j.id = c.jobseeker_id WHERE "
            + OPEN
            + " AND "
            + SEEKING
            + " AND c.first_asked_at < ?"
            + (communityId == null ? "" : " AND c.community_id = ?")
            + " ORDER BY c.first_asked_at, c.id LIMIT ?",
        rs -> {
          int round = rs.getInt(4);
          Instant asked = instant(rs, 6);
          return new RegisterWorklist.UnansweredAsk(
              rs.getLong(1),
              rs.getString(2),
              rs.getLong(3),
              round,
              instant(rs, 5),
              asked,
              // round 1 is asked again after the wait, and that ask waits as long again
              asked.plus(wait.multipliedBy(round == 1 ? 2 : 1)));
        },
        inCommunity(communityId, cutoff, limit));
  }

  /** How many open asks began before the cutoff, per community. */
  Map<Long, Long> unansweredCounts(@Nullable Long communityId, Instant cutoff) {
    return counts(
        "SELECT c.community_id, count(*) FROM check_in c JOIN jobseeker j"
            + " ON j.id = c.jobseeker_id WHERE "
            + OPEN
            + " AND "
            + SEEKING
            + " AND c.first_asked_at < ?"
            + (communityId == null ? "" : " AND c.community_id = ?")
            + " GROUP BY c.community_id",
        inCommunity(communityId, cutoff));
  }

  /**
   * The parameters with the community after the first when there is one. A statement of its own for
   * one community, not {@code (? IS NULL OR c.community_id = ?)}: a prepared statement's generic
   * plan would serve both and could use no index on the community.
   */
  private static Object[] inCommunity(@Nullable Long communityId, Object first, Object... rest) {
    List<Object> params = new ArrayList<>();
    params.add(first);
    if (communityId != null) {
      params.add(communityId);
    }
    params.addAll(Arrays.asList(rest));
    return params.toArray();
  }

  /**
   * Seeking residents of the community last heard of before the cutoff, the longest silent first.
   */
  List<RegisterWorklist.NoContact> silent(long communityId, Instant cutoff, int limit) {
    return query(
        "SELECT j.id, j.name, j.community_id, j.status, greatest(j.updated_at, j.contacted_at)"
            + " FROM jobseeker j WHERE j.community_id = ? AND "
            + SEEKING
            + " AND greatest(j.updated_at, j.contacted_at) < ?"
            + " ORDER BY greatest(j.updated_at, j.contacted_at), j.id LIMIT ?",
        rs ->
            new RegisterWorklist.NoContact(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                JobseekerStatus.valueOf(rs.getString(4)),
                instant(rs, 5)),
        communityId,
        cutoff,
        limit);
  }

  /** How many seeking residents were last heard of before the cutoff, per community. */
  Map<Long, Long> silentCounts(Instant cutoff) {
    return counts(
        "SELECT j.community_id, count(*) FROM jobseeker j WHERE "
            + SEEKING
            + " AND greatest(j.updated_at, j.contacted_at) < ? GROUP BY j.community_id",
        cutoff);
  }

  private Map<Long, Long> counts(String sql, Object... args) {
    Map<Long, Long> out = new TreeMap<>();
    query(sql, rs -> out.put(rs.getLong(1), rs.getLong(2)), args);
    return out;
  }

  /** Reads one value of a row. */
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    return jdbc.prepareStatement(
        sql,
        ps -> {
          bind(ps, args);
          List<T> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(mapper.map(rs));
            }
          }
          return out;
        });
  }

  private int update(String sql, Object... args) {
    return jdbc.prepareStatement(
        sql,
        ps -> {
          bind(ps, args);
          return ps.executeUpdate();
        });
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      int at = i + 1;
      if (arg instanceof Instant instant) {
        ps.setTimestamp(at, Timestamp.from(instant));
      } else if (arg instanceof LocalDate date) {
        ps.setObject(at, date, Types.DATE);
      } else if (arg instanceof Collection<?> ids) {
        ps.setArray(at, ps.getConnection().createArrayOf("bigint", ids.toArray()));
      } else if (arg == null) {
        ps.setNull(at, Types.NULL);
      } else {
        ps.setObject(at, arg);
      }
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
