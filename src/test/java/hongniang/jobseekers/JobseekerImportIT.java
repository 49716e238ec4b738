package hongniang.jobseekers;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.anIdNumber;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bulk import of jobseekers: spreadsheets and JSON, within a matchmaker's community; misspelled
 * headers, community names as people write them, the template, a browser's form.
 */
@MicronautTest(transactional = false)
class JobseekerImportIT extends ApiTest {

  private static final MediaType CSV = MediaType.of("text/csv");

  @Test
  void jobseekersImportFromASpreadsheetAndDuplicatesInTheFileAreCaught() {
    String matchmaker = userToken(Role.MATCHMAKER, 4L);
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
    assertEquals(List.of("[2].idNumber:Unique"), report.rowFieldRules(1));
    assertEquals(
        List.of("[3].birthYear:NotNull", "[3].gender:NotNull"),
        report.rowFieldRules(2).stream().sorted().toList());
    assertEquals(
        List.of("[4].communityId:OwnCommunity", "[4].idNumber:CheckDigit"),
        report.rowFieldRules(3).stream().sorted().toList());
    Reply stored = api().get("/api/v1/jobseekers/" + report.num("rows[0].id"), matchmaker);
    assertEquals("MALE", stored.str("gender"));
    assertEquals(List.of("AGE_4050", "LOW_INCOME"), stored.list("difficultyCategories"));
    assertEquals(List.of("FULL_TIME", "SHIFT"), stored.list("acceptableSchedules"));
  }

  @Test
  void jobseekersImportFromJsonAllOrNothing() {
    JobseekerRequest good = aJobseeker(7);
    JobseekerRequest bad = edit(aJobseeker(7)).phone("12345").build();
    Reply report = api().post("/api/v1/jobseekers/import?atomic=true", List.of(good, bad), admin());
    assertEquals(false, report.at("stored"));
    assertEquals(List.of("[2].phone:Pattern"), report.rowFieldRules(1));
    Reply again = api().post("/api/v1/jobseekers", good, admin());
    assertEquals(201, again.status(), "the good row was not stored by the failed import");
    assertNull(again.at("difficultyNote"));
  }

  @Test
  void anEmployerCannotImportJobseekers() {
    String employer = userToken(Role.EMPLOYER, aPartner());
    assertEquals(
        403, api().post("/api/v1/jobseekers/import", List.of(aJobseeker(1)), employer).status());
  }

  @Test
  void aMisspelledColumnIsOneErrorForTheFileWithTheNearestName() {
    String csv =
        "姓名,性别,出生年份,社区,期望工钟\n" + "李明,男,1980,下洋,电工\n" + "李华,女,1985,下洋,保洁员\n" + "李强,男,1990,下洋,保安员\n";
    Reply refused = api().postRaw("/api/v1/jobseekers/import", csv, CSV, admin());
    assertEquals(400, refused.status(), refused.toString());
    assertEquals(List.of("期望工钟:UnknownColumn"), refused.fieldRules());
    assertEquals("未知的列“期望工钟”，是不是“期望工种”？", refused.str("errors[0].message"));
  }

  @Test
  void communitiesAreFoundWithOrWithoutTheWordShequ() {
    String csv = "姓名,性别,出生年份,社区\n" + "林一,男,1980,红印山\n" + "林二,女,1982,红印山社区\n" + "林三,女,1984,红印山街\n";
    Reply report = api().postRaw("/api/v1/jobseekers/import", csv, CSV, admin());
    assertEquals(2, report.num("accepted"), report.toString());
    assertEquals(List.of("[3].community:Exists"), report.rowFieldRules(2));
    long first =
        api().get("/api/v1/jobseekers/" + report.num("rows[0].id"), admin()).num("communityId");
    long second =
        api().get("/api/v1/jobseekers/" + report.num("rows[1].id"), admin()).num("communityId");
    assertEquals(first, second);
    assertEquals("红印山", api().get("/api/v1/communities/" + first, admin()).str("name"));
  }

  @Test
  void templatesImportTheirOwnExampleIntoTheMatchmakersCommunity() {
    String matchmaker = userToken(Role.MATCHMAKER, 4L);
    for (String format : List.of("xlsx", "csv")) {
      HttpResponse<byte[]> template =
          api().download("/api/v1/jobseekers/import/template?format=" + format, matchmaker);
      assertEquals(200, template.getStatus().getCode());
      assertTrue(
          template
              .getHeaders()
              .get(HttpHeaders.CONTENT_DISPOSITION)
              .contains("filename=\"jobseekers-template." + format + "\""));
      MediaType type = template.getContentType().orElseThrow();
      Reply report =
          api().postBytes("/api/v1/jobseekers/import", template.body(), type, matchmaker);
      assertEquals(1, report.num("accepted"), format + ": " + report);
      Reply stored = api().get("/api/v1/jobseekers/" + report.num("rows[0].id"), matchmaker);
      assertEquals(4, stored.num("communityId"));
      assertEquals(List.of("AGE_4050"), stored.list("difficultyCategories"));
    }
    String employer = userToken(Role.EMPLOYER, aPartner());
    assertEquals(
        403, api().download("/api/v1/jobseekers/import/template", employer).getStatus().getCode());
  }

  @Test
  void aGbkFileFromABrowserFormImports() {
    String csv = "姓名,性别,出生年份,社区,期望工种\n" + "郑好,女,1979,下洋社区,保洁员\n";
    Reply report =
        api()
            .postFile(
                "/api/v1/jobseekers/import",
                "居民.csv",
                MediaType.of("text/csv"),
                csv.getBytes(Charset.forName("GB18030")),
                admin());
    assertEquals(1, report.num("accepted"), report.toString());
    Reply stored = api().get("/api/v1/jobseekers/" + report.num("rows[0].id"), admin());
    assertEquals("郑好", stored.str("name"));
    assertEquals(List.of("保洁员"), stored.list("desiredOccupations"));
  }
}
