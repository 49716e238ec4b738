package hongniang.postings;

import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hongniang.support.ApiTest;
import hongniang.support.Reply;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bulk import of postings: JSON and spreadsheets, row by row or all or nothing. */
@MicronautTest(transactional = false)
class PostingImportIT extends ApiTest {

  private static final MediaType CSV = MediaType.of("text/csv");

  @Test
  void aJsonImportStoresTheValidRowsAndReportsTheRest() {
    long unit = aPartner();
    List<PostingRequest> rows =
        List.of(
            aPosting(unit),
            edit(aPosting(unit)).wageMin(9000).build(),
            edit(aPosting(unit)).headcount(0).build(),
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
    List<PostingRequest> rows =
        List.of(
            aPosting(unit), aPosting(unit), edit(aPosting(unit)).workCommunityId(99999L).build());
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
    assertEquals(List.of("[2].headcount:Type"), report.rowFieldRules(1));
    assertEquals(List.of("[3].workCommunity:Exists"), report.rowFieldRules(2));
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
    assertEquals(List.of("[1].bonus:UnknownField"), report.rowFieldRules(0));
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
  }
}
