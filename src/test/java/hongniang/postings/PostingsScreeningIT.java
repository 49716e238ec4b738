package hongniang.postings;

import static hongniang.support.Fixtures.aDraftPosting;
import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Fair-posting screening through the API: a posting with a blocking finding is held in REVIEW, kept
 * out of search and matching, and opens only after a rewrite or an admin's recorded approval.
 */
@MicronautTest(transactional = false)
class PostingsScreeningIT extends ApiTest {

  private static final String TITLE = "车间保洁员（限女性，35岁以下）";
  private static final String DESCRIPTION = "已婚已育优先，需交押金200元";

  @Inject DataSource dataSource;

  private PostingRequest theIssuesExample(long unit) {
    return edit(aPosting(unit)).title(TITLE).description(DESCRIPTION).build();
  }

  private static List<String> findings(Reply r) {
    List<String> out = new ArrayList<>();
    for (Object f : r.list("findings")) {
      Map<?, ?> m = (Map<?, ?>) f;
      out.add(
          m.get("field")
              + ":"
              + m.get("category")
              + ":"
              + m.get("severity")
              + ":"
              + m.get("start")
              + "-"
              + m.get("end"));
    }
    return out;
  }

  private static List<Long> ids(Reply r, String list, String field) {
    List<Long> out = new ArrayList<>();
    for (Object hit : r.list(list)) {
      out.add(((Number) ((Map<?, ?>) hit).get(field)).longValue());
    }
    return out;
  }

  private Reply open(long id, String token) {
    return api().post("/api/v1/postings/" + id + "/open", Map.of(), token);
  }

  private Reply put(long id, PostingRequest body, String token) {
    return api().put("/api/v1/postings/" + id, body, token);
  }

  private Reply search(String text, long unit) {
    return api()
        .get(
            "/api/v1/postings/search?partnerUnitId="
                + unit
                + "&q="
                + URLEncoder.encode(text, StandardCharsets.UTF_8),
            null);
  }

  @Test
  void theIssuesPostingIsHeldWithItsFindingsUnderlinedAndOutOfSearchAndMatching() {
    long unit = aPartner();
    String employer = userToken(Role.EMPLOYER, unit);
    Reply created = api().post("/api/v1/postings", theIssuesExample(unit), employer);
    assertEquals(201, created.status(), created.toString());
    assertEquals("REVIEW", created.str("status"));
    assertEquals("BLOCKED", created.str("review.state"));
    assertEquals(
        List.of(
            "title:gender:BLOCK:6-9",
            "title:age:WARN:10-15",
            "description:marriage:BLOCK:0-6",
            "description:fees:BLOCK:8-15"),
        findings(created));
    assertEquals("限女性", TITLE.substring(6, 9));
    assertEquals("交押金200元", DESCRIPTION.substring(8, 15));
    assertTrue(created.str("findings[0].basisZh").contains("就业促进法"), created.text());
    assertTrue(created.str("findings[3].suggestionEn").contains("deposit"), created.text());
    long held = created.num("id");

    // the same words in an open posting of the unit: once it is found, the indexer has passed the
    // held one, which it must have left out
    long fair =
        api()
            .post(
                "/api/v1/postings",
                edit(aPosting(unit)).title("车间保洁员").description("负责车间清洁").build(),
                employer)
            .num("id");
    Reply found = eventually(() -> search("车间保洁员", unit), r -> ids(r, "hits", "id").contains(fair));
    assertFalse(ids(found, "hits", "id").contains(held), found.toString());
    Reply resident = api().post("/api/v1/jobseekers", aJobseeker(1), admin());
    Reply matches =
        eventually(
            () ->
                api()
                    .get("/api/v1/jobseekers/" + resident.num("id") + "/matches?size=100", admin()),
            r -> ids(r, "matches", "postingId").contains(fair));
    assertFalse(ids(matches, "matches", "postingId").contains(held), matches.toString());
    Reply forHeld = api().get("/api/v1/postings/" + held + "/matches", admin());
    assertEquals(200, forHeld.status(), forHeld.toString());
    assertEquals(List.of(), forHeld.list("matches"));
    Reply residentsList =
        api()
            .get(
                "/api/v1/postings?partnerUnitId=" + unit,
                userToken(Role.RESIDENT, resident.num("id")));
    assertEquals(List.of(fair), ids(residentsList, "items", "id"));

    Reply open = open(held, employer);
    assertEquals(409, open.status(), open.toString());
    assertEquals(
        List.of("title:Screening", "description:Screening", "description:Screening"),
        open.fieldRules());
    assertTrue(open.str("errors[0].message").contains("限女性"), open.text());
    assertEquals("REVIEW", api().get("/api/v1/postings/" + held, employer).str("status"));
  }

  @Test
  void aRewriteWithoutBlockingFindingsReleasesTheHold() {
    long unit = aPartner();
    String employer = userToken(Role.EMPLOYER, unit);
    long id = api().post("/api/v1/postings", theIssuesExample(unit), employer).num("id");
    PostingRequest rewritten =
        edit(aPosting(unit)).title("车间保洁员").description("男女不限，无需押金，能适应早班").status(null).build();
    Reply updated = put(id, rewritten, employer);
    assertEquals(200, updated.status(), updated.toString());
    assertEquals("DRAFT", updated.str("status"));
    assertEquals("CLEAR", updated.str("review.state"));
    assertEquals(List.of(), updated.list("findings"));
    Reply open = open(id, employer);
    assertEquals("OPEN", open.str("status"), open.toString());

    // and an open posting edited into discriminatory text is held again
    Reply worse = put(id, edit(rewritten).description("只招男性，无需押金").build(), employer);
    assertEquals("REVIEW", worse.str("status"), worse.toString());
    assertEquals(List.of("description:gender:BLOCK:0-4"), findings(worse));
  }

  @Test
  void anAdminsApprovalWithAReasonIsRecordedAndLetsThePostingOpenUntilTheTextChanges() {
    long unit = aPartner();
    String employer = userToken(Role.EMPLOYER, unit);
    PostingRequest bathhouse =
        edit(aPosting(unit)).title("浴场服务员").description("限女性，负责女宾区接待").build();
    long id = api().post("/api/v1/postings", bathhouse, employer).num("id");
    assertEquals("REVIEW", api().get("/api/v1/postings/" + id, admin()).str("status"));

    Reply byEmployer =
        api().post("/api/v1/postings/" + id + "/approve", Map.of("reason", "自己批准"), employer);
    assertEquals(403, byEmployer.status(), byEmployer.toString());
    Reply noReason = api().post("/api/v1/postings/" + id + "/approve", Map.of(), admin());
    assertEquals(400, noReason.status(), noReason.toString());
    assertEquals(List.of("reason:NotBlank"), noReason.fieldRules());
    Reply noBody =
        api()
            .postRaw(
                "/api/v1/postings/" + id + "/approve",
                "",
                MediaType.APPLICATION_JSON_TYPE,
                admin());
    assertEquals(List.of("reason:NotBlank"), noBody.fieldRules(), noBody.toString());
    Reply longReason =
        api()
            .post(
                "/api/v1/postings/" + id + "/approve", Map.of("reason", "理".repeat(501)), admin());
    assertEquals(List.of("reason:Size"), longReason.fieldRules());
    Reply blankReason =
        api().post("/api/v1/postings/" + id + "/approve", Map.of("reason", "  "), admin());
    assertEquals(List.of("reason:NotBlank"), blankReason.fieldRules());
    Reply unknown =
        api()
            .post(
                "/api/v1/postings/" + id + "/approve",
                Map.of("reason", "女宾区", "by", "someone"),
                admin());
    assertEquals(400, unknown.status(), unknown.toString());
    assertEquals(List.of("by:UnknownField"), unknown.fieldRules());
    assertNull(api().get("/api/v1/postings/" + id, admin()).at("review.approval"));

    Reply approved =
        api()
            .post(
                "/api/v1/postings/" + id + "/approve",
                Map.of("reason", "女宾区浴室服务，涉及隐私，经街道核实"),
                admin());
    assertEquals(200, approved.status(), approved.toString());
    assertEquals("DRAFT", approved.str("status"));
    assertEquals("APPROVED", approved.str("review.state"));
    assertEquals("女宾区浴室服务，涉及隐私，经街道核实", approved.str("review.approval.reason"));
    assertEquals("admin", approved.str("review.approval.approvedBy"));
    assertTrue(
        approved.str("review.approval.approvedAt").startsWith(LocalDate.now().getYear() + ""));
    assertEquals(true, approved.at("review.approval.current"));
    assertEquals(List.of("description:gender:BLOCK:0-3"), findings(approved));

    Reply open = open(id, employer);
    assertEquals("OPEN", open.str("status"), open.toString());
    // a change that leaves the text alone keeps the approval
    Reply wage = put(id, edit(bathhouse).wageMax(3000).status(null).build(), employer);
    assertEquals("OPEN", wage.str("status"), wage.toString());
    // a new text is a new question
    Reply changed =
        put(id, edit(bathhouse).description("限女性，负责女宾区接待和收银").status(null).build(), employer);
    assertEquals("REVIEW", changed.str("status"), changed.toString());
    assertEquals("BLOCKED", changed.str("review.state"));
    assertEquals(false, changed.at("review.approval.current"));

    Reply fair = api().post("/api/v1/postings", aPosting(unit), employer);
    Reply nothing =
        api()
            .post(
                "/api/v1/postings/" + fair.num("id") + "/approve", Map.of("reason", "无"), admin());
    assertEquals(409, nothing.status(), nothing.toString());
    assertEquals(List.of("findings:NothingToApprove"), nothing.fieldRules());
  }

  @Test
  void aDraftKeepsItsStatusButCannotOpenAndWarningsNeverBlock() {
    long unit = aPartner();
    PostingRequest draft = edit(aDraftPosting(unit)).description("限男性，能吃苦").build();
    Reply created = api().post("/api/v1/postings", draft, admin());
    assertEquals("DRAFT", created.str("status"), created.toString());
    assertEquals("BLOCKED", created.str("review.state"));
    Reply open = open(created.num("id"), admin());
    assertEquals(409, open.status(), open.toString());
    assertEquals(List.of("description:Screening"), open.fieldRules());
    assertEquals(
        "DRAFT", api().get("/api/v1/postings/" + created.num("id"), admin()).str("status"));

    Reply warned =
        api()
            .post(
                "/api/v1/postings",
                edit(aPosting(unit)).description("年龄35岁以下，五官端正").build(),
                admin());
    assertEquals("OPEN", warned.str("status"), warned.toString());
    assertEquals("WARNINGS", warned.str("review.state"));
    assertEquals(
        List.of("description:age:WARN:0-7", "description:appearance:WARN:8-12"), findings(warned));
  }

  @Test
  void screeningATextStoresNothing() {
    long unit = aPartner();
    String employer = userToken(Role.EMPLOYER, unit);
    Map<String, Object> body =
        Map.of("title", TITLE, "description", DESCRIPTION, "skills", List.of("保洁", "身体健全"));
    Reply screened = api().post("/api/v1/postings/screen", body, employer);
    assertEquals(200, screened.status(), screened.toString());
    assertEquals(true, screened.at("blocking"));
    assertEquals(
        List.of(
            "title:gender:BLOCK:6-9",
            "title:age:WARN:10-15",
            "description:marriage:BLOCK:0-6",
            "description:fees:BLOCK:8-15",
            "skills[1]:disability:BLOCK:0-4"),
        findings(screened));
    assertEquals(0, api().get("/api/v1/postings?partnerUnitId=" + unit, admin()).num("totalItems"));

    Reply fair =
        api()
            .post(
                "/api/v1/postings/screen",
                Map.of("description", "不限性别，无需押金"),
                userToken(Role.MATCHMAKER, 1L));
    assertEquals(false, fair.at("blocking"), fair.toString());
    assertEquals(List.of(), fair.list("findings"));

    Reply tooLong =
        api().post("/api/v1/postings/screen", Map.of("title", "岗".repeat(101)), employer);
    assertEquals(400, tooLong.status(), tooLong.toString());
    assertEquals(List.of("title:Size"), tooLong.fieldRules());
    Reply unknown = api().post("/api/v1/postings/screen", Map.of("text", "限女性"), employer);
    assertEquals(List.of("text:UnknownField"), unknown.fieldRules());
    Reply resident = api().post("/api/v1/jobseekers", aJobseeker(1), admin());
    assertEquals(
        403,
        api()
            .post("/api/v1/postings/screen", body, userToken(Role.RESIDENT, resident.num("id")))
            .status());
  }

  @Test
  void aScreeningRunHoldsOpenPostingsFromBeforeTheRulesAndReportsPerUnit() throws SQLException {
    long unit = aPartner();
    long fair = anOpenPosting(unit);
    long old = anOpenPosting(unit);
    // a posting stored before screening existed: its text went in without a check
    try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
        PreparedStatement update =
            c.prepareStatement("UPDATE posting SET description = ? WHERE id = ?")) {
      update.setString(1, "限男性，本地户口优先，需交押金300元，年龄40岁以下");
      update.setLong(2, old);
      update.executeUpdate();
    }
    assertEquals(
        403,
        api()
            .post("/api/v1/postings/screening-runs", Map.of(), userToken(Role.EMPLOYER, unit))
            .status());

    Reply run = api().post("/api/v1/postings/screening-runs", Map.of(), admin());
    assertEquals(200, run.status(), run.toString());
    Map<?, ?> row = null;
    for (Object u : run.list("units")) {
      if (((Number) ((Map<?, ?>) u).get("partnerUnitId")).longValue() == unit) {
        row = (Map<?, ?>) u;
      }
    }
    assertTrue(row != null && ((String) row.get("name")).startsWith("测试单位"), run.text());
    Map<?, ?> counts = (Map<?, ?>) row.get("counts");
    assertEquals(2, counts.get("screened"), counts.toString());
    assertEquals(1, counts.get("withBlock"), counts.toString());
    assertEquals(1, counts.get("withWarn"), counts.toString());
    assertEquals(1, counts.get("movedToReview"), counts.toString());
    assertEquals(
        Map.of("gender", 1, "origin", 1, "fees", 1, "age", 1), counts.get("findingsByCategory"));
    assertEquals("REVIEW", api().get("/api/v1/postings/" + old, admin()).str("status"));
    assertEquals("OPEN", api().get("/api/v1/postings/" + fair, admin()).str("status"));
    assertTrue(
        ((Number) run.at("total.screened")).intValue() >= 2
            && ((Number) run.at("total.movedToReview")).intValue() >= 1,
        run.text());

    // a second run finds the same and moves nothing more
    Reply again = api().post("/api/v1/postings/screening-runs", Map.of(), admin());
    Map<?, ?> second = null;
    for (Object u : again.list("units")) {
      if (((Number) ((Map<?, ?>) u).get("partnerUnitId")).longValue() == unit) {
        second = (Map<?, ?>) ((Map<?, ?>) u).get("counts");
      }
    }
    assertEquals(0, second.get("movedToReview"), again.text());
    assertEquals(1, second.get("withBlock"), again.text());
  }

  @Test
  void anImportedDiscriminatoryRowToOpenIsStoredInReview() {
    long unit = aPartner();
    String csv =
        "用工单位编号,岗位名称,岗位描述,工种,招聘人数,最低月薪,最高月薪,工作时间,工作社区,有效期至,状态\n"
            + unit
            + ",仓库搬运工,只招男性，外地人勿扰,搬运工,2,3000,4000,全职,下洋,"
            + LocalDate.now().plusMonths(1)
            + ",招聘中\n"
            + unit
            + ",仓库理货员,男女不限，无需押金,理货员,1,2800,3200,全职,下洋,"
            + LocalDate.now().plusMonths(1)
            + ",招聘中\n";
    Reply report = api().postRaw("/api/v1/postings/import", csv, MediaType.of("text/csv"), admin());
    assertEquals(2, report.num("accepted"), report.toString());
    Reply held = api().get("/api/v1/postings/" + report.num("rows[0].id"), admin());
    assertEquals("REVIEW", held.str("status"));
    assertEquals(
        List.of("description:gender:BLOCK:0-4", "description:origin:BLOCK:5-10"), findings(held));
    assertEquals(
        "OPEN", api().get("/api/v1/postings/" + report.num("rows[1].id"), admin()).str("status"));
  }
}
