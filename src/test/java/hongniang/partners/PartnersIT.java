package hongniang.partners;

import static hongniang.support.Fixtures.aPartnerUnit;
import static hongniang.support.Fixtures.anAgreement;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Fixtures;
import hongniang.support.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class PartnersIT extends ApiTest {

  @Test
  void adminRegistersAUnitAndSignsAnAgreementThatMakesItAPartner() {
    Reply unit = api().post("/api/v1/partners", aPartnerUnit(), admin());
    assertEquals(201, unit.status(), unit.toString());
    long id = unit.num("id");
    assertEquals(false, unit.at("partner"));

    LocalDate today = LocalDate.now();
    Reply signed = sign(id, 4, today.minusDays(10), today.plusDays(20));
    assertEquals(201, signed.status(), signed.toString());
    assertEquals("ACTIVE", signed.str("effectiveStatus"));

    Reply read = api().get("/api/v1/partners/" + id, admin());
    assertEquals(true, read.at("partner"));
    assertEquals(today.plusDays(20).toString(), read.str("partnerUntil"));

    Reply expiring = api().get("/api/v1/agreements?expiringWithinDays=30&size=200", admin());
    assertTrue(expiring.text().contains(signed.str("number")), expiring.toString());
  }

  @Test
  void aWrongCreditCodeCheckCharacterIsRefusedAndNothingStored() {
    PartnerUnitRequest body =
        edit(aPartnerUnit()).creditCode(Fixtures.aCreditCodeWithWrongCheck()).build();
    Reply reply = api().post("/api/v1/partners", body, admin());
    assertEquals(400, reply.status(), reply.toString());
    assertTrue(reply.contentType().startsWith("application/problem+json"));
    assertEquals(List.of("creditCode:CheckCharacter"), reply.fieldRules());
    Reply search = getWith("/api/v1/partners", "q", body.name());
    assertEquals(0, search.num("totalItems"));
  }

  @Test
  void aCreditCodeWithForbiddenLettersBreaksThePattern() {
    Reply reply =
        api()
            .post(
                "/api/v1/partners",
                edit(aPartnerUnit()).creditCode("9135040OMA2YXXXXXO").build(),
                admin());
    assertEquals(400, reply.status());
    assertEquals(List.of("creditCode:Pattern"), reply.fieldRules());
  }

  @Test
  void aSecondUnitWithTheSameCreditCodeConflicts() {
    PartnerUnitRequest body = aPartnerUnit();
    assertEquals(201, api().post("/api/v1/partners", body, admin()).status());
    Reply again = api().post("/api/v1/partners", edit(body).name("另一家").build(), admin());
    assertEquals(409, again.status());
    assertEquals(List.of("creditCode:Unique"), again.fieldRules());
  }

  @Test
  void anExpiredAgreementShowsAsExpiredAndEndsThePartnership() {
    long id = aUnit();
    LocalDate today = LocalDate.now();
    Reply signed = sign(id, 1, today.minusYears(2), today.minusDays(1));
    assertEquals("EXPIRED", signed.str("effectiveStatus"));
    assertEquals(false, api().get("/api/v1/partners/" + id, admin()).at("partner"));
    Reply expired = api().get("/api/v1/agreements?status=EXPIRED&partnerUnitId=" + id, admin());
    assertEquals(1, expired.num("totalItems"));
    // names beside ids, in the list and in one agreement
    assertEquals("红印山", expired.str("items[0].signingCommunityName"), expired.toString());
    assertEquals(
        api().get("/api/v1/partners/" + id, admin()).str("name"),
        expired.str("items[0].unitName"),
        expired.toString());
    assertEquals("红印山", signed.str("signingCommunityName"), signed.toString());
  }

  @Test
  void suspendingTheOnlyAgreementEndsThePartnershipAndTerminationIsFinal() {
    long id = aPartner();
    long agreementId = api().get("/api/v1/partners/" + id + "/agreements", admin()).num("[0].id");
    assertEquals(
        "SUSPENDED",
        api()
            .post("/api/v1/agreements/" + agreementId + "/suspend", Map.of(), admin())
            .str("effectiveStatus"));
    assertEquals(false, api().get("/api/v1/partners/" + id, admin()).at("partner"));
    api().post("/api/v1/agreements/" + agreementId + "/terminate", Map.of(), admin());
    Reply back = api().post("/api/v1/agreements/" + agreementId + "/reactivate", Map.of(), admin());
    assertEquals(409, back.status());
    assertEquals(List.of("status:Transition"), back.fieldRules());
  }

  @Test
  void agreementDatesMustBeInOrderAndTheCommunityKnown() {
    long id = aUnit();
    LocalDate today = LocalDate.now();
    Reply reply = sign(id, 9999, today, today.minusDays(1));
    assertEquals(400, reply.status());
    assertEquals(
        List.of("signingCommunityId:Exists", "validUntil:DateOrder"),
        reply.fieldRules().stream().sorted().toList());
  }

  @Test
  void anEmployerSeesOnlyItsOwnUnit() {
    long mine = aPartner();
    long theirs = aPartner();
    String employer = userToken(Role.EMPLOYER, mine);
    assertEquals(200, api().get("/api/v1/partners/" + mine, employer).status());
    assertEquals(404, api().get("/api/v1/partners/" + theirs, employer).status());
    assertEquals(404, api().get("/api/v1/partners/" + theirs + "/agreements", employer).status());
    Reply list = api().get("/api/v1/partners", employer);
    assertEquals(1, list.num("totalItems"));
    assertEquals(mine, list.num("items[0].id"));
    assertEquals(403, api().post("/api/v1/partners", aPartnerUnit(), employer).status());
  }

  @Test
  void matchmakersReadPartnersButCannotSignAgreements() {
    long id = aPartner();
    String matchmaker = userToken(Role.MATCHMAKER, 4L);
    assertEquals(200, api().get("/api/v1/partners/" + id, matchmaker).status());
    Reply sign =
        api()
            .post(
                "/api/v1/partners/" + id + "/agreements",
                anAgreement(4, LocalDate.now(), LocalDate.now().plusYears(1)),
                matchmaker);
    assertEquals(403, sign.status());
    assertFalse(
        api()
            .get("/api/v1/partners?partner=true&communityId=4&size=200", matchmaker)
            .list("items")
            .isEmpty());
  }

  @Test
  void anonymousCallersGet401() {
    assertEquals(401, api().get("/api/v1/partners", null).status());
    assertEquals(401, api().get("/api/v1/agreements", null).status());
  }
}
