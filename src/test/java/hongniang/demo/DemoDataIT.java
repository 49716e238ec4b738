package hongniang.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.CheckDigits;
import hongniang.common.DifficultyCategory;
import hongniang.partners.PartnerService;
import hongniang.referrals.ReferralState;
import hongniang.support.Api;
import hongniang.support.DatabaseTest;
import hongniang.support.Reply;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default demo set, with its three years of history, written to the shared test database, then
 * read back with SQL and through the API as the demo logins. Other test classes write rows too, so
 * every query is scoped to the ids this class's write created.
 */
@MicronautTest(transactional = false)
class DemoDataIT implements DatabaseTest {

  static final DemoPlan PLAN = DemoPlan.defaults(DemoPlan.DEFAULT_SEED);
  static final Set<String> WELFARE_OCCUPATIONS = Set.of("保洁员", "治安巡防员", "绿化工", "社区协管员");

  @Inject DemoWriter writer;
  @Inject DemoCommand command;
  @Inject DataSource dataSource;
  @Inject PartnerService partners;
  @Inject Clock clock;
  @Inject JsonMapper json;

  @Inject
  @Client("/")
  HttpClient http;

  @Property(name = "hongniang.communities")
  List<String> communities;

  LocalDate today;
  DemoWriter.Report report;
  DemoData expected;
  Ids before;
  Ids after;

  /** The highest id of each table: rows above one snapshot and up to the next are ours. */
  record Ids(
      long unit,
      long agreement,
      long posting,
      long jobseeker,
      long referral,
      long placement,
      long course,
      long message) {}

  @BeforeEach
  void writeTheDefaultSetOnce() throws SQLException {
    // fields are injected per test, after @BeforeAll would run
    if (report != null) {
      return;
    }
    today = LocalDate.now(clock);
    before = maxIds();
    report = writer.write(PLAN, false, line -> {});
    after = maxIds();
    expected = new DemoGenerator(PLAN, today, communities).generate();
  }

  @Test
  void storesTheRequestedCountsAndTheWholeHistory() throws SQLException {
    DemoHistory h = expected.history();
    assertEquals(15, report.unitsAdded());
    assertEquals(80, report.postings());
    assertEquals(h.postings().size() - 80, report.pastPostings());
    assertEquals(1_000, report.jobseekers());
    assertEquals(
        15, count("SELECT count(*) FROM partner_unit WHERE id > ? AND id <= ?", unitIds()));
    assertEquals(
        h.postings().size(),
        count("SELECT count(*) FROM posting WHERE id > ? AND id <= ?", postingIds()));
    assertEquals(
        1_000, count("SELECT count(*) FROM jobseeker WHERE id > ? AND id <= ?", jobseekerIds()));
    assertEquals(report.agreements(), after.agreement() - before.agreement());
    assertEquals(
        h.referrals().size(),
        count("SELECT count(*) FROM referral WHERE id > ? AND id <= ?", referralIds()));
    assertEquals(
        h.referrals().stream().mapToLong(r -> r.events().size()).sum(),
        count(
            "SELECT count(*) FROM referral_event WHERE referral_id > ? AND referral_id <= ?",
            referralIds()));
    assertEquals(
        h.placements().size(),
        count("SELECT count(*) FROM placement WHERE id > ? AND id <= ?", placementIds()));
    assertEquals(
        3L * h.placements().size(),
        count(
            "SELECT count(*) FROM follow_up WHERE placement_id > ? AND placement_id <= ?",
            placementIds()));
    assertEquals(
        h.enrolments().size(),
        count(
            "SELECT count(*) FROM enrolment WHERE course_id > ? AND course_id <= ?", courseIds()));
    assertEquals(
        h.notices().size(),
        count("SELECT count(*) FROM inbox_message WHERE id > ? AND id <= ?", messageIds()));
    assertEquals(h.notices().size(), report.history().notices());
  }

  @Test
  void storesExactlyWhatTheGeneratorMakesForTheSeed() throws SQLException {
    assertEquals(
        expected.units().stream().map(DemoUnit::creditCode).toList(),
        strings(
            "SELECT credit_code FROM partner_unit WHERE id > ? AND id <= ? ORDER BY id",
            unitIds()));
    DemoHistory h = expected.history();
    assertEquals(
        h.postings().stream()
            .map(
                p ->
                    p.posting().title()
                        + "|"
                        + p.posting().wageMin()
                        + "|"
                        + p.status()
                        + "|"
                        + p.filled())
            .toList(),
        strings(
            "SELECT title || '|' || wage_min || '|' || status || '|' || filled_count FROM posting"
                + " WHERE id > ? AND id <= ? ORDER BY id",
            postingIds()));
    assertEquals(
        h.residents().stream()
            .map(
                j ->
                    j.idNumber()
                        + "|"
                        + j.name()
                        + "|"
                        + j.difficultyCategories()
                        + "|"
                        + j.status()
                        + "|"
                        + j.licences())
            .toList(),
        strings(
            "SELECT id_number || '|' || name || '|[' || array_to_string(difficulty_categories,"
                + " ', ') || ']|' || status || '|[' || array_to_string(licences, ', ') || ']'"
                + " FROM jobseeker WHERE id > ? AND id <= ? ORDER BY id",
            jobseekerIds()));
    assertEquals(
        h.referrals().stream().map(r -> r.state() + "|" + r.events().size()).toList(),
        strings(
            "SELECT r.state || '|' || (SELECT count(*) FROM referral_event e"
                + " WHERE e.referral_id = r.id) FROM referral r WHERE r.id > ? AND r.id <= ?"
                + " ORDER BY r.id",
            referralIds()));
    assertEquals(
        h.placements().stream().map(p -> p.type() + "|" + p.startDate()).toList(),
        strings(
            "SELECT type || '|' || start_date FROM placement WHERE id > ? AND id <= ?"
                + " ORDER BY id",
            placementIds()));
  }

  @Test
  void hasTheThreeUnitsTheReportNamesWithValidCreditCodes() throws SQLException {
    List<String> codes =
        strings(
            "SELECT credit_code FROM partner_unit WHERE id > ? AND id <= ? AND name IN"
                + " ('三明市民政福利厂', '万紫千红', '东力机械设备有限公司')",
            unitIds());
    assertEquals(3, codes.size());
    codes.forEach(c -> assertTrue(CheckDigits.isValidCreditCode(c), c));
  }

  @Test
  void everyIdNumberIsValid() throws SQLException {
    List<String> ids =
        strings("SELECT id_number FROM jobseeker WHERE id > ? AND id <= ?", jobseekerIds());
    assertEquals(1_000, ids.size());
    ids.forEach(id -> assertTrue(CheckDigits.isValidIdNumber(id), id));
  }

  @Test
  void everyOpenPostingsUnitHasAValidAgreementToday() throws SQLException {
    List<String> open =
        strings(
            "SELECT partner_unit_id || ' ' || valid_through FROM posting"
                + " WHERE id > ? AND id <= ? AND status = 'OPEN'",
            postingIds());
    assertTrue(open.size() > 40, "mostly open: " + open.size());
    for (String row : open) {
      String[] parts = row.split(" ");
      assertTrue(partners.isPartnerOn(Long.parseLong(parts[0]), today), row);
      assertFalse(LocalDate.parse(parts[1]).isBefore(today), row);
    }
  }

  @Test
  void oneAgreementHasExpiredAndOneExpiresWithin30Days() throws SQLException {
    long[] range = {before.agreement(), after.agreement()};
    assertTrue(
        count(
                "SELECT count(*) FROM agreement WHERE id > ? AND id <= ? AND valid_until < ?",
                range[0],
                range[1],
                today)
            >= 1);
    assertTrue(
        count(
                "SELECT count(*) FROM agreement WHERE id > ? AND id <= ? AND status = 'ACTIVE'"
                    + " AND signed_on <= ? AND valid_until BETWEEN ? AND ?",
                range[0],
                range[1],
                today,
                today,
                today.plusDays(30))
            >= 1);
  }

  @Test
  void everyDifficultyCategoryAppears() throws SQLException {
    Set<DifficultyCategory> seen = EnumSet.noneOf(DifficultyCategory.class);
    strings(
            "SELECT DISTINCT unnest(difficulty_categories) FROM jobseeker WHERE id > ? AND id <= ?",
            jobseekerIds())
        .forEach(c -> seen.add(DifficultyCategory.valueOf(c)));
    assertEquals(EnumSet.allOf(DifficultyCategory.class), seen);
  }

  @Test
  void categoriesAgreeWithGenderAgeUnemploymentAndNotes() throws SQLException {
    // the rule in SQL's own date arithmetic, independent of the generator's Java
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM jobseeker WHERE id > ? AND id <= ? AND"
                + " ('AGE_4050' = ANY (difficulty_categories)) <> (date_part('year',"
                + " age(?::date, birth_date)) >= CASE gender WHEN 'FEMALE' THEN 40 ELSE 50 END)",
            before.jobseeker(),
            after.jobseeker(),
            today));
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM jobseeker WHERE id > ? AND id <= ? AND"
                + " ('LONG_TERM_UNEMPLOYED' = ANY (difficulty_categories))"
                + " <> coalesce(unemployed_since <= ?::date - interval '1 year', false)",
            before.jobseeker(),
            after.jobseeker(),
            today));
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM jobseeker WHERE id > ? AND id <= ? AND"
                + " ('DISABLED' = ANY (difficulty_categories)) <> (disability_note IS NOT NULL)",
            jobseekerIds()));
  }

  @Test
  void publicWelfarePostsAreOnlyCleaningPatrolGreeningOrPublicService() throws SQLException {
    List<String> occupations =
        strings(
            "SELECT occupation FROM posting WHERE id > ? AND id <= ? AND public_welfare",
            postingIds());
    assertFalse(occupations.isEmpty());
    occupations.forEach(o -> assertTrue(WELFARE_OCCUPATIONS.contains(o), o));
  }

  @Test
  void someWorkIsOutsideTheDistrict() throws SQLException {
    List<String> cities =
        strings(
            "SELECT city FROM posting WHERE id > ? AND id <= ? AND work_community_id IS NULL",
            postingIds());
    assertFalse(cities.isEmpty());
    cities.forEach(c -> assertTrue(Set.of("福州市", "厦门市", "泉州市").contains(c), c));
  }

  @Test
  void demoLoginsWorkWithTheDemoPassword() throws SQLException {
    Api api = new Api(http, json);
    Reply resident = api.get("/api/v1/me", api.login("resident", "demo1234"));
    assertEquals("RESIDENT", resident.str("role"));
    assertEquals(
        count(
            "SELECT id FROM jobseeker WHERE id > ? AND id <= ? AND name = '林秀英'"
                + " AND experience LIKE '曾在三明纺织厂%'",
            jobseekerIds()),
        resident.num("jobseekerId"));
    Reply matchmaker = api.get("/api/v1/me", api.login("xiayang", "demo1234"));
    assertEquals("MATCHMAKER", matchmaker.str("role"));
    assertEquals(
        count("SELECT id FROM community WHERE name = '下洋'"), matchmaker.num("communityId"));
    Reply employer = api.get("/api/v1/me", api.login("minzheng", "demo1234"));
    assertEquals(
        count(
            "SELECT id FROM partner_unit WHERE id > ? AND id <= ? AND name = '三明市民政福利厂'",
            unitIds()),
        employer.num("partnerUnitId"));
    assertEquals("EMPLOYER", api.get("/api/v1/me", api.login("wanzi", "demo1234")).str("role"));
    api.login("hongyinshan", "demo1234");
  }

  @Test
  void commandRefusesAFilledDatabaseUnlessAppendingAndThenAddsNewResidents() throws SQLException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int refused =
        command.run(
            new String[] {"--jobseekers", "5"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, refused);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--append"), err.toString());

    Ids start = maxIds();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        command.run(
            new String[] {"--append", "--postings", "7", "--jobseekers", "5"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
    Ids end = maxIds();
    assertEquals(start.unit(), end.unit(), "the 15 known units are reused, not repeated");
    assertEquals(
        7,
        count(
            "SELECT count(*) FROM posting WHERE id > ? AND id <= ?",
            start.posting(),
            end.posting()));
    assertEquals(
        5,
        count(
            "SELECT count(*) FROM jobseeker WHERE id > ? AND id <= ?",
            start.jobseeker(),
            end.jobseeker()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("jobseekers"), out.toString());
  }

  // ---- the history as stored

  @Test
  void placementsByTypeAreShapedLikeTheReport() throws SQLException {
    Map<String, Long> byType = new HashMap<>();
    for (List<Object> row :
        rows(
            "SELECT type, count(*) FROM placement WHERE id > ? AND id <= ?"
                + " AND cancelled_at IS NULL GROUP BY type",
            placementIds())) {
      byType.put((String) row.get(0), ((Number) row.get(1)).longValue());
    }
    long total = byType.values().stream().mapToLong(Long::longValue).sum();
    assertTrue(total >= 700 && total <= 1_000, "about 800: " + byType);
    assertEquals(6, byType.size(), "all six types: " + byType);
    long flexible = byType.get("FLEXIBLE");
    assertTrue(flexible >= 130 && flexible <= 220, "about 167 flexible: " + byType);
    long welfare = byType.get("PUBLIC_WELFARE");
    assertTrue(welfare >= 12 && welfare <= 40, "about 23 public-welfare: " + byType);
    assertTrue(
        (byType.get("OUTSIDE_WORK") + byType.get("HOUSEHOLD_SERVICE")) * 100 >= total * 45,
        "most outside work and household service: " + byType);
    // public-welfare posts only for residents with a difficulty category, in such posts
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM placement p JOIN jobseeker j ON j.id = p.jobseeker_id"
                + " LEFT JOIN posting o ON o.id = p.posting_id"
                + " WHERE p.id > ? AND p.id <= ? AND p.type = 'PUBLIC_WELFARE'"
                + " AND (cardinality(j.difficulty_categories) = 0 OR o.public_welfare IS NOT TRUE)",
            placementIds()));
  }

  @Test
  void everyReferralStateIsStoredAndEveryHistoryIsALegalChainOfMoves() throws SQLException {
    Set<ReferralState> states = EnumSet.noneOf(ReferralState.class);
    strings("SELECT DISTINCT state FROM referral WHERE id > ? AND id <= ?", referralIds())
        .forEach(st -> states.add(ReferralState.valueOf(st)));
    assertEquals(EnumSet.allOf(ReferralState.class), states);
    List<List<Object>> events =
        rows(
            "SELECT e.referral_id, e.from_state, e.to_state, e.actor_role, e.actor, e.at,"
                + " r.state, r.touched_at, r.created_at, r.created_by"
                + " FROM referral_event e JOIN referral r ON r.id = e.referral_id"
                + " WHERE r.id > ? AND r.id <= ? ORDER BY e.referral_id, e.id",
            referralIds());
    for (int i = 0; i < events.size(); i++) {
      List<Object> e = events.get(i);
      boolean first = i == 0 || !e.get(0).equals(events.get(i - 1).get(0));
      boolean last = i == events.size() - 1 || !e.get(0).equals(events.get(i + 1).get(0));
      ReferralState to = ReferralState.valueOf((String) e.get(2));
      String role = (String) e.get(3);
      if (first) {
        assertNull(e.get(1), e.toString());
        assertTrue(
            (to == ReferralState.REQUESTED && role.equals("RESIDENT"))
                || (to == ReferralState.PROPOSED && role.equals("MATCHMAKER")),
            e.toString());
        assertEquals(e.get(5), e.get(8), "created when its history began: " + e);
        assertEquals(e.get(4), e.get(9), e.toString());
      } else {
        List<Object> previous = events.get(i - 1);
        assertEquals(previous.get(2), e.get(1), "one chain: " + e);
        assertTrue(ReferralState.valueOf((String) e.get(1)).allowsMove(to, role), "legal: " + e);
        assertTrue(((Timestamp) e.get(5)).after((Timestamp) previous.get(5)), e.toString());
      }
      if (role.equals("SYSTEM")) {
        assertEquals("system", e.get(4), e.toString());
      }
      if (last) {
        assertEquals(e.get(6), e.get(2), "the state is the last move: " + e);
        assertEquals(e.get(7), e.get(5), "touched at the last move: " + e);
      }
    }
    // the matchmaker of 下洋 is xiayang, as the demo login says
    assertEquals(
        List.of("xiayang"),
        strings(
            "SELECT DISTINCT e.actor FROM referral_event e JOIN referral r ON r.id ="
                + " e.referral_id JOIN community c ON c.id = r.community_id WHERE r.id > ?"
                + " AND r.id <= ? AND c.name = '下洋' AND e.actor_role = 'MATCHMAKER'",
            referralIds()));
  }

  @Test
  void consentsAreRecordedForEveryConsentedReferralAndWithdrawnWhenItEnded() throws SQLException {
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM referral r WHERE r.id > ? AND r.id <= ?"
                + " AND EXISTS (SELECT 1 FROM referral_event e WHERE e.referral_id = r.id"
                + " AND e.to_state = 'CONSENTED')"
                + " AND NOT EXISTS (SELECT 1 FROM referral_consent c WHERE c.referral_id = r.id)",
            referralIds()));
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM referral r JOIN referral_consent c ON c.referral_id = r.id"
                + " WHERE r.id > ? AND r.id <= ? AND (c.withdrawn_at IS NULL) = (r.state IN"
                + " ('WITHDRAWN', 'EXPIRED', 'OBSOLETE'))",
            referralIds()));
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM referral r WHERE r.id > ? AND r.id <= ?"
                + " AND r.state IN ('SENT', 'INTERVIEW', 'HIRED', 'NOT_HIRED')"
                + " AND (r.sent_at IS NULL OR NOT EXISTS (SELECT 1 FROM referral_consent c"
                + " WHERE c.referral_id = r.id AND c.withdrawn_at IS NULL))",
            referralIds()));
    List<String> methods =
        strings(
            "SELECT DISTINCT method FROM referral_consent WHERE referral_id > ?"
                + " AND referral_id <= ?",
            referralIds());
    assertEquals(
        Set.of("ONLINE", "IN_PERSON_SIGNATURE", "PHONE_CALL", "PAPER_FORM"), Set.copyOf(methods));
    assertTrue(
        count(
                "SELECT count(*) FROM referral WHERE id > ? AND id <= ? AND state = 'WITHDRAWN'"
                    + " AND ended_reason = 'CONSENT_WITHDRAWN'",
                referralIds())
            > 0);
  }

  @Test
  void postingsCountTheirPlacementsAndResidentsStandAsTheirPlacementsSay() throws SQLException {
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM posting p WHERE p.id > ? AND p.id <= ? AND p.filled_count <>"
                + " (SELECT count(*) FROM placement l WHERE l.posting_id = p.id"
                + " AND l.cancelled_at IS NULL)",
            postingIds()));
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM posting WHERE id > ? AND id <= ? AND filled_count = headcount"
                + " AND status <> 'FILLED'",
            postingIds()));
    assertTrue(
        count(
                "SELECT count(*) FROM posting WHERE id > ? AND id <= ? AND filled_count > 0",
                postingIds())
            > 50);
    String running =
        "EXISTS (SELECT 1 FROM placement l WHERE l.jobseeker_id = j.id AND l.ended_on IS NULL"
            + " AND l.cancelled_at IS NULL)";
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM jobseeker j WHERE j.id > ? AND j.id <= ? AND (j.status ="
                + " 'EMPLOYED') <> "
                + running,
            jobseekerIds()));
    long seekingAgain =
        count(
            "SELECT count(*) FROM jobseeker j WHERE j.id > ? AND j.id <= ?"
                + " AND j.status = 'SEEKING' AND EXISTS (SELECT 1 FROM placement l"
                + " WHERE l.jobseeker_id = j.id AND l.end_reason IS NOT NULL)",
            jobseekerIds());
    assertTrue(seekingAgain > 20, "some left their work and seek again: " + seekingAgain);
    assertEquals(
        Set.of("STILL_EMPLOYED", "CHANGED_JOB", "LEFT", "UNREACHABLE"),
        Set.copyOf(
            strings(
                "SELECT DISTINCT outcome FROM follow_up WHERE placement_id > ?"
                    + " AND placement_id <= ? AND outcome IS NOT NULL",
                placementIds())));
  }

  @Test
  void aboutOneHundredSeventyTrainedAYearAndTheirCertificatesAreLicences() throws SQLException {
    for (int year = 0; year < 3; year++) {
      long trained =
          count(
              "SELECT count(DISTINCT jobseeker_id) FROM enrolment WHERE course_id > ?"
                  + " AND course_id <= ? AND status = 'COMPLETED' AND completed_on BETWEEN ? AND ?",
              before.course(),
              after.course(),
              today.minusYears(year + 1),
              today.minusYears(year).minusDays(1));
      assertTrue(trained >= 130 && trained <= 210, "about 170 in year " + year + ": " + trained);
    }
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM enrolment e JOIN course c ON c.id = e.course_id"
                + " JOIN jobseeker j ON j.id = e.jobseeker_id WHERE c.id > ? AND c.id <= ?"
                + " AND e.passed AND c.licence IS NOT NULL AND NOT (c.licence = ANY (j.licences))",
            courseIds()));
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM course c WHERE c.id > ? AND c.id <= ? AND c.seats_taken <>"
                + " (SELECT count(*) FROM enrolment e WHERE e.course_id = c.id"
                + " AND e.status <> 'WITHDRAWN')",
            courseIds()));
  }

  @Test
  void theDemoLoginsSeeALiveWorklistAndInbox() {
    Api api = new Api(http, json);
    String xiayang = api.login("xiayang", "demo1234");
    assertSections(
        api.get("/api/v1/worklist", xiayang),
        "residents",
        "waiting",
        "consents",
        "replyOverdue",
        "interviews",
        "expiring",
        "followUps",
        "agreements");
    String hongyinshan = api.login("hongyinshan", "demo1234");
    assertSections(
        api.get("/api/v1/worklist", hongyinshan),
        "residents",
        "waiting",
        "consents",
        "interviews",
        "followUps",
        "agreements");
    String resident = api.login("resident", "demo1234");
    String minzheng = api.login("minzheng", "demo1234");
    String wanzi = api.login("wanzi", "demo1234");
    for (String token : List.of(xiayang, hongyinshan, resident, minzheng, wanzi)) {
      Reply inbox = api.get("/api/v1/inbox", token);
      assertEquals(200, inbox.status(), inbox.toString());
      assertTrue(inbox.num("totalItems") > 0, inbox.toString());
      assertTrue(api.get("/api/v1/inbox/unread-count", token).num("unread") > 0, inbox.toString());
    }
    Set<String> mine = states(api.get("/api/v1/referrals?size=200", resident));
    assertTrue(mine.containsAll(Set.of("PROPOSED", "INTERVIEW", "REQUESTED")), mine.toString());
    for (String employer : List.of(minzheng, wanzi)) {
      Reply sent = api.get("/api/v1/referrals?state=SENT&size=200", employer);
      assertEquals(200, sent.status(), sent.toString());
      List<?> items = sent.list("items");
      assertTrue(
          items.stream().anyMatch(i -> Boolean.TRUE.equals(((Map<?, ?>) i).get("replyOverdue"))),
          "one candidate waits too long: " + sent);
      assertTrue(
          items.stream().anyMatch(i -> Boolean.FALSE.equals(((Map<?, ?>) i).get("replyOverdue"))),
          "and one came lately: " + sent);
    }
    assertTrue(states(api.get("/api/v1/referrals?size=200", minzheng)).contains("INTERVIEW"));
    // a resident who uses the service signs in with the demo password too
    String username = expected.history().accounts().get(0).username();
    assertEquals("RESIDENT", api.get("/api/v1/me", api.login(username, "demo1234")).str("role"));
  }

  private static void assertSections(Reply worklist, String... keys) {
    assertEquals(200, worklist.status(), worklist.toString());
    Map<String, Long> counts = new HashMap<>();
    for (Object section : worklist.list("sections")) {
      Map<?, ?> m = (Map<?, ?>) section;
      counts.put((String) m.get("key"), ((Number) m.get("count")).longValue());
    }
    for (String key : keys) {
      assertTrue(counts.getOrDefault(key, 0L) > 0, key + " is empty: " + counts);
    }
  }

  private static Set<String> states(Reply referrals) {
    assertEquals(200, referrals.status(), referrals.toString());
    Set<String> states = new HashSet<>();
    referrals.list("items").forEach(i -> states.add((String) ((Map<?, ?>) i).get("state")));
    return states;
  }

  // ---- SQL helpers

  private Object[] unitIds() {
    return new Object[] {before.unit(), after.unit()};
  }

  private Object[] postingIds() {
    return new Object[] {before.posting(), after.posting()};
  }

  private Object[] jobseekerIds() {
    return new Object[] {before.jobseeker(), after.jobseeker()};
  }

  private Object[] referralIds() {
    return new Object[] {before.referral(), after.referral()};
  }

  private Object[] placementIds() {
    return new Object[] {before.placement(), after.placement()};
  }

  private Object[] courseIds() {
    return new Object[] {before.course(), after.course()};
  }

  private Object[] messageIds() {
    return new Object[] {before.message(), after.message()};
  }

  private Ids maxIds() throws SQLException {
    return new Ids(
        count("SELECT coalesce(max(id), 0) FROM partner_unit"),
        count("SELECT coalesce(max(id), 0) FROM agreement"),
        count("SELECT coalesce(max(id), 0) FROM posting"),
        count("SELECT coalesce(max(id), 0) FROM jobseeker"),
        count("SELECT coalesce(max(id), 0) FROM referral"),
        count("SELECT coalesce(max(id), 0) FROM placement"),
        count("SELECT coalesce(max(id), 0) FROM course"),
        count("SELECT coalesce(max(id), 0) FROM inbox_message"));
  }

  private long count(String sql, Object... params) throws SQLException {
    List<String> rows = strings(sql, params);
    assertEquals(1, rows.size(), sql);
    return Long.parseLong(rows.get(0));
  }

  private List<List<Object>> rows(String sql, Object... params) throws SQLException {
    try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        s.setObject(i + 1, p instanceof LocalDate d ? java.sql.Date.valueOf(d) : p);
      }
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>(n);
          for (int i = 1; i <= n; i++) {
            row.add(rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  private List<String> strings(String sql, Object... params) throws SQLException {
    // the injected DataSource serves only inside Micronaut transactions; these reads are plain
    try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        s.setObject(i + 1, p instanceof LocalDate d ? java.sql.Date.valueOf(d) : p);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Object value = rs.getObject(1);
          rows.add(value instanceof Array a ? a.toString() : String.valueOf(value));
        }
      }
      return rows;
    }
  }
}
