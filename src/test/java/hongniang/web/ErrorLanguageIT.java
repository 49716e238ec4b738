package hongniang.web;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Errors speak Chinese by default and English when the caller's Accept-Language starts with en; the
 * fields and rule codes are the same in both.
 */
@MicronautTest(transactional = false)
class ErrorLanguageIT extends ApiTest {

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  private static final String SCHEDULES_ZH = "全职 FULL_TIME、兼职 PART_TIME、灵活 FLEXIBLE、倒班 SHIFT";

  @Test
  void theSameBadPostingIsRefusedInChineseByDefaultAndInEnglishWhenAsked() {
    Object body = edit(aPosting(aPartner())).title(" ").headcount(0).wageMin(9000).build();
    Reply zh = api().post("/api/v1/postings", body, admin());
    Reply en =
        api().send(HttpRequest.POST("/api/v1/postings", body), admin(), "en-US,en;q=0.9,zh;q=0.5");
    assertEquals(400, zh.status(), zh.toString());
    assertEquals(400, en.status(), en.toString());
    List<String> rules = List.of("headcount:Min", "title:NotBlank", "wageMax:WageRange");
    assertEquals(rules, zh.fieldRules().stream().sorted().toList());
    assertEquals(rules, en.fieldRules().stream().sorted().toList());
    assertEquals("请求无效", zh.str("title"));
    assertEquals("Invalid request", en.str("title"));
    assertEquals("有 3 处不符合要求", zh.str("detail"));
    assertEquals("3 fields are invalid", en.str("detail"));
    Map<String, String> zhMessages = messages(zh);
    Map<String, String> enMessages = messages(en);
    assertEquals("招聘人数不能小于 1", zhMessages.get("headcount"));
    assertEquals("headcount must be at least 1", enMessages.get("headcount"));
    assertEquals("岗位名称不能为空", zhMessages.get("title"));
    assertEquals("title must not be blank", enMessages.get("title"));
    zhMessages.values().forEach(m -> assertTrue(HAN.matcher(m).find(), m));
    enMessages.values().forEach(m -> assertFalse(HAN.matcher(m).find(), m));
  }

  @Test
  void aWrongEnumNamesTheFieldAndListsTheAllowedValuesWithTheirChineseLabels() {
    String body = postingJson(aPartner()).replace("\"FULL_TIME\"", "\"FULLTIME\"");
    Reply zh = api().postJson("/api/v1/postings", body, admin(), null);
    Reply en = api().postJson("/api/v1/postings", body, admin(), "en");
    assertEquals(400, zh.status(), zh.toString());
    assertEquals(List.of("schedule:OneOf"), zh.fieldRules());
    assertEquals(List.of("schedule:OneOf"), en.fieldRules());
    assertEquals("工作时间须为以下之一：" + SCHEDULES_ZH, zh.str("errors[0].message"));
    assertEquals(
        "schedule must be one of: FULL_TIME, PART_TIME, FLEXIBLE, SHIFT",
        en.str("errors[0].message"));
    assertEquals(zh.str("errors[0].message"), zh.str("detail"));
  }

  @Test
  void aWrongEnumInAQueryParameterIsTheSame() {
    Reply postings = api().get("/api/v1/postings?schedule=x", admin());
    assertEquals(400, postings.status(), postings.toString());
    assertEquals(List.of("schedule:OneOf"), postings.fieldRules());
    assertTrue(postings.str("errors[0].message").endsWith(SCHEDULES_ZH), postings.toString());
    Reply residents = api().get("/api/v1/jobseekers?status=HIRED", admin());
    assertEquals(List.of("status:OneOf"), residents.fieldRules());
    assertTrue(residents.str("detail").contains("求职中 SEEKING"), residents.toString());
  }

  @Test
  void aWrongEnumInASpreadsheetCellIsTheSameInTheImportReport() {
    String csv = "姓名,性别,出生年份,社区,学历\n王芳,女,1980,下洋,大学\n";
    String path = "/api/v1/jobseekers/import";
    Reply zh = api().postRaw(path, csv, MediaType.TEXT_CSV_TYPE, admin());
    Reply en =
        api().send(HttpRequest.POST(path, csv).contentType(MediaType.TEXT_CSV_TYPE), admin(), "en");
    assertEquals(200, zh.status(), zh.toString());
    assertEquals(List.of("[1].education:OneOf"), zh.rowFieldRules(0));
    assertEquals(List.of("[1].education:OneOf"), en.rowFieldRules(0));
    assertTrue(zh.str("rows[0].errors[0].message").startsWith("学历须为以下之一：不限 NONE、小学 PRIMARY"));
    assertTrue(zh.str("rows[0].errors[0].message").contains("本科 BACHELOR"), zh.toString());
    assertTrue(
        en.str("rows[0].errors[0].message").startsWith("education must be one of: NONE, PRIMARY"),
        en.toString());
  }

  @Test
  void theFrameworksOwnErrorsSpeakBothLanguagesToo() {
    Reply anonymous = api().get("/api/v1/postings", null);
    assertEquals(401, anonymous.status());
    assertEquals("未登录", anonymous.str("title"));
    assertTrue(HAN.matcher(anonymous.str("detail")).find(), anonymous.toString());
    Reply anonymousEn = api().send(HttpRequest.GET("/api/v1/postings"), null, "en");
    assertEquals("Unauthorized", anonymousEn.str("title"));
    Reply forbidden = api().get("/api/v1/users", userToken(Role.MATCHMAKER, 1L));
    assertEquals(403, forbidden.status());
    assertEquals("无权操作", forbidden.str("title"));
    Reply missing = api().get("/api/v1/postings/987654321", admin());
    assertEquals(404, missing.status());
    assertEquals("未找到岗位 987654321", missing.str("detail"));
    Reply missingEn = api().send(HttpRequest.GET("/api/v1/postings/987654321"), admin(), "en");
    assertEquals("posting 987654321 was not found", missingEn.str("detail"));
    Reply method = api().send(HttpRequest.PATCH("/api/v1/login", "{}"), null, "en");
    assertEquals(405, method.status());
    assertEquals("this address does not take PATCH requests", method.str("detail"));
  }

  @Test
  void aServicesOwnRefusalIsToldInBothLanguages() {
    long mine = api().post("/api/v1/jobseekers", aJobseeker(1), admin()).num("id");
    String resident = userToken(Role.RESIDENT, mine);
    String path = "/api/v1/jobseekers/" + mine + "?revealIdNumber=true";
    Reply zh = api().get(path, resident);
    assertEquals(403, zh.status(), zh.toString());
    assertEquals("只有工作人员可以查看完整的身份证号", zh.str("detail"));
    Reply en = api().send(HttpRequest.GET(path), resident, "en");
    assertEquals("only staff may reveal an ID number", en.str("detail"));
  }

  @Test
  void onlyALanguageStartingWithEnIsEnglish() {
    String path = "/api/v1/postings/987654321";
    assertEquals("Not found", api().send(HttpRequest.GET(path), admin(), "en-GB").str("title"));
    assertEquals("未找到", api().send(HttpRequest.GET(path), admin(), "zh-CN,en;q=0.8").str("title"));
    assertEquals("未找到", api().send(HttpRequest.GET(path), admin(), "fr").str("title"));
  }

  private static Map<String, String> messages(Reply reply) {
    return reply.list("errors").stream()
        .map(e -> (Map<?, ?>) e)
        .collect(
            java.util.stream.Collectors.toMap(
                e -> (String) e.get("field"), e -> (String) e.get("message")));
  }

  /** An open posting of the unit as JSON text, to be spoiled. */
  static String postingJson(long unitId) {
    return "{\"partnerUnitId\":"
        + unitId
        + ",\"title\":\"小区保洁员\",\"occupation\":\"保洁员\",\"headcount\":3,\"wageMin\":2200,"
        + "\"wageMax\":2800,\"schedule\":\"FULL_TIME\",\"workCommunityId\":1,"
        + "\"validThrough\":\"2099-12-31\",\"status\":\"DRAFT\"}";
  }
}
