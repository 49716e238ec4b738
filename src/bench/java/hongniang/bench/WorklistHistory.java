package hongniang.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Three years of referrals, placements and follow-ups added to the generated data set for the
 * worklist benchmark, by bulk SQL from generate_series (deterministic: hashes of the row number, no
 * random numbers). Its rows carry {@link #MARK} ({@code referral.created_by}, {@code
 * placement.recorded_by}): a later run reuses them, or deletes them (with what the service's jobs
 * wrote about them) and makes them again when the sizes asked for differ or they were made more
 * than {@value #FRESH_HOURS} hours ago (times are relative to when they were made).
 *
 * <p>The history, for {@code referrals} R and {@code placements} P:
 *
 * <ul>
 *   <li>P placements started over the last three years (six types, most outside work and household
 *       service), each with its follow-ups at 1, 3 and 6 months. Residents the generator made
 *       EMPLOYED hold the open ones; about one in ten placements older than seven months ended when
 *       a follow-up found the resident left, and those residents are SEEKING. Follow-ups due more
 *       than ten days ago are recorded (a few of the last three months' are not: overdue); the
 *       later ones wait.
 *   <li>60% of the placements are hires of a referral (state HIRED, sent, interviewed and hired
 *       before the start), and a sixth of those residents had another referral made OBSOLETE by the
 *       hire.
 *   <li>A tenth of R is open, moved within the last 13 days (the expiry job ends them after 14), to
 *       residents the generator made REFERRED and open postings: requested, proposed, consented,
 *       sent (some more than 7 days ago: overdue answers, their units told as the reminder job
 *       does), interviews arranged.
 *   <li>The rest ended over three years: not hired, declined by the resident, withdrawn, expired;
 *       two to a SEEKING resident.
 * </ul>
 *
 * <p>No jobseeker or posting row is changed (so the search index and the other benchmarks' data
 * stay as generated): the residents are chosen by their generated status, and a hire's placement
 * names the referral and its unit but not the posting, so that postings' {@code filledCount} keeps
 * agreeing with their placements. No consent records or transition rows are written: the worklist
 * reads neither.
 */
final class WorklistHistory {

  /** What the benchmark's rows carry, and what a rerun looks for. */
  static final String MARK = "bench-worklist";

  /** A history older than this is made again. */
  static final int FRESH_HOURS = 12;

  /** Open referrals were last moved within this many minutes: 13 days, inside the expiry's 14. */
  private static final int OPEN_MINUTES = 13 * 24 * 60;

  /** The sizes asked for, and whether to make the history again even if one is there. */
  record Size(int referrals, int placements, boolean fresh) {}

  /** What the history holds, for the report. */
  record Made(long millis, Map<String, Long> referralsByState, long placements, long ended) {

    boolean reused() {
      return millis < 0;
    }

    long referrals() {
      return referralsByState.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private WorklistHistory() {}

  /**
   * Adds the history unless the database holds one of these sizes made in the last {@value
   * #FRESH_HOURS} hours (then -1 ms) and a fresh one is not asked for; any other is deleted first.
   * One transaction: a run stopped half-way leaves nothing.
   */
  static Made ensure(Connection c, Size size, LocalDate today, Instant now) throws SQLException {
    long start = System.nanoTime();
    boolean made = false;
    if (size.fresh()
        || marked(c, "referral", "created_by") != size.referrals()
        || marked(c, "placement", "recorded_by") != size.placements()
        || !recent(c, now)) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        delete(c);
        insert(c, size, today, now);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
      made = true;
    }
    try (Statement s = c.createStatement()) {
      // as autovacuum leaves a settled database: statistics, and pages all visible (the history
      // sets residents' statuses, and a run stopped early may have left its pages unvacuumed);
      // cheap when nothing changed
      s.execute("VACUUM ANALYZE jobseeker, referral, placement, follow_up");
    }
    long millis = made ? (System.nanoTime() - start) / 1_000_000 : -1;
    Map<String, Long> states = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT state, count(*) FROM referral WHERE created_by = ? GROUP BY state"
                + " ORDER BY count(*) DESC")) {
      ps.setString(1, MARK);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          states.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    long ended =
        BenchWorld.count(
            c,
            "SELECT count(*) FROM placement WHERE ended_on IS NOT NULL AND recorded_by = '"
                + MARK
                + "'");
    return new Made(millis, states, marked(c, "placement", "recorded_by"), ended);
  }

  private static long marked(Connection c, String table, String column) throws SQLException {
    return BenchWorld.count(
        c, "SELECT count(*) FROM " + table + " WHERE " + column + " = '" + MARK + "'");
  }

  /**
   * Whether the history was made in the last {@link #FRESH_HOURS} hours (its last move is its first
   * open referral's, made then): an older one is made again, or its open referrals would age past
   * the expiry days (and the service's expiry job would end them) and its sections would drift.
   */
  private static boolean recent(Connection c, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(max(touched_at) >= CAST(? AS TIMESTAMPTZ) - make_interval(hours => "
                + FRESH_HOURS
                + "), FALSE) FROM referral WHERE created_by = ?")) {
      ps.setObject(1, now.atOffset(ZoneOffset.UTC));
      ps.setString(2, MARK);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** What a run leaves: the rows and what the service's jobs wrote about them. */
  private static void delete(Connection c) throws SQLException {
    String referrals = "SELECT id FROM referral WHERE created_by = '" + MARK + "'";
    try (Statement s = c.createStatement()) {
      s.execute(
          "DELETE FROM inbox_message WHERE subject_type = 'referral' AND subject_id IN ("
              + referrals
              + ")");
      s.execute("DELETE FROM referral_event WHERE referral_id IN (" + referrals + ")");
      s.execute("DELETE FROM referral_consent WHERE referral_id IN (" + referrals + ")");
      s.execute(
          "DELETE FROM follow_up WHERE placement_id IN (SELECT id FROM placement"
              + " WHERE recorded_by = '"
              + MARK
              + "')");
      s.execute("DELETE FROM placement WHERE recorded_by = '" + MARK + "'");
      s.execute("DELETE FROM referral WHERE created_by = '" + MARK + "'");
    }
  }

  /**
   * h(k, salt): a stable hash of a row number in [0, 1000003), for choices without randomness
   * (parallel workers would draw random() in any order).
   */
  private static String h(String k, int salt) {
    return "CAST(abs(CAST(hashint8(" + k + " * 64 + " + salt + ") AS BIGINT)) % 1000003 AS INT)";
  }

  private static void insert(Connection c, Size size, LocalDate today, Instant now)
      throws SQLException {
    BenchWorld.log(
        String.format(
            Locale.ROOT,
            "Adding the worklist's history: %,d referrals, %,d placements",
            size.referrals(),
            size.placements()));
    // the demo's own history (referrals, placements) belongs to some residents: this history
    // leaves them out, and takes hashed slices of the others as REFERRED (its open referrals) and
    // EMPLOYED (its open placements), as the old demo generated them
    String untouched =
        " NOT EXISTS (SELECT 1 FROM placement p WHERE p.jobseeker_id = jobseeker.id)"
            + " AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.jobseeker_id = jobseeker.id)";
    for (String[] slice :
        new String[][] {
          {"REFERRED", String.valueOf(size.referrals() / 10), "md5(id::text)"},
          {"EMPLOYED", String.valueOf(size.placements()), "md5(id::text) DESC"}
        }) {
      long have =
          BenchWorld.count(
              c,
              "SELECT count(*) FROM jobseeker WHERE status = '" + slice[0] + "' AND" + untouched);
      if (have < Long.parseLong(slice[1])) {
        run(
            c,
            "UPDATE jobseeker SET status = '"
                + slice[0]
                + "' WHERE id IN (SELECT id FROM jobseeker WHERE status = 'SEEKING' AND"
                + untouched
                + " ORDER BY "
                + slice[2]
                + " LIMIT "
                + slice[1]
                + ")");
      }
    }
    // the residents by their generated status, and the postings, each numbered in a hashed order
    run(
        c,
        "CREATE TEMP TABLE bw_pool ON COMMIT DROP AS SELECT status, id, community_id,"
            + " row_number() OVER (PARTITION BY status ORDER BY md5(id::text)) - 1 AS n"
            + " FROM jobseeker WHERE status IN ('SEEKING', 'REFERRED', 'EMPLOYED') AND"
            + untouched);
    run(c, "CREATE INDEX ON bw_pool (status, n)");
    run(
        c,
        "CREATE TEMP TABLE bw_post ON COMMIT DROP AS SELECT id, partner_unit_id,"
            + " row_number() OVER (ORDER BY md5(id::text)) - 1 AS n FROM posting");
    run(
        c,
        "CREATE TEMP TABLE bw_open ON COMMIT DROP AS SELECT id, partner_unit_id,"
            + " row_number() OVER (ORDER BY md5(id::text)) - 1 AS n FROM posting"
            + " WHERE status = 'OPEN'");
    run(c, "CREATE INDEX ON bw_post (n)");
    run(c, "CREATE INDEX ON bw_open (n)");
    run(c, "ANALYZE bw_pool, bw_post, bw_open");
    long postings = BenchWorld.count(c, "SELECT count(*) FROM bw_post");
    long open = BenchWorld.count(c, "SELECT count(*) FROM bw_open");
    long seeking = BenchWorld.count(c, "SELECT count(*) FROM bw_pool WHERE status = 'SEEKING'");
    long referred = BenchWorld.count(c, "SELECT count(*) FROM bw_pool WHERE status = 'REFERRED'");
    long employed = BenchWorld.count(c, "SELECT count(*) FROM bw_pool WHERE status = 'EMPLOYED'");
    int openReferrals = size.referrals() / 10;
    if (postings < 2 || open < 1 || openReferrals > referred) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "the data set has %d postings (%d open) and %d REFERRED residents: too few for %d"
                  + " open referrals",
              postings,
              open,
              referred,
              openReferrals));
    }

    // the placements' plan: start (days ago), ended or not, hired through a referral or not, type
    run(
        c,
        "CREATE TEMP TABLE bw_plan ON COMMIT DROP AS SELECT k, d, ended, via, t, leave,"
            + " row_number() OVER (PARTITION BY ended ORDER BY k) - 1 AS rn FROM (SELECT k,"
            + " d, d >= 215 AND e < 12 AS ended, v < 60 AS via, t, leave FROM (SELECT k, "
            + h("k", 1)
            + " % 1095 AS d, "
            + h("k", 2)
            + " % 100 AS e, "
            + h("k", 3)
            + " % 100 AS v, "
            + h("k", 4)
            + " % 100 AS t, (ARRAY[1, 3, 6])[1 + "
            + h("k", 5)
            + " % 3] AS leave FROM generate_series(0, "
            + (size.placements() - 1)
            + ") k) a) b");
    long ended = BenchWorld.count(c, "SELECT count(*) FROM bw_plan WHERE ended");
    // closed referrals take two to a SEEKING resident from the pool's start; the ended placements'
    // residents come after them
    long hiredMax = BenchWorld.count(c, "SELECT count(*) FROM bw_plan WHERE via");
    long closedMax = size.referrals() - openReferrals - hiredMax;
    long closedResidents = (closedMax + 1) / 2;
    if (closedMax < 0
        || closedResidents + ended > seeking
        || size.placements() - ended > employed) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "the data set has %d SEEKING and %d EMPLOYED residents: too few for %d referrals and"
                  + " %d placements",
              seeking,
              employed,
              size.referrals(),
              size.placements()));
    }
    run(
        c,
        "CREATE TEMP TABLE bw_placed ON COMMIT DROP AS SELECT p.*, j.id AS jobseeker_id,"
            + " j.community_id, po.id AS posting_id, po.partner_unit_id AS posting_unit,"
            + " CASE WHEN p.via THEN nextval(pg_get_serial_sequence('referral', 'id')) END"
            + " AS referral_id, CAST(? AS DATE) - p.d AS start_date,"
            + " CAST(? AS TIMESTAMPTZ) - make_interval(days => p.d + 1, mins => "
            + h("p.k", 6)
            + " % 480) AS hired_at"
            + " FROM bw_plan p JOIN bw_pool j ON j.status = CASE WHEN p.ended THEN 'SEEKING'"
            + " ELSE 'EMPLOYED' END AND j.n = CASE WHEN p.ended THEN "
            + closedResidents
            + " + p.rn ELSE p.rn END"
            + " JOIN bw_post po ON po.n = p.k % "
            + postings,
        today,
        now);

    // hires: sent, interviewed, hired the day before the start
    run(
        c,
        "INSERT INTO referral (id, jobseeker_id, posting_id, partner_unit_id, community_id, state,"
            + " origin, interview_at, interview_place, interview_contact, sent_at, answered_at,"
            + " touched_at, created_by, created_at, updated_at)"
            + " SELECT referral_id, jobseeker_id, posting_id, posting_unit, community_id, 'HIRED',"
            + " (ARRAY['MATCHMAKER', 'MATCHMAKER', 'MATCHMAKER', 'BOARD', 'RESIDENT'])[1 + "
            + h("k", 7)
            + " % 5], CAST((hired_at - interval '2 days') AT TIME ZONE 'Asia/Shanghai'"
            + " AS TIMESTAMP), '人事部', '人事专员', hired_at - interval '7 days',"
            + " hired_at - interval '4 days', hired_at, ?, hired_at - make_interval(days => 9 + "
            + h("k", 8)
            + " % 30), hired_at FROM bw_placed WHERE via",
        MARK);
    // a sixth of the hired residents had another referral open, made obsolete by the hire
    run(
        c,
        "INSERT INTO referral (jobseeker_id, posting_id, partner_unit_id, community_id, state,"
            + " origin, sent_at, touched_at, ended_reason, created_by, created_at, updated_at)"
            + " SELECT p.jobseeker_id, po.id, po.partner_unit_id, p.community_id, 'OBSOLETE',"
            + " 'MATCHMAKER', CASE WHEN p.t % 2 = 0 THEN p.hired_at - interval '3 days' END,"
            + " p.hired_at, 'HIRED_ELSEWHERE', ?, p.hired_at - make_interval(days => 5 + p.t % 20),"
            + " p.hired_at FROM bw_placed p JOIN bw_post po ON po.n = (p.k + 1) % "
            + postings
            + " WHERE p.via AND "
            + h("p.k", 9)
            + " % 6 = 0",
        MARK);
    run(
        c,
        "INSERT INTO placement (jobseeker_id, community_id, referral_id, partner_unit_id,"
            + " employer_name, type, start_date, monthly_wage, contract_months, note,"
            + " recorded_by, created_at, ended_on, end_reason)"
            + " SELECT jobseeker_id, community_id, referral_id, CASE WHEN via THEN posting_unit"
            + " WHEN type IN ('FORMAL', 'HOUSEHOLD_SERVICE', 'PUBLIC_WELFARE')"
            + " THEN (SELECT partner_unit_id FROM bw_post WHERE n = ("
            + h("k", 10)
            + " % "
            + postings
            + ")) END, CASE WHEN NOT via AND type NOT IN ('FORMAL', 'HOUSEHOLD_SERVICE',"
            + " 'PUBLIC_WELFARE') THEN (ARRAY['厦门某电子厂', '泉州某鞋厂', '个体早餐店',"
            + " '网约车平台', '自营小吃店', '福州某物流园'])[1 + "
            + h("k", 11)
            + " % 6] END, type, start_date, 2000 + 100 * ("
            + h("k", 12)
            + " % 40), (ARRAY[12, 24, NULL])[1 + "
            + h("k", 13)
            + " % 3], NULL, ?, hired_at + interval '1 day',"
            + " CASE WHEN ended THEN CAST(start_date + make_interval(months => leave) AS DATE)"
            + " END, CASE WHEN ended THEN (ARRAY['WAGE', 'HOURS', 'HEALTH', 'FAMILY',"
            + " 'CONTRACT_ENDED', 'DISMISSED'])[1 + "
            + h("k", 14)
            + " % 6] END FROM (SELECT *, CASE WHEN t < 30 THEN 'OUTSIDE_WORK' WHEN t < 55"
            + " THEN 'HOUSEHOLD_SERVICE' WHEN t < 72 THEN 'FLEXIBLE' WHEN t < 87 THEN 'FORMAL'"
            + " WHEN t < 95 THEN 'PUBLIC_WELFARE' ELSE 'SELF_EMPLOYED' END AS type"
            + " FROM bw_placed) x",
        MARK);
    // follow-ups: recorded when due more than ten days ago (a few of the last 90 days' not);
    // an ended placement's was LEFT at its leaving month and those after it never recorded
    run(
        c,
        "INSERT INTO follow_up (placement_id, months, due_on, outcome, reason, recorded_by,"
            + " recorded_at)"
            + " SELECT id, m, due, outcome, CASE WHEN outcome = 'LEFT' THEN end_reason END,"
            + " CASE WHEN outcome IS NOT NULL THEN ? END, CASE WHEN outcome IS NOT NULL THEN"
            + " CAST(due + (CASE WHEN outcome = 'LEFT' THEN 0 ELSE h % 10 END) AS TIMESTAMP)"
            + " AT TIME ZONE 'Asia/Shanghai' + interval '10 hours' END"
            + " FROM (SELECT pl.id, pl.end_reason, m, due, h, CASE"
            + "   WHEN pl.ended_on IS NOT NULL THEN CASE WHEN due < pl.ended_on"
            + "     THEN 'STILL_EMPLOYED' WHEN due = pl.ended_on THEN 'LEFT' END"
            + "   WHEN due >= CAST(? AS DATE) - 10 THEN NULL"
            + "   WHEN due >= CAST(? AS DATE) - 90 AND h % 100 < 5 THEN NULL"
            + "   WHEN h % 100 < 88 THEN 'STILL_EMPLOYED'"
            + "   WHEN h % 100 < 94 THEN 'CHANGED_JOB' ELSE 'UNREACHABLE' END AS outcome"
            + " FROM placement pl CROSS JOIN unnest(ARRAY[1, 3, 6]) m,"
            + " LATERAL (SELECT CAST(pl.start_date + make_interval(months => m) AS DATE) AS due, "
            + h("pl.id * 8 + m", 15)
            + " AS h) x WHERE pl.recorded_by = ?) f",
        MARK,
        today,
        today,
        MARK);
    long hired = BenchWorld.count(c, "SELECT count(*) FROM bw_placed WHERE via");
    long obsolete =
        BenchWorld.count(
            c,
            "SELECT count(*) FROM referral WHERE state = 'OBSOLETE' AND created_by = '"
                + MARK
                + "'");

    // open referrals, moved within the last 14 days, to REFERRED residents and open postings
    // the first was moved as the history was made: its time tells a later run the history's age
    String touched =
        "CAST(? AS TIMESTAMPTZ) - make_interval(mins => CASE WHEN i = 0 THEN 0 ELSE "
            + h("i", 20)
            + " % "
            + OPEN_MINUTES
            + " END)";
    run(
        c,
        "INSERT INTO referral (jobseeker_id, posting_id, partner_unit_id, community_id, state,"
            + " origin, interview_at, interview_place, interview_contact, sent_at, answered_at,"
            + " reply_reminded_at, touched_at, created_by, created_at, updated_at)"
            + " SELECT j.id, po.id, po.partner_unit_id, j.community_id, s, CASE WHEN s ="
            + " 'REQUESTED' THEN 'RESIDENT' WHEN i % 5 = 0 THEN 'BOARD' ELSE 'MATCHMAKER' END,"
            + " CASE WHEN s = 'INTERVIEW' THEN CAST(date_trunc('day', touched AT TIME ZONE"
            + " 'Asia/Shanghai') + make_interval(days => 1 + i % 10, hours => 9 + i % 8)"
            + " AS TIMESTAMP) END, CASE WHEN s = 'INTERVIEW' THEN '人事部' END,"
            + " CASE WHEN s = 'INTERVIEW' THEN '人事专员' END,"
            + " CASE WHEN s = 'SENT' THEN touched WHEN s = 'INTERVIEW'"
            + " THEN touched - make_interval(days => 1 + i % 5) END,"
            + " CASE WHEN s = 'INTERVIEW' THEN touched END,"
            // the quarter-hourly job has told the units of the answers overdue
            + " CASE WHEN s = 'SENT' AND touched < CAST(? AS TIMESTAMPTZ) - interval '7 days'"
            + " THEN touched + interval '7 days 15 minutes' END, touched, ?,"
            + " CASE WHEN s IN ('REQUESTED', 'PROPOSED') THEN touched"
            + " ELSE touched - make_interval(days => 6 + i % 4) END, touched"
            + " FROM (SELECT i, "
            + touched
            + " AS touched, CASE WHEN i % 20 < 2 THEN 'REQUESTED' WHEN i % 20 < 6 THEN 'PROPOSED'"
            + " WHEN i % 20 < 9 THEN 'CONSENTED' WHEN i % 20 < 15 THEN 'SENT' ELSE 'INTERVIEW' END"
            + " AS s FROM generate_series(0, "
            + (openReferrals - 1)
            + ") i) r JOIN bw_pool j ON j.status = 'REFERRED' AND j.n = r.i"
            + " JOIN bw_open po ON po.n = r.i % "
            + open,
        now,
        MARK,
        now);
    // referrals that ended over three years: two to a SEEKING resident, on two postings
    long closed = size.referrals() - openReferrals - hired - obsolete;
    String ended3y =
        "CAST(? AS TIMESTAMPTZ) - make_interval(days => 20 + " + h("i", 30) + " % 1075)";
    run(
        c,
        "INSERT INTO referral (jobseeker_id, posting_id, partner_unit_id, community_id, state,"
            + " origin, interview_at, interview_place, sent_at, answered_at, touched_at,"
            + " ended_reason, created_by, created_at, updated_at)"
            + " SELECT j.id, po.id, po.partner_unit_id, j.community_id, s,"
            + " (ARRAY['MATCHMAKER', 'MATCHMAKER', 'BOARD', 'RESIDENT'])[1 + i % 4],"
            + " CASE WHEN s = 'NOT_HIRED' AND i % 2 = 0 THEN CAST((touched - interval '3 days')"
            + " AT TIME ZONE 'Asia/Shanghai' AS TIMESTAMP) END, CASE WHEN s = 'NOT_HIRED'"
            + " AND i % 2 = 0 THEN '人事部' END,"
            + " CASE WHEN s = 'NOT_HIRED' OR (s = 'WITHDRAWN' AND i % 3 = 0)"
            + " THEN touched - interval '6 days' END,"
            + " CASE WHEN s = 'NOT_HIRED' THEN touched END, touched,"
            + " CASE s WHEN 'NOT_HIRED' THEN (ARRAY['SKILLS', 'EXPERIENCE', 'NO_SHOW',"
            + " 'POSITION_FILLED', 'WAGE_EXPECTATIONS'])[1 + i % 5]"
            + " WHEN 'DECLINED_BY_RESIDENT' THEN (ARRAY['WAGE', 'DISTANCE', 'HOURS', 'HEALTH',"
            + " 'FAMILY', 'FOUND_OTHER_WORK'])[1 + i % 6]"
            + " WHEN 'WITHDRAWN' THEN (ARRAY['NOT_SUITABLE', 'RESIDENT_UNREACHABLE',"
            + " 'POSITION_FILLED'])[1 + i % 3] ELSE 'UNTOUCHED' END, ?,"
            + " touched - make_interval(days => 8 + i % 20), touched"
            + " FROM (SELECT i, "
            + ended3y
            + " AS touched, CASE WHEN "
            + h("i", 31)
            + " % 100 < 37 THEN 'NOT_HIRED' WHEN "
            + h("i", 31)
            + " % 100 < 58 THEN 'DECLINED_BY_RESIDENT' WHEN "
            + h("i", 31)
            + " % 100 < 69 THEN 'WITHDRAWN' ELSE 'EXPIRED' END AS s FROM generate_series(0, "
            + (closed - 1)
            + ") i) r JOIN bw_pool j ON j.status = 'SEEKING' AND j.n = r.i / 2"
            + " JOIN bw_post po ON po.n = r.i % "
            + postings,
        MARK,
        now);
    long made = marked(c, "referral", "created_by");
    if (made != size.referrals() || marked(c, "placement", "recorded_by") != size.placements()) {
      throw new IllegalStateException(
          "the history came out at " + made + " referrals, not " + size.referrals());
    }
  }

  private static void run(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        if (p instanceof Instant instant) {
          ps.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
        } else {
          ps.setObject(i + 1, p);
        }
      }
      ps.execute();
    }
  }
}
