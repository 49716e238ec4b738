package hongniang.postings;

import static hongniang.support.Fixtures.aDraftPosting;
import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import hongniang.support.TestClock;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class PostingsIT extends ApiTest {

  @Inject TestClock clock;
  @Inject DataSource dataSource;

  @Test
  void aPartnerOpensAPostingThatEveryRoleCanRead() {
    long unit = aPartner();
    Reply created = api().post("/api/v1/postings", aPosting(unit), admin());
    assertEquals(201, created.status(), created.toString());
    assertEquals("OPEN", created.str("status"));
    assertEquals(3, created.num("remaining"));
    assertEquals("三明市", created.str("city"));
    long id = created.num("id");
    String resident = residentToken();
    assertEquals(200, api().get("/api/v1/postings/" + id, resident).status());
    assertEquals(200, api().get("/api/v1/postings/" + id, userToken(Role.MATCHMAKER, 1L)).status());
  }

  @Test
  void wageMinAboveWageMaxIsRefused() {
    Reply reply =
        api().post("/api/v1/postings", edit(aPosting(aPartner())).wageMin(5000).build(), admin());
    assertEquals(400, reply.status());
    assertEquals(List.of("wageMax:WageRange"), reply.fieldRules());
  }

  @Test
  void headcountBelowOneIsRefused() {
    Reply reply =
        api().post("/api/v1/postings", edit(aPosting(aPartner())).headcount(0).build(), admin());
    assertEquals(400, reply.status());
    assertEquals(List.of("headcount:Min"), reply.fieldRules());
  }

  @Test
  void anUnknownWorkCommunityIsRefused() {
    Reply reply =
        api()
            .post(
                "/api/v1/postings",
                edit(aPosting(aPartner())).workCommunityId(424242L).build(),
                admin());
    assertEquals(400, reply.status());
    assertEquals(List.of("workCommunityId:Exists"), reply.fieldRules());
  }

  @Test
  void aUnitWithoutAValidAgreementCannotOpenAPosting() {
    long unit = aUnit();
    Reply open = api().post("/api/v1/postings", aPosting(unit), admin());
    assertEquals(400, open.status());
    assertEquals(List.of("partnerUnitId:PartnerAgreement"), open.fieldRules());

    long draft = aDraft(unit);
    Reply opening = api().post("/api/v1/postings/" + draft + "/open", Map.of(), admin());
    assertEquals(400, opening.status());
    assertEquals(List.of("partnerUnitId:PartnerAgreement"), opening.fieldRules());
    Reply list = api().get("/api/v1/postings?partnerUnitId=" + unit, admin());
    assertEquals(1, list.num("totalItems"), "only the draft was stored");
  }

  @Test
  void severalBrokenRulesAreReportedTogether() {
    PostingRequest body =
        edit(aPosting(aPartner())).title(null).minAge(50).maxAge(30).wageMin(-1).build();
    Reply reply = api().post("/api/v1/postings", body, admin());
    assertEquals(400, reply.status());
    assertEquals(
        List.of("maxAge:AgeRange", "title:NotBlank", "wageMin:Min"),
        reply.fieldRules().stream().sorted().toList());
  }

  @Test
  void employerACannotReadOrChangeUnitBsPostings() {
    long unitA = aPartner();
    long unitB = aPartner();
    long postingB = anOpenPosting(unitB);
    long postingA = anOpenPosting(unitA);
    String employerA = userToken(Role.EMPLOYER, unitA);

    assertEquals(200, api().get("/api/v1/postings/" + postingA, employerA).status());
    assertEquals(404, api().get("/api/v1/postings/" + postingB, employerA).status());
    assertEquals(
        404, api().put("/api/v1/postings/" + postingB, aPosting(unitB), employerA).status());
    assertEquals(
        404, api().post("/api/v1/postings/" + postingB + "/close", Map.of(), employerA).status());
    assertEquals(404, api().get("/api/v1/postings?partnerUnitId=" + unitB, employerA).status());
    assertEquals(404, api().post("/api/v1/postings", aPosting(unitB), employerA).status());

    Reply mine = api().get("/api/v1/postings?size=200", employerA);
    assertEquals(1, mine.num("totalItems"));
    assertEquals(postingA, mine.num("items[0].id"));
    assertEquals("OPEN", api().get("/api/v1/postings/" + postingB, admin()).str("status"));
  }

  @Test
  void anEmployerPostsAndManagesItsOwnOpenings() {
    long unit = aPartner();
    String employer = userToken(Role.EMPLOYER, unit);
    Reply created = api().post("/api/v1/postings", aDraftPosting(unit), employer);
    assertEquals(201, created.status());
    long id = created.num("id");
    assertEquals(
        "OPEN", api().post("/api/v1/postings/" + id + "/open", Map.of(), employer).str("status"));
    assertEquals(
        "PAUSED",
        api().post("/api/v1/postings/" + id + "/pause", Map.of(), employer).str("status"));
    Reply updated =
        api().put("/api/v1/postings/" + id, edit(aPosting(unit)).status(null).build(), employer);
    assertEquals(200, updated.status(), updated.toString());
    assertEquals("PAUSED", updated.str("status"));
    assertEquals(
        "CLOSED",
        api().post("/api/v1/postings/" + id + "/close", Map.of(), employer).str("status"));
    Reply reopen = api().post("/api/v1/postings/" + id + "/open", Map.of(), employer);
    assertEquals(409, reopen.status());
    assertEquals(List.of("status:Transition"), reopen.fieldRules());
  }

  @Test
  void theFilledCountCountsPlacementsAndNoRequestSetsIt() {
    long unit = aPartner();
    Reply created =
        api().post("/api/v1/postings", edit(aPosting(unit)).filledCount(2).build(), admin());
    assertEquals(422, created.status(), created.toString());
    assertEquals(List.of("filledCount:ReadOnly"), created.fieldRules());
    assertEquals("已招人数按安置记录计数：请登记安置", created.str("errors[0].message"));
    assertEquals(0, api().get("/api/v1/postings?partnerUnitId=" + unit, admin()).num("totalItems"));

    long id =
        api()
            .post("/api/v1/postings", edit(aPosting(unit)).filledCount(0).build(), admin())
            .num("id");
    PostingRequest body = edit(aPosting(unit)).status(null).title("小区保洁员（早班）").build();
    Reply changed = api().put("/api/v1/postings/" + id, edit(body).filledCount(3).build(), admin());
    assertEquals(422, changed.status(), changed.toString());
    assertEquals(List.of("filledCount:ReadOnly"), changed.fieldRules());
    assertEquals("小区保洁员", api().get("/api/v1/postings/" + id, admin()).str("title"));
    // the count as it is (a view read back) and no count at all both keep it
    assertEquals(
        200,
        api().put("/api/v1/postings/" + id, edit(body).filledCount(0).build(), admin()).status());
    Reply kept = api().put("/api/v1/postings/" + id, body, admin());
    assertEquals(200, kept.status(), kept.toString());
    assertEquals(0, kept.num("filledCount"));
    assertEquals("小区保洁员（早班）", kept.str("title"));
  }

  @Test
  void fillMeansNoMorePlacesWantedAndKeepsTheCount() throws SQLException {
    long unit = aPartner();
    long id = anOpenPosting(unit);
    placed(id, 1);
    Reply filled = api().post("/api/v1/postings/" + id + "/fill", Map.of(), admin());
    assertEquals(200, filled.status(), filled.toString());
    assertEquals("FILLED", filled.str("status"));
    assertEquals(1, filled.num("filledCount"));
    assertEquals(2, filled.num("remaining"));
    Reply reopen = api().post("/api/v1/postings/" + id + "/open", Map.of(), admin());
    assertEquals(409, reopen.status());
    assertEquals(List.of("status:Transition"), reopen.fieldRules());
  }

  @Test
  void statusAndPlacesFilledNeverDisagree() throws SQLException {
    long unit = aPartner();
    long id = anOpenPosting(unit);
    placed(id, 2);
    PostingRequest body = edit(aPosting(unit)).status(null).build();
    Reply below = api().put("/api/v1/postings/" + id, edit(body).headcount(1).build(), admin());
    assertEquals(422, below.status(), below.toString());
    assertEquals(List.of("headcount:FilledWithinHeadcount"), below.fieldRules());
    assertEquals("招聘人数不能少于已招人数（2）", below.str("errors[0].message"));
    assertEquals(3, api().get("/api/v1/postings/" + id, admin()).num("headcount"));
    // a headcount down to the places filled leaves none: the posting is FILLED
    Reply full = api().put("/api/v1/postings/" + id, edit(body).headcount(2).build(), admin());
    assertEquals(200, full.status(), full.toString());
    assertEquals("FILLED", full.str("status"));
    assertEquals(0, full.num("remaining"));

    long draft = aDraft(unit);
    placed(draft, 3);
    Reply opening = api().post("/api/v1/postings/" + draft + "/open", Map.of(), admin());
    assertEquals(409, opening.status(), opening.toString());
    assertEquals(List.of("filledCount:Remaining"), opening.fieldRules());
    assertEquals("DRAFT", api().get("/api/v1/postings/" + draft, admin()).str("status"));
  }

  /** Fills places as placements do, in SQL with the version raised; the status stays as it is. */
  private void placed(long postingId, int places) throws SQLException {
    try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE posting SET filled_count = filled_count + ?, version = version + 1"
                    + " WHERE id = ?")) {
      update.setInt(1, places);
      update.setLong(2, postingId);
      assertEquals(1, update.executeUpdate());
    }
  }

  @Test
  void residentsSeeOnlyCurrentOpenPostings() {
    long unit = aPartner();
    long open = anOpenPosting(unit);
    long draft = aDraft(unit);
    String resident = residentToken();
    assertEquals(404, api().get("/api/v1/postings/" + draft, resident).status());
    Reply list = api().get("/api/v1/postings?partnerUnitId=" + unit, resident);
    assertEquals(1, list.num("totalItems"));
    assertEquals(open, list.num("items[0].id"));
    assertEquals(403, api().post("/api/v1/postings", aPosting(unit), resident).status());
  }

  @Test
  void listsFilterAndPageWithinLimits() {
    long unit = aPartner();
    anOpenPosting(unit);
    aDraft(unit);
    Reply drafts = api().get("/api/v1/postings?partnerUnitId=" + unit + "&status=DRAFT", admin());
    assertEquals(1, drafts.num("totalItems"));
    Reply page = api().get("/api/v1/postings?partnerUnitId=" + unit + "&size=1&page=1", admin());
    assertEquals(2, page.num("totalItems"));
    assertEquals(2, page.num("totalPages"));
    assertEquals(1, page.list("items").size());
    Reply tooBig = api().get("/api/v1/postings?size=500", admin());
    assertEquals(400, tooBig.status());
    assertEquals(List.of("size:Range"), tooBig.fieldRules());
    Reply badStatus = api().get("/api/v1/postings?status=ALIVE", admin());
    assertEquals(400, badStatus.status(), badStatus.toString());
  }

  @Test
  void anonymousCallersGet401() {
    assertEquals(401, api().get("/api/v1/postings", null).status());
    assertEquals(401, api().post("/api/v1/postings", aPosting(1), null).status());
  }

  @Test
  void theWorkPlaceIsSaidExplicitlyAndAnEmployerNeedNotNameTheirUnit() {
    long unit = aPartner();
    Reply silent =
        api().post("/api/v1/postings", edit(aPosting(unit)).workCommunityId(null).build(), admin());
    assertEquals(List.of("workCommunityId:WorkPlace"), silent.fieldRules(), silent.toString());
    Reply both =
        api()
            .post(
                "/api/v1/postings",
                edit(aPosting(unit)).workCommunityId(2L).outsideDistrict(true).build(),
                admin());
    assertEquals(List.of("outsideDistrict:WorkPlace"), both.fieldRules(), both.toString());

    String employer = userToken(Role.EMPLOYER, unit);
    Reply own =
        api().post("/api/v1/postings", edit(aPosting(unit)).partnerUnitId(null).build(), employer);
    assertEquals(201, own.status(), own.toString());
    assertEquals(unit, own.num("partnerUnitId"));
    // names beside ids, and how the employer's own unit is reached
    assertNotNull(own.str("unitName"), own.toString());
    assertEquals("红印山", own.str("workCommunityName"), own.toString());
    assertNotNull(own.at("contact.zh"), own.toString());
    // staff must name the unit
    Reply noUnit =
        api().post("/api/v1/postings", edit(aPosting(unit)).partnerUnitId(null).build(), admin());
    assertEquals(List.of("partnerUnitId:NotNull"), noUnit.fieldRules(), noUnit.toString());
    // a resident is told to go through their matchmaker, not given the unit's phone
    long residentId = api().post("/api/v1/jobseekers", aJobseeker(1), admin()).num("id");
    Reply seen =
        api().get("/api/v1/postings/" + own.num("id"), userToken(Role.RESIDENT, residentId));
    assertEquals(200, seen.status(), seen.toString());
    assertTrue(seen.str("contact.zh").contains("红娘"), seen.toString());
    assertEquals(null, seen.at("contact.phone"), seen.toString());
    assertNotNull(api().get("/api/v1/postings/" + own.num("id"), admin()).at("contact"));
  }

  @Test
  void aControlCharacterInAnyTextIsNamedNotStored() {
    long unit = aPartner();
    Reply title =
        api().post("/api/v1/postings", edit(aPosting(unit)).title("保洁\u0000员").build(), admin());
    assertEquals(List.of("title:NoControlCharacters"), title.fieldRules(), title.toString());
    Reply skill =
        api()
            .post(
                "/api/v1/postings",
                edit(aPosting(unit)).skills(List.of("清洁", "垃\u0000圾")).build(),
                admin());
    assertEquals(List.of("skills[1]:NoControlCharacters"), skill.fieldRules(), skill.toString());
    Reply resident =
        api().post("/api/v1/jobseekers", edit(aJobseeker(1)).name("李\u0000英").build(), admin());
    assertEquals(List.of("name:NoControlCharacters"), resident.fieldRules(), resident.toString());
  }

  @Test
  void anOpenPostingPastItsValidityReadsExpired() {
    long unit = aPartner();
    long id =
        api()
            .post(
                "/api/v1/postings",
                edit(aPosting(unit)).validThrough(LocalDate.now().plusDays(2)).build(),
                admin())
            .num("id");
    try {
      clock.setDaysAhead(5);
      Reply shown = api().get("/api/v1/postings/" + id, admin());
      assertEquals("EXPIRED", shown.str("status"), shown.toString());
      String mine = "&partnerUnitId=" + unit;
      assertTrue(
          api()
              .get("/api/v1/postings?status=EXPIRED" + mine, admin())
              .text()
              .contains("\"id\":" + id + ","));
      assertFalse(
          api()
              .get("/api/v1/postings?status=OPEN" + mine, admin())
              .text()
              .contains("\"id\":" + id + ","));
      // a view read back as shown changes no status
      PostingRequest back =
          edit(aPosting(unit))
              .validThrough(LocalDate.now().plusDays(2))
              .status(PostingStatus.EXPIRED)
              .build();
      assertEquals(200, api().put("/api/v1/postings/" + id, back, admin()).status());
    } finally {
      clock.setDaysAhead(0);
    }
  }

  @Test
  void anOutsideDistrictPostingHasNoCommunityAndItsOwnCity() {
    PostingRequest body =
        edit(aPosting(aPartner()))
            .workCommunityId(null)
            .outsideDistrict(true)
            .city("厦门市")
            .accommodation(true)
            .build();
    Reply reply = api().post("/api/v1/postings", body, admin());
    assertEquals(201, reply.status(), reply.toString());
    assertEquals(true, reply.at("outsideDistrict"));
    assertTrue(
        api()
            .get("/api/v1/postings?outsideDistrict=true&size=200", admin())
            .text()
            .contains("厦门市"));
  }

  private String residentToken() {
    Reply resident =
        api().post("/api/v1/jobseekers", hongniang.support.Fixtures.aJobseeker(1), admin());
    assertEquals(201, resident.status(), resident.toString());
    return userToken(Role.RESIDENT, resident.num("id"));
  }
}
