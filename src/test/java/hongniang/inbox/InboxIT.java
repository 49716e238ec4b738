package hongniang.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.communities.CommunityRequest;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Fixtures;
import hongniang.support.Reply;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class InboxIT extends ApiTest {

  @Inject Inbox inbox;
  @Inject TransactionOperations<Connection> tx;

  private static Notice consentRequested(String title) {
    return new Notice(
        Notice.REFERRAL_CONSENT_REQUESTED, "referral", 12L, Map.of("unit", "万紫千红", "title", title));
  }

  private long aCommunity() {
    Reply created =
        api()
            .post(
                "/api/v1/communities",
                new CommunityRequest("收件箱社区" + System.nanoTime() % 1_000_000, null),
                admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  private long aResident(long communityId) {
    Reply created = api().post("/api/v1/jobseekers", Fixtures.aJobseeker(communityId), admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  /** A resident of the community with that many messages, titled 岗位0, 岗位1 and on. */
  private long aResidentWithMessages(long communityId, int messages) {
    long resident = aResident(communityId);
    for (int i = 0; i < messages; i++) {
      inbox.toResident(resident, consentRequested("岗位" + i));
    }
    return resident;
  }

  private Reply inboxOf(String token) {
    return api().get("/api/v1/inbox", token);
  }

  private long unread(String token) {
    Reply count = api().get("/api/v1/inbox/unread-count", token);
    assertEquals(200, count.status(), count.toString());
    return count.num("unread");
  }

  private List<String> kinds(Reply list) {
    return list.list("items").stream().map(i -> (String) ((Map<?, ?>) i).get("kind")).toList();
  }

  private List<Long> ids(Reply list) {
    return list.list("items").stream()
        .map(i -> ((Number) ((Map<?, ?>) i).get("id")).longValue())
        .toList();
  }

  @Test
  void messagesReachExactlyTheirAudience() {
    long community = aCommunity();
    long otherCommunity = aCommunity();
    long resident = aResident(community);
    long otherResident = aResident(community);
    long unit = aUnit();
    long otherUnit = aUnit();
    String marker = "岗位" + System.nanoTime();

    inbox.toResident(resident, consentRequested(marker));
    inbox.toUnit(
        unit, new Notice(Notice.REFERRAL_CANDIDATE, "referral", 13L, Map.of("title", marker)));
    inbox.toCommunity(
        community,
        new Notice(
            Notice.REFERRAL_REQUESTED,
            "referral",
            14L,
            Map.of("resident", "李秀英", "title", marker)));
    inbox.toAdmins(
        Notice.of(
            Notice.FOLLOW_UP_DUE, Map.of("resident", marker, "months", "3", "date", "2026-12-01")));

    Reply ofResident = inboxOf(userToken(Role.RESIDENT, resident));
    assertEquals(200, ofResident.status(), ofResident.toString());
    assertEquals(1, ofResident.num("totalItems"));
    assertEquals("referral.consentRequested", ofResident.str("items[0].kind"));
    assertEquals("referral", ofResident.str("items[0].subjectType"));
    assertEquals(12, ofResident.num("items[0].subjectId"));
    assertEquals(false, ofResident.at("items[0].read"));
    assertTrue(ofResident.str("items[0].createdAt").matches("\\d{4}-\\d\\d-\\d\\dT.*"));

    Reply ofEmployer = inboxOf(userToken(Role.EMPLOYER, unit));
    assertEquals(List.of("referral.candidate"), kinds(ofEmployer));
    assertEquals(13, ofEmployer.num("items[0].subjectId"));
    Reply ofMatchmaker = inboxOf(userToken(Role.MATCHMAKER, community));
    assertEquals(List.of("referral.requested"), kinds(ofMatchmaker));
    assertEquals(14, ofMatchmaker.num("items[0].subjectId"));

    // a resident of another profile (same community), another unit, another community: nothing
    assertEquals(0, inboxOf(userToken(Role.RESIDENT, otherResident)).num("totalItems"));
    assertEquals(0, inboxOf(userToken(Role.EMPLOYER, otherUnit)).num("totalItems"));
    assertEquals(0, inboxOf(userToken(Role.MATCHMAKER, otherCommunity)).num("totalItems"));

    // the admins (every admin) read theirs; no one else's list holds it
    Reply ofAdmin = api().get("/api/v1/inbox?size=200", admin());
    List<?> adminTexts =
        ofAdmin.list("items").stream()
            .map(i -> (String) ((Map<?, ?>) i).get("text"))
            .filter(t -> t.contains(marker))
            .toList();
    assertEquals(List.of("居民" + marker + "就业 3 个月的回访日期为 2026-12-01，请及时回访。"), adminTexts);
    Reply ofAnotherAdmin = api().get("/api/v1/inbox?size=200", userToken(Role.ADMIN, null));
    assertEquals(ids(ofAdmin), ids(ofAnotherAdmin));

    assertEquals(401, api().get("/api/v1/inbox", null).status());
    assertEquals(401, api().get("/api/v1/inbox/unread-count", null).status());
  }

  @Test
  void textsAreRenderedInTheReadersLanguage() {
    long resident = aResident(2);
    inbox.toResident(resident, consentRequested("小区保洁员"));
    inbox.toResident(
        resident,
        new Notice(
            Notice.REFERRAL_OUTCOME,
            "referral",
            15L,
            Map.of("title", "小区保洁员", "outcome", "HIRED")));
    inbox.toResident(
        resident,
        new Notice(
            Notice.REFERRAL_INTERVIEW,
            "referral",
            15L,
            Map.of(
                "unit", "万紫千红", "title", "小区保洁员", "when", "2025-03-03 09:30", "place", "列东街12号")));
    String token = userToken(Role.RESIDENT, resident);

    Reply zh = inboxOf(token);
    assertEquals(
        List.of(
            "万紫千红邀请您参加“小区保洁员”岗位的面试：时间 2025-03-03 09:30，地点 列东街12号。",
            "您应聘的“小区保洁员”岗位有了结果：已录用。",
            "社区红娘为您推荐了万紫千红的“小区保洁员”岗位，请查看将提供给用人单位的信息并确认是否同意。"),
        texts(zh));
    assertTrue(zh.contentType().startsWith("application/json"), zh.toString());

    Reply en = api().send(HttpRequest.GET("/api/v1/inbox"), token, "en-US,en;q=0.9");
    assertEquals(
        List.of(
            "万紫千红 invites you to an interview for \"小区保洁员\": 2025-03-03 09:30, at 列东街12号.",
            "Your application for \"小区保洁员\" has an outcome: hired.",
            "Your matchmaker has recommended you for \"小区保洁员\" at 万紫千红. Please review what the"
                + " employer would be given and say whether you agree."),
        texts(en));
    // French is not English: Chinese, as errors are
    assertEquals(texts(zh), texts(api().send(HttpRequest.GET("/api/v1/inbox"), token, "fr")));
  }

  private static List<String> texts(Reply list) {
    return list.list("items").stream().map(i -> (String) ((Map<?, ?>) i).get("text")).toList();
  }

  @Test
  void eachReaderMarksReadOnTheirOwn() {
    long resident = aResidentWithMessages(3, 3);
    String first = userToken(Role.RESIDENT, resident);
    String second = userToken(Role.RESIDENT, resident);
    assertEquals(3, unread(first));
    assertEquals(3, unread(second));

    List<Long> ids = ids(inboxOf(first));
    Reply read = api().post("/api/v1/inbox/" + ids.get(1) + "/read", Map.of(), first);
    assertEquals(204, read.status(), read.toString());
    assertEquals(
        204, api().post("/api/v1/inbox/" + ids.get(1) + "/read", Map.of(), first).status());
    assertEquals(2, unread(first));
    assertEquals(3, unread(second));

    Reply unreadOnly = api().get("/api/v1/inbox?unread=true", first);
    assertEquals(List.of(ids.get(0), ids.get(2)), ids(unreadOnly));
    Reply readOnly = api().get("/api/v1/inbox?unread=false", first);
    assertEquals(List.of(ids.get(1)), ids(readOnly));
    assertEquals(true, readOnly.at("items[0].read"));

    Reply all = api().post("/api/v1/inbox/read-all", Map.of(), first);
    assertEquals(200, all.status(), all.toString());
    assertEquals(2, all.num("marked"));
    assertEquals(0, unread(first));
    assertEquals(0, api().post("/api/v1/inbox/read-all", Map.of(), first).num("marked"));
    assertEquals(3, unread(second));

    // a message after the read-all is unread; a user bound later sees every earlier one unread
    inbox.toResident(resident, consentRequested("岗位3"));
    assertEquals(1, unread(first));
    assertEquals(4, unread(userToken(Role.RESIDENT, resident)));
  }

  @Test
  void anotherAudiencesMessageIsNotFound() {
    long resident = aResident(5);
    long unit = aUnit();
    inbox.toResident(resident, consentRequested("保洁员"));
    inbox.toUnit(
        unit, Notice.of(Notice.POSTING_EXPIRING, Map.of("title", "保洁员", "date", "2025-04-01")));
    String owner = userToken(Role.RESIDENT, resident);
    long residentsMessage = ids(inboxOf(owner)).get(0);
    long unitsMessage = ids(inboxOf(userToken(Role.EMPLOYER, unit))).get(0);

    for (String stranger :
        List.of(
            userToken(Role.RESIDENT, aResident(5)),
            userToken(Role.EMPLOYER, unit),
            userToken(Role.MATCHMAKER, 5L),
            admin())) {
      Reply refused = api().post("/api/v1/inbox/" + residentsMessage + "/read", Map.of(), stranger);
      assertEquals(404, refused.status(), refused.toString());
      assertTrue(refused.contentType().startsWith("application/problem+json"), refused.toString());
    }
    Reply refused = api().post("/api/v1/inbox/" + unitsMessage + "/read", Map.of(), owner);
    assertEquals(404, refused.status());
    assertEquals("未找到消息 " + unitsMessage, refused.str("detail"));
    assertEquals(404, api().post("/api/v1/inbox/987654321/read", Map.of(), owner).status());
    assertEquals(1, unread(owner));
  }

  @Test
  void aMessageOfATransactionRolledBackDoesNotExist() {
    long resident = aResident(6);
    assertThrows(
        IllegalStateException.class,
        () ->
            tx.executeWrite(
                status -> {
                  inbox.toResident(resident, consentRequested("回滚的岗位"));
                  throw new IllegalStateException("the event failed after its message");
                }));
    tx.executeWrite(
        status -> {
          inbox.toResident(resident, consentRequested("也回滚的岗位"));
          status.setRollbackOnly();
          return null;
        });
    tx.executeWrite(
        status -> {
          inbox.toResident(resident, consentRequested("留下的岗位"));
          return null;
        });
    Reply list = inboxOf(userToken(Role.RESIDENT, resident));
    assertEquals(1, list.num("totalItems"));
    assertTrue(list.str("items[0].text").contains("留下的岗位"), list.toString());
  }

  @Test
  void aKindWithoutItsTextOrWithOtherParametersIsRefusedAndNotStored() {
    long resident = aResident(7);
    assertThrows(
        IllegalArgumentException.class,
        () -> inbox.toResident(resident, Notice.of("referral.unheardOf", Map.of())));
    assertThrows(
        IllegalArgumentException.class,
        () -> inbox.toResident(resident, Notice.of(Notice.REFERRAL_CANDIDATE, Map.of())));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            inbox.toResident(
                resident,
                Notice.of(
                    Notice.REFERRAL_CANDIDATE, Map.of("title", "保洁员", "phone", "13805981234"))));
    assertEquals(0, inboxOf(userToken(Role.RESIDENT, resident)).num("totalItems"));
  }

  @Test
  void listsArePagedNewestFirst() {
    long resident = aResidentWithMessages(8, 25);
    String token = userToken(Role.RESIDENT, resident);
    Reply first = api().get("/api/v1/inbox?page=0&size=10", token);
    assertEquals(10, first.list("items").size());
    assertEquals(25, first.num("totalItems"));
    assertEquals(3, first.num("totalPages"));
    assertEquals(0, first.num("page"));
    assertTrue(first.str("items[0].text").contains("“岗位24”"), first.toString());
    Reply last = api().get("/api/v1/inbox?page=2&size=10", token);
    assertEquals(5, last.list("items").size());
    assertTrue(last.str("items[4].text").contains("“岗位0”"), last.toString());
    List<Long> all = new java.util.ArrayList<>(ids(first));
    all.addAll(ids(api().get("/api/v1/inbox?page=1&size=10", token)));
    all.addAll(ids(last));
    assertEquals(all.stream().sorted(java.util.Comparator.reverseOrder()).distinct().toList(), all);
    assertEquals(25, all.size());

    Reply tooBig = api().get("/api/v1/inbox?size=201", token);
    assertEquals(400, tooBig.status());
    assertEquals(List.of("size:Range"), tooBig.fieldRules());
  }
}
