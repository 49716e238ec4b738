package hongniang;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.anIdNumber;
import static hongniang.support.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import hongniang.support.ApiTest;
import hongniang.support.Reply;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ImportIT extends ApiTest {

  private static final MediaType CSV = MediaType.of("text/csv");

  @Test
  void aJsonImportStoresTheValidRowsAndReportsTheRest() {
    long unit = aPartner();
    List<Map<String, Object>> rows =
        List.of(
            aPosting(unit),
            with(aPosting(unit), "wageMin", 9000),
            with(aPosting(unit), "headcount", 0),
            aPosting(unit));
    Reply report = api().post("/api/v1/postings/import", rows, admin());
    assertEquals(200, report.status(), report.toString());
    assertEquals(4, report.num("total"));
    assertEquals(2, report.num("accepted"));
    assertEquals(2, report.num("rejected"));
    assertEquals("rejected", report.str("rows[1].outcome"));
    assertEquals("[2].wageMax", report.str("rows[1].errors[0].field"));
    assertEquals("WageRange", report.str("rows[1].errors[0].rule"));
    assertEquals("[3].headcount", report.str("rows[2].errors[0].field"));
    assertEquals(2, api().get("/api/v1/postings?partnerUnitId=" + unit, admin()).num("totalItems"));
  }

  @Test
  void anAllOrNothingImportWithOneBadRowStoresNothing() {
    long unit = aPartner();
    List<Map<String, Object>> rows =
        List.of(aPosting(unit), aPosting(unit), with(aPosting(unit), "workCommunityId", 99999));
    Reply report = api().post("/api/v1/postings/import?atomic=true", rows, admin());
    assertEquals(200, report.status());
    assertEquals(false, report.at("stored"));
    assertEquals(0, report.num("accepted"));
    assertEquals("not-stored", report.str("rows[0].outcome"));
    assertEquals(0, api().get("/api/v1/postings?partnerUnitId=" + unit, admin()).num("totalItems"));

    Reply good = api().post("/api/v1/postings/import?atomic=true", rows.subList(0, 2), admin());
    assertEquals(true, good.at("stored"));
    assertEquals(2, api().get("/api/v1/postings?partnerUnitId=" + unit, admin()).num("totalItems"));
  }

  @Test
  void aRowWithAnUnknownFieldIsRejectedByName() {
    long unit = aPartner();
    String body =
        "[{\"partnerUnitId\":"
            + unit
            + ",\"title\":\"保安\",\"occupation\":\"保安员\",\"headcount\":1,\"wageMin\":2500,"
            + "\"wageMax\":3000,\"schedule\":\"SHIFT\",\"validThrough\":\""
            + LocalDate.now().plusDays(30)
            + "\",\"salary\":3000}]";
    Reply report =
        api().postRaw("/api/v1/postings/import", body, MediaType.APPLICATION_JSON_TYPE, admin());
    assertEquals(1, report.num("rejected"), report.toString());
    assertEquals("[1].salary", report.str("rows[0].errors[0].field"));
    assertEquals("UnknownField", report.str("rows[0].errors[0].rule"));
  }

  @Test
  void aSpreadsheetWithChineseHeadersImportsPostings() {
    long unit = aPartner();
    String csv =
        "用工单位编号,岗位名称,工种,技能,招聘人数,最低月薪,最高月薪,工作时间,工作社区,公益性岗位,有效期至,状态\n"
            + unit
            + ",社区巡防员,保安员,巡逻;监控,2,2400,2800,倒班,下洋,是,"
            + LocalDate.now().plusMonths(2).toString().replace("-", "/")
            + ",招聘中\n"
            + unit
            + ",绿化养护工,绿化工,修剪,一,2200,2600,全职,凤岗,否,2030-01-01,草稿\n"
            + unit
            + ",保洁员,保洁员,,1,2000,2400,全职,不存在社区,否,2030-01-01,草稿\n";
    Reply report = api().postRaw("/api/v1/postings/import", csv, CSV, admin());
    assertEquals(200, report.status(), report.toString());
    assertEquals(1, report.num("accepted"), report.toString());
    assertEquals(List.of("[2].headcount:Type"), fieldRules(report, 1));
    assertEquals(List.of("[3].workCommunity:Exists"), fieldRules(report, 2));
    Reply stored = api().get("/api/v1/postings/" + report.num("rows[0].id"), admin());
    assertEquals("SHIFT", stored.str("schedule"));
    assertEquals(true, stored.at("publicWelfare"));
    assertEquals(4, stored.num("workCommunityId"));
    assertEquals(List.of("巡逻", "监控"), stored.list("skills"));
  }

  @Test
  void aCsvWithAnUnknownColumnRejectsItsRows() {
    long unit = aPartner();
    String csv =
        "partnerUnitId,title,occupation,headcount,wageMin,wageMax,schedule,validThrough,bonus\n"
            + unit
            + ",门卫,保安员,1,2000,2500,FULL_TIME,2030-01-01,500\n";
    Reply report = api().postRaw("/api/v1/postings/import", csv, CSV, admin());
    assertEquals(List.of("[1].bonus:UnknownField"), fieldRules(report, 0));
  }

  @Test
  void jobseekersImportFromASpreadsheetAndDuplicatesInTheFileAreCaught() {
    String matchmaker = userToken("MATCHMAKER", "communityId", 4L);
    String id = anIdNumber(LocalDate.of(1968, 5, 1), true);
    String other = anIdNumber(LocalDate.of(1990, 1, 1), false);
    String badId = other.substring(0, 17) + (other.charAt(17) == '1' ? '2' : '1');
    String csv =
        "姓名,身份证号,联系电话,社区,学历,技能,期望工种,最低期望月薪,可接受工作时间,困难类别,登记失业日期\n"
            + "张建国,"
            + id
            + ",13905981111,下洋,初中,电工;驾驶,电工,3000,全职;倒班,4050;低保,2023-03-01\n"
            + "张建国,"
            + id
            + ",13905981111,下洋,初中,电工,电工,3000,全职,,\n"
            + "王芳,,13905982222,下洋,高中,收银,营业员,2500,兼职,,\n"
            + "陈红,"
            + badId
            + ",13905983333,凤岗,高中,收银,营业员,2500,兼职,,\n";
    Reply report = api().postRaw("/api/v1/jobseekers/import", csv, CSV, matchmaker);
    assertEquals(200, report.status(), report.toString());
    assertEquals(1, report.num("accepted"), report.toString());
    assertEquals(List.of("[2].idNumber:Unique"), fieldRules(report, 1));
    assertEquals(
        List.of("[3].birthYear:NotNull", "[3].gender:NotNull"),
        fieldRules(report, 2).stream().sorted().toList());
    assertEquals(
        List.of("[4].communityId:OwnCommunity", "[4].idNumber:CheckDigit"),
        fieldRules(report, 3).stream().sorted().toList());
    Reply stored = api().get("/api/v1/jobseekers/" + report.num("rows[0].id"), matchmaker);
    assertEquals("MALE", stored.str("gender"));
    assertEquals(List.of("AGE_4050", "LOW_INCOME"), stored.list("difficultyCategories"));
    assertEquals(List.of("FULL_TIME", "SHIFT"), stored.list("acceptableSchedules"));
  }

  @Test
  void jobseekersImportFromJsonAllOrNothing() {
    Map<String, Object> good = aJobseeker(7);
    Map<String, Object> bad = with(aJobseeker(7), "phone", "12345");
    Reply report = api().post("/api/v1/jobseekers/import?atomic=true", List.of(good, bad), admin());
    assertEquals(false, report.at("stored"));
    assertEquals(List.of("[2].phone:Pattern"), fieldRules(report, 1));
    Reply again = api().post("/api/v1/jobseekers", good, admin());
    assertEquals(201, again.status(), "the good row was not stored by the failed import");
    assertNull(again.at("difficultyNote"));
  }

  @Test
  void emptyOrHugeImportsAreRefused() {
    Reply empty = api().post("/api/v1/postings/import", List.of(), admin());
    assertEquals(400, empty.status());
    assertEquals(List.of("body:NotEmpty"), empty.fieldRules());
    Reply notArray =
        api()
            .postRaw(
                "/api/v1/postings/import", "{\"a\":1}", MediaType.APPLICATION_JSON_TYPE, admin());
    assertEquals(List.of("body:JsonArray"), notArray.fieldRules());
    String employer = userToken("EMPLOYER", "partnerUnitId", aPartner());
    assertEquals(
        403, api().post("/api/v1/jobseekers/import", List.of(aJobseeker(1)), employer).status());
  }

  private static List<String> fieldRules(Reply report, int row) {
    return report.list("rows[" + row + "].errors").stream()
        .map(e -> ((Map<?, ?>) e).get("field") + ":" + ((Map<?, ?>) e).get("rule"))
        .toList();
  }
}
