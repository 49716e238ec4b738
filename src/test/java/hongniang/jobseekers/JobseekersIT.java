package hongniang.jobseekers;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aLowIncomeJobseeker;
import static hongniang.support.Fixtures.anIdNumber;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.Gender;
import hongniang.inbox.Inbox;
import hongniang.inbox.Notice;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class JobseekersIT extends ApiTest {

  @Inject Inbox inbox;

  @Test
  void aMatchmakerRegistersAResidentWhoseGenderAndBirthFollowFromTheId() {
    String matchmaker = userToken(Role.MATCHMAKER, 4L);
    LocalDate born = LocalDate.of(1972, 3, 8);
    String id = anIdNumber(born, false);
    JobseekerRequest body = edit(aLowIncomeJobseeker(4)).idNumber(id).build();
    Reply created = api().post("/api/v1/jobseekers", body, matchmaker);
    assertEquals(201, created.status(), created.toString());
    assertEquals("FEMALE", created.str("gender"));
    assertEquals("1972-03-08", created.str("birthDate"));
    assertEquals(1972, created.num("birthYear"));
    assertEquals("SEEKING", created.str("status"));
    assertEquals(id.substring(0, 4) + "**********" + id.substring(14), created.str("idNumber"));
    assertEquals(true, created.at("idNumberMasked"));
    assertEquals(List.of("LOW_INCOME", "AGE_4050"), created.list("difficultyCategories"));
  }

  @Test
  void aWrongIdCheckDigitIsRefusedAndNothingStored() {
    String good = anIdNumber(LocalDate.of(1970, 1, 1), true);
    String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
    JobseekerRequest body =
        edit(aJobseeker(2)).idNumber(bad).name("错号码" + System.nanoTime() % 10000).build();
    Reply reply = api().post("/api/v1/jobseekers", body, admin());
    assertEquals(400, reply.status());
    assertEquals(List.of("idNumber:CheckDigit"), reply.fieldRules());
    Reply search = getWith("/api/v1/jobseekers", "name", body.name());
    assertEquals(0, search.num("totalItems"));
  }

  @Test
  void genderAndBirthYearMustAgreeWithTheId() {
    JobseekerRequest body = edit(aJobseeker(2)).gender(Gender.MALE).birthYear(1990).build();
    Reply reply = api().post("/api/v1/jobseekers", body, admin());
    assertEquals(
        List.of("birthYear:MatchesIdNumber", "gender:MatchesIdNumber"),
        reply.fieldRules().stream().sorted().toList());
  }

  @Test
  void withoutAnIdGenderAndBirthYearAreRequired() {
    JobseekerRequest body = edit(aJobseeker(2)).idNumber(null).build();
    Reply reply = api().post("/api/v1/jobseekers", body, admin());
    assertEquals(
        List.of("birthYear:NotNull", "gender:NotNull"),
        reply.fieldRules().stream().sorted().toList());
    JobseekerRequest complete = edit(body).gender(Gender.MALE).birthYear(1968).build();
    assertEquals(201, api().post("/api/v1/jobseekers", complete, admin()).status());
  }

  @Test
  void the4050CategoryNeedsTheAge() {
    JobseekerRequest body =
        edit(aLowIncomeJobseeker(2))
            .idNumber(anIdNumber(LocalDate.now().minusYears(35), false))
            .build();
    Reply reply = api().post("/api/v1/jobseekers", body, admin());
    assertEquals(List.of("difficultyCategories:Age4050"), reply.fieldRules());
  }

  @Test
  void anUnknownCommunityIsRefused() {
    Reply reply = api().post("/api/v1/jobseekers", aJobseeker(777777), admin());
    assertEquals(List.of("communityId:Exists"), reply.fieldRules());
  }

  @Test
  void aMatchmakerWorksOnlyWithTheirOwnCommunity() {
    String xiayang = userToken(Role.MATCHMAKER, 4L);
    long other = api().post("/api/v1/jobseekers", aJobseeker(5), admin()).num("id");
    assertEquals(404, api().get("/api/v1/jobseekers/" + other, xiayang).status());
    assertEquals(404, api().put("/api/v1/jobseekers/" + other, aJobseeker(5), xiayang).status());
    assertEquals(404, api().get("/api/v1/jobseekers?communityId=5", xiayang).status());
    Reply elsewhere = api().post("/api/v1/jobseekers", aJobseeker(5), xiayang);
    assertEquals(List.of("communityId:OwnCommunity"), elsewhere.fieldRules());
    assertEquals(201, api().post("/api/v1/jobseekers", aJobseeker(4), xiayang).status());
    Reply own = api().get("/api/v1/jobseekers?size=200", xiayang);
    assertFalse(own.list("items").isEmpty());
    assertTrue(
        own.list("items").stream().allMatch(i -> ((Map<?, ?>) i).get("communityId").equals(4)));
    // the community's name beside its id
    assertTrue(
        own.list("items").stream().allMatch(i -> "下洋".equals(((Map<?, ?>) i).get("communityName"))),
        own.toString());
  }

  @Test
  void listsMaskPhonesAndHideHardshipNotesWhileDetailShowsThem() {
    long id = api().post("/api/v1/jobseekers", aLowIncomeJobseeker(3), admin()).num("id");
    Reply list =
        api().get("/api/v1/jobseekers?communityId=3&category=LOW_INCOME&size=200", admin());
    Map<?, ?> row =
        list.list("items").stream()
            .map(i -> (Map<?, ?>) i)
            .filter(i -> ((Number) i.get("id")).longValue() == id)
            .findFirst()
            .orElseThrow();
    assertEquals("138****1234", row.get("phone"));
    assertNull(row.get("difficultyNote"));
    Reply detail = api().get("/api/v1/jobseekers/" + id, admin());
    assertEquals("13805981234", detail.str("phone"));
    assertEquals("低保户，丈夫重病", detail.str("difficultyNote"));
    assertEquals(true, detail.at("idNumberMasked"));
  }

  @Test
  void revealingTheIdNumberIsAuditedAndReadsAreLogged() {
    String matchmaker = userToken(Role.MATCHMAKER, 6L);
    long id = api().post("/api/v1/jobseekers", aJobseeker(6), matchmaker).num("id");
    api().get("/api/v1/jobseekers/" + id, matchmaker);
    Reply revealed = api().get("/api/v1/jobseekers/" + id + "?revealIdNumber=true", matchmaker);
    assertEquals(false, revealed.at("idNumberMasked"));
    assertEquals(18, revealed.str("idNumber").replace("*", "").length());
    Reply audit = api().get("/api/v1/jobseekers/" + id + "/audit", admin());
    List<String> actions =
        audit.list("").stream().map(e -> (String) ((Map<?, ?>) e).get("action")).toList();
    assertEquals(List.of("create", "read", "reveal"), actions);
    assertFalse(audit.text().contains(revealed.str("idNumber")), "the log holds no ID number");
  }

  @Test
  void aResidentReadsOnlyTheirOwnProfileAndEmployersNone() {
    long mine = api().post("/api/v1/jobseekers", aJobseeker(1), admin()).num("id");
    long other = api().post("/api/v1/jobseekers", aJobseeker(1), admin()).num("id");
    String resident = userToken(Role.RESIDENT, mine);
    assertEquals(200, api().get("/api/v1/jobseekers/" + mine, resident).status());
    assertEquals(404, api().get("/api/v1/jobseekers/" + other, resident).status());
    assertEquals(403, api().get("/api/v1/jobseekers", resident).status());
    assertEquals(
        403, api().get("/api/v1/jobseekers/" + mine + "?revealIdNumber=true", resident).status());
    String employer = userToken(Role.EMPLOYER, aPartner());
    assertEquals(403, api().get("/api/v1/jobseekers/" + mine, employer).status());
    assertEquals(403, api().get("/api/v1/jobseekers", employer).status());
    assertEquals(401, api().get("/api/v1/jobseekers", null).status());
  }

  @Test
  void updatesReplaceTheProfileAndDuplicatesConflict() {
    JobseekerRequest body = aJobseeker(2);
    long id = api().post("/api/v1/jobseekers", body, admin()).num("id");
    Reply updated =
        api()
            .put(
                "/api/v1/jobseekers/" + id,
                edit(body).status(JobseekerStatus.EMPLOYED).build(),
                admin());
    assertEquals("EMPLOYED", updated.str("status"));
    Reply twin = api().post("/api/v1/jobseekers", body, admin());
    assertEquals(409, twin.status());
    assertEquals(List.of("idNumber:Unique"), twin.fieldRules());
  }

  @Test
  void aProfileCanBeDeletedUnlessALoginIsBound() {
    long id = api().post("/api/v1/jobseekers", aJobseeker(2), admin()).num("id");
    assertEquals(204, api().delete("/api/v1/jobseekers/" + id, admin()).status());
    assertEquals(404, api().get("/api/v1/jobseekers/" + id, admin()).status());
    long bound = api().post("/api/v1/jobseekers", aJobseeker(2), admin()).num("id");
    userToken(Role.RESIDENT, bound);
    assertEquals(409, api().delete("/api/v1/jobseekers/" + bound, admin()).status());
  }

  @Test
  void aProfileWithMessagesGoesWithThemButOneWithAServiceHistoryStays() {
    long messaged = api().post("/api/v1/jobseekers", aJobseeker(2), admin()).num("id");
    inbox.toResident(
        messaged, new Notice(Notice.REGISTER_STILL_LOOKING, "jobseeker", messaged, Map.of()));
    assertEquals(204, api().delete("/api/v1/jobseekers/" + messaged, admin()).status());
    assertEquals(404, api().get("/api/v1/jobseekers/" + messaged, admin()).status());

    long placed = api().post("/api/v1/jobseekers", aJobseeker(2), admin()).num("id");
    Reply placement =
        api()
            .post(
                "/api/v1/placements",
                Map.of(
                    "jobseekerId",
                    placed,
                    "type",
                    "FLEXIBLE",
                    "startDate",
                    LocalDate.now().toString(),
                    "monthlyWage",
                    3000,
                    "employerName",
                    "三明快递站"),
                admin());
    assertEquals(201, placement.status(), placement::toString);
    Reply refused = api().delete("/api/v1/jobseekers/" + placed, admin());
    assertEquals(409, refused.status());
    assertEquals(List.of("id:HasHistory"), refused.fieldRules());
    assertEquals(200, api().get("/api/v1/jobseekers/" + placed, admin()).status());
  }
}
