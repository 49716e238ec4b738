package hongniang.postings;

import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.ImportTemplate;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * Bulk import of postings: JSON, CSV (UTF-8 or GBK) and XLSX, row by row or all or nothing; the
 * templates; what an outside check found (unclosed quotes, NUL characters, formulas).
 */
@MicronautTest(transactional = false)
class PostingImportIT extends ApiTest {

  private static final MediaType CSV = MediaType.of("text/csv");
  private static final MediaType XLSX = MediaType.of(ImportTemplate.XLSX);

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
    assertEquals(2, postingsOf(unit));
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
    assertEquals(0, postingsOf(unit));

    Reply good = api().post("/api/v1/postings/import?atomic=true", rows.subList(0, 2), admin());
    assertEquals(true, good.at("stored"));
    assertEquals(2, postingsOf(unit));
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
  void aRowMaySayNoPlaceIsFilledButNotSetThePlacesFilled() {
    long unit = aPartner();
    String csv =
        unitRows(
            unit,
            "用工单位编号,岗位名称,工种,招聘人数,已招人数,最低月薪,最高月薪,工作时间,工作社区,有效期至",
            "门卫,保安员,2,0,2000,2500,全职,下洋,2030-01-01",
            "门卫,保安员,2,1,2000,2500,全职,下洋,2030-01-01",
            "门卫,保安员,2,,2000,2500,全职,下洋,2030-01-01");
    Reply report = api().postRaw("/api/v1/postings/import", csv, CSV, admin());
    assertEquals(200, report.status(), report.toString());
    assertEquals(2, report.num("accepted"), report.toString());
    // placements count the places filled: a file cannot bring them
    assertEquals(List.of("[2].filledCount:ReadOnly"), report.rowFieldRules(1));
    assertEquals(2, postingsOf(unit));
  }

  @Test
  void aCsvWithAnUnknownColumnIsRefusedOnceForTheFile() {
    long unit = aPartner();
    String csv =
        unitRows(
            unit,
            "partnerUnitId,title,occupation,headcount,wageMin,wageMax,schedule,validThrough,bonus",
            "门卫,保安员,1,2000,2500,FULL_TIME,2030-01-01,500",
            "门卫,保安员,1,2000,2500,FULL_TIME,2030-01-01,600");
    Reply refused = api().postRaw("/api/v1/postings/import", csv, CSV, admin());
    assertEquals(400, refused.status(), refused.toString());
    assertEquals(List.of("bonus:UnknownColumn"), refused.fieldRules());
    assertEquals("未知的列“bonus”", refused.str("errors[0].message"));
    assertEquals(0, postingsOf(unit));
  }

  @Test
  void aGbkSpreadsheetImportsAsUtf8Does() {
    long unit = aPartner();
    String csv = spreadsheet(unit, "社区巡防员");
    Reply utf8 = api().postRaw("/api/v1/postings/import", csv, CSV, admin());
    Reply gbk =
        api()
            .postBytes(
                "/api/v1/postings/import", csv.getBytes(Charset.forName("GBK")), CSV, admin());
    Reply gb18030 =
        api()
            .postBytes(
                "/api/v1/postings/import",
                csv.getBytes(Charset.forName("GB18030")),
                MediaType.of("text/csv; charset=GB18030"),
                admin());
    Reply bom =
        api()
            .postBytes(
                "/api/v1/postings/import",
                ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8),
                MediaType.of("text/csv; charset=UTF-8"),
                admin());
    for (Reply report : List.of(utf8, gbk, gb18030, bom)) {
      assertEquals(1, report.num("accepted"), report.toString());
      Reply stored = api().get("/api/v1/postings/" + report.num("rows[0].id"), admin());
      assertEquals("社区巡防员", stored.str("title"));
      assertEquals(List.of("巡逻", "监控"), stored.list("skills"));
      assertEquals(4, stored.num("workCommunityId"));
    }
  }

  @Test
  void anXlsxWorkbookImportsAsTheBodyOrAsAFormsFile() throws IOException {
    long unit = aPartner();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(out, "test", "1.0");
    Worksheet sheet = workbook.newWorksheet("岗位");
    List<String> header =
        List.of(
            "用工单位编号", "岗位名称", "工种", "招聘人数", "最低月薪", "最高月薪", "工作时间", "工作社区", "有效期至", "状态", "薪资说明");
    for (int c = 0; c < header.size(); c++) {
      sheet.value(0, c, header.get(c));
    }
    sheet.value(1, 0, unit);
    sheet.value(1, 1, "仓库理货员");
    sheet.value(1, 2, "理货员");
    sheet.value(1, 3, 3);
    sheet.value(1, 4, 2800);
    sheet.value(1, 5, 3500.0);
    sheet.value(1, 6, "全职");
    sheet.value(1, 7, "下洋社区");
    sheet.value(1, 8, LocalDate.now().plusMonths(1));
    sheet.style(1, 8).format("yyyy/m/d").set();
    sheet.value(1, 9, "招聘中");
    sheet.formula(1, 10, "CONCAT(\"包\",\"吃\")");
    workbook.finish();
    byte[] xlsx = out.toByteArray();

    Reply body = api().postBytes("/api/v1/postings/import", xlsx, XLSX, admin());
    assertEquals(1, body.num("accepted"), body.toString());
    Reply stored = api().get("/api/v1/postings/" + body.num("rows[0].id"), admin());
    assertEquals("仓库理货员", stored.str("title"));
    assertEquals(3500, stored.num("wageMax"));
    assertEquals(4, stored.num("workCommunityId"));
    assertEquals(LocalDate.now().plusMonths(1).toString(), stored.str("validThrough"));
    assertEquals("OPEN", stored.str("status"));
    assertEquals("=CONCAT(\"包\",\"吃\")", stored.str("wageNote"), "a formula is its text");

    Reply form = api().postFile("/api/v1/postings/import", "岗位.xlsx", XLSX, xlsx, admin());
    assertEquals(1, form.num("accepted"), form.toString());
    Reply csvForm =
        api()
            .postFile(
                "/api/v1/postings/import",
                "岗位.csv",
                MediaType.of("application/vnd.ms-excel"),
                spreadsheet(unit, "夜班保安").getBytes(Charset.forName("GBK")),
                admin());
    assertEquals(1, csvForm.num("accepted"), csvForm.toString());
  }

  @Test
  void aZipThatIsNoWorkbookOrAnOldXlsIsA400() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("readme.txt"));
      out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
    }
    Reply notWorkbook =
        api().postBytes("/api/v1/postings/import", zip.toByteArray(), XLSX, admin());
    assertEquals(List.of("body:Xlsx"), notWorkbook.fieldRules(), notWorkbook.toString());
    byte[] truncated = java.util.Arrays.copyOf(templateBytes("xlsx"), 600);
    Reply cut = api().postBytes("/api/v1/postings/import", truncated, XLSX, admin());
    assertEquals(List.of("body:Xlsx"), cut.fieldRules(), cut.toString());
    byte[] ole2 = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    Reply xls = api().postBytes("/api/v1/postings/import", ole2, XLSX, admin());
    assertEquals(List.of("body:Xls"), xls.fieldRules(), xls.toString());
  }

  private byte[] templateBytes(String format) {
    return api().download("/api/v1/postings/import/template?format=" + format, admin()).body();
  }

  @Test
  void templatesDownloadInBothFormatsAndImportTheirOwnExample() throws IOException {
    long unit = aPartner();
    String employer = userToken(Role.EMPLOYER, unit);
    for (String format : List.of("xlsx", "csv")) {
      HttpResponse<byte[]> template =
          api().download("/api/v1/postings/import/template?format=" + format, employer);
      assertEquals(200, template.getStatus().getCode());
      String disposition = template.getHeaders().get(HttpHeaders.CONTENT_DISPOSITION);
      assertTrue(
          disposition.startsWith("attachment; filename=\"postings-template." + format),
          disposition);
      assertTrue(disposition.contains("filename*=UTF-8''"), disposition);
      byte[] bytes = template.body();
      if (format.equals("csv")) {
        assertEquals(
            "text/csv;charset=UTF-8",
            template.getContentType().orElseThrow().toString().replace(" ", ""));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF用工单位编号,岗位名称,"), text);
      } else {
        assertEquals(ImportTemplate.XLSX, template.getContentType().orElseThrow().toString());
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
          List<Row> rows = read.getFirstSheet().read();
          assertEquals("用工单位编号", rows.get(0).getCellText(0));
          assertEquals(String.valueOf(unit), rows.get(1).getCellText(0));
        }
      }
      MediaType type = MediaType.of(format.equals("csv") ? "text/csv" : ImportTemplate.XLSX);
      Reply report = api().postBytes("/api/v1/postings/import", bytes, type, employer);
      assertEquals(1, report.num("accepted"), format + ": " + report);
      Reply stored = api().get("/api/v1/postings/" + report.num("rows[0].id"), employer);
      assertEquals(unit, stored.num("partnerUnitId"));
      assertEquals("社区保洁员", stored.str("title"));
      assertEquals("DRAFT", stored.str("status"));
    }
  }

  @Test
  void aTemplateInAnUnknownFormatIsRefusedNamingTheFormats() {
    // a client that accepts only JSON (as Api.send does) still hears why, not a 406
    Reply refused =
        api().send(HttpRequest.GET("/api/v1/postings/import/template?format=xls"), admin());
    assertEquals(400, refused.status(), refused.toString());
    assertEquals(List.of("format:OneOf"), refused.fieldRules());
    assertTrue(refused.str("errors[0].message").contains("xlsx、csv"), refused.toString());
  }

  @Test
  void everyErrorOfARowComesBackAtOnce() {
    long unit = aPartner();
    String csv =
        unitRows(
            unit, "用工单位编号,岗位名称,工种,招聘人数,最低月薪,最高月薪,工作时间,工作社区,有效期至", "搬运工,装卸工,两,3000,2500,全职,下洋,下月底");
    Reply report = api().postRaw("/api/v1/postings/import", csv, CSV, admin());
    assertEquals(
        List.of("[1].headcount:Type", "[1].validThrough:Type", "[1].wageMax:WageRange"),
        report.rowFieldRules(0).stream().sorted().toList(),
        report.toString());
  }

  @Test
  void anUnclosedQuoteIsRefusedNamingItsLine() {
    long unit = aPartner();
    String csv =
        unitRows(
            unit,
            "用工单位编号,岗位名称,工种,招聘人数,最低月薪,最高月薪,工作时间,有效期至",
            "保安,保安员,1,2000,2500,全职,2030-01-01",
            "\"保安,保安员,1,2000,2500,全职,2030-01-01",
            "保安,保安员,1,2000,2500,全职,2030-01-01");
    Reply refused = api().postRaw("/api/v1/postings/import", csv, CSV, admin());
    assertEquals(400, refused.status(), refused.toString());
    assertEquals(List.of("body:CsvQuote"), refused.fieldRules());
    assertTrue(refused.str("errors[0].message").startsWith("第3行"), refused.toString());
    assertEquals(0, postingsOf(unit));
  }

  @Test
  void aNulCharacterInACellIsThatRowsError() {
    long unit = aPartner();
    String csv =
        unitRows(
            unit,
            "用工单位编号,岗位名称,工种,招聘人数,最低月薪,最高月薪,工作时间,工作社区,有效期至",
            "保\u0000安,保安员,1,2000,2500,全职,下\u0000洋,2030-01-01",
            "保安,保安员,1,2000,2500,全职,下洋,2030-01-01");
    Reply report = api().postRaw("/api/v1/postings/import", csv, CSV, admin());
    assertEquals(200, report.status(), report.toString());
    assertEquals(
        List.of("[1].title:NoControlCharacters", "[1].workCommunity:NoControlCharacters"),
        report.rowFieldRules(0).stream().sorted().toList());
    assertEquals("accepted", report.str("rows[1].outcome"));

    String json =
        "[{\"partnerUnitId\":"
            + unit
            + ",\"title\":\"保\\u0000安\",\"occupation\":\"保安员\",\"headcount\":1,"
            + "\"wageMin\":2000,\"wageMax\":2500,\"schedule\":\"FULL_TIME\","
            + "\"skills\":[\"巡逻\",\"\\u0007\"],\"validThrough\":\"2030-01-01\"}]";
    Reply fromJson =
        api().postRaw("/api/v1/postings/import", json, MediaType.APPLICATION_JSON_TYPE, admin());
    assertEquals(200, fromJson.status(), fromJson.toString());
    assertEquals(
        List.of("[1].skills[1]:NoControlCharacters", "[1].title:NoControlCharacters"),
        fromJson.rowFieldRules(0).stream().sorted().toList());
  }

  @Test
  void aJsonRowWithAWrongTypeOrValueNamesTheField() {
    long unit = aPartner();
    String row =
        "{\"partnerUnitId\":"
            + unit
            + ",\"title\":\"保安\",\"occupation\":\"保安员\",\"headcount\":%s,"
            + "\"wageMin\":2000,\"wageMax\":2500,\"schedule\":%s,\"workCommunityId\":4,"
            + "\"validThrough\":\"2030-01-01\"}";
    String json =
        "["
            + String.format(row, "\"两\"", "\"FULL_TIME\"")
            + ","
            + String.format(row, "1", "\"FULLTIME\"")
            + ","
            + String.format(row, "1", "\"FULL_TIME\"")
            + "]";
    Reply report =
        api().postRaw("/api/v1/postings/import", json, MediaType.APPLICATION_JSON_TYPE, admin());
    assertEquals(200, report.status(), report.toString());
    assertEquals(List.of("[1].headcount:Type"), report.rowFieldRules(0), report.toString());
    assertEquals(List.of("[2].schedule:OneOf"), report.rowFieldRules(1), report.toString());
    assertEquals("accepted", report.str("rows[2].outcome"), report.toString());
  }

  @Test
  void formulaCellsAreStoredAsWrittenAndNegativeNumbersStayNumbers() {
    long unit = aPartner();
    String title = "=HYPERLINK(\"http://example.com/x\",\"点击\")";
    String csv =
        unitRows(
            unit,
            "用工单位编号,岗位名称,岗位描述,工种,招聘人数,最低月薪,最高月薪,薪资说明,工作时间,区外工作,城市,有效期至",
            "\""
                + title.replace("\"", "\"\"")
                + "\",+86 联系,保安员,1,2000,2500,@SUM(A1),全职,是,厦门市,2030-01-01",
            "保安,,保安员,-5,2000,2500,,全职,是,厦门市,2030-01-01");
    Reply report = api().postRaw("/api/v1/postings/import", csv, CSV, admin());
    assertEquals("accepted", report.str("rows[0].outcome"), report.toString());
    assertEquals(List.of("[2].headcount:Min"), report.rowFieldRules(1));
    Reply stored = api().get("/api/v1/postings/" + report.num("rows[0].id"), admin());
    assertEquals(title, stored.str("title"));
    assertEquals("+86 联系", stored.str("description"));
    assertEquals("@SUM(A1)", stored.str("wageNote"));
  }

  /** A spreadsheet with Chinese headers and one open posting of the unit. */
  private static String spreadsheet(long unit, String title) {
    return unitRows(
        unit,
        "用工单位编号,岗位名称,工种,技能,招聘人数,最低月薪,最高月薪,工作时间,工作社区,有效期至,状态",
        title + ",保安员,巡逻;监控,2,2400,2800,倒班,下洋,2030-01-01,招聘中");
  }

  /** A CSV text: the header line, then each row after the unit's id. */
  private static String unitRows(long unit, String header, String... rows) {
    StringBuilder csv = new StringBuilder(header).append('\n');
    for (String row : rows) {
      csv.append(unit).append(',').append(row).append('\n');
    }
    return csv.toString();
  }

  private long postingsOf(long unit) {
    return api().get("/api/v1/postings?partnerUnitId=" + unit, admin()).num("totalItems");
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
