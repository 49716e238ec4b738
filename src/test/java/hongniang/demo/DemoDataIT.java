package hongniang.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.CheckDigits;
import hongniang.common.DifficultyCategory;
import hongniang.partners.PartnerService;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default demo set written to the shared test database, then read back with SQL. Other test
 * classes write rows too, so every query is scoped to the ids this class's write created.
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
  record Ids(long unit, long agreement, long posting, long jobseeker) {}

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
  void storesTheRequestedCounts() throws SQLException {
    assertEquals(15, report.unitsAdded());
    assertEquals(80, report.postings());
    assertEquals(300, report.jobseekers());
    assertEquals(
        15, count("SELECT count(*) FROM partner_unit WHERE id > ? AND id <= ?", unitIds()));
    assertEquals(80, count("SELECT count(*) FROM posting WHERE id > ? AND id <= ?", postingIds()));
    assertEquals(
        300, count("SELECT count(*) FROM jobseeker WHERE id > ? AND id <= ?", jobseekerIds()));
    assertEquals(report.agreements(), after.agreement() - before.agreement());
  }

  @Test
  void storesExactlyWhatTheGeneratorMakesForTheSeed() throws SQLException {
    assertEquals(
        expected.units().stream().map(DemoUnit::creditCode).toList(),
        strings(
            "SELECT credit_code FROM partner_unit WHERE id > ? AND id <= ? ORDER BY id",
            unitIds()));
    assertEquals(
        expected.postings().stream()
            .map(p -> p.title() + "|" + p.wageMin() + "|" + p.status())
            .toList(),
        strings(
            "SELECT title || '|' || wage_min || '|' || status FROM posting"
                + " WHERE id > ? AND id <= ? ORDER BY id",
            postingIds()));
    assertEquals(
        expected.jobseekers().stream()
            .map(j -> j.idNumber() + "|" + j.name() + "|" + j.difficultyCategories())
            .toList(),
        strings(
            "SELECT id_number || '|' || name || '|[' || array_to_string(difficulty_categories,"
                + " ', ') || ']' FROM jobseeker WHERE id > ? AND id <= ? ORDER BY id",
            jobseekerIds()));
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
    assertEquals(300, ids.size());
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

  private Ids maxIds() throws SQLException {
    return new Ids(
        count("SELECT coalesce(max(id), 0) FROM partner_unit"),
        count("SELECT coalesce(max(id), 0) FROM agreement"),
        count("SELECT coalesce(max(id), 0) FROM posting"),
        count("SELECT coalesce(max(id), 0) FROM jobseeker"));
  }

  private long count(String sql, Object... params) throws SQLException {
    List<String> rows = strings(sql, params);
    assertEquals(1, rows.size(), sql);
    return Long.parseLong(rows.get(0));
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
