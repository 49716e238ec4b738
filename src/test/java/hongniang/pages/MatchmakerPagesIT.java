package hongniang.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import hongniang.common.Gender;
import hongniang.communities.CommunityRequest;
import hongniang.placements.PlacementRequest;
import hongniang.placements.PlacementType;
import hongniang.security.Role;
import hongniang.support.Browser;
import hongniang.support.Browser.Screen;
import hongniang.support.Fixtures;
import hongniang.support.PageTest;
import hongniang.support.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The matchmaker's pages in Chromium: the journey of a matchmaker of a fresh community (registers a
 * resident, runs the match board, accepts two proposals and sees them in the pipeline, opens the
 * referral letter, records a follow-up), the worklist, refusals of a bad intake, another
 * community's resident.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchmakerPagesIT extends PageTest {

  private long aCommunity() {
    Reply created =
        api()
            .post(
                "/api/v1/communities",
                new CommunityRequest("红娘" + System.nanoTime() % 100_000_000, null),
                admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  /** A seeking resident of the community, 52, without an ID number, with their own phone. */
  private long aResident(long community) {
    Reply created =
        api()
            .post(
                "/api/v1/jobseekers",
                Fixtures.edit(Fixtures.aJobseeker(community))
                    .idNumber(null)
                    .gender(Gender.FEMALE)
                    .birthYear(LocalDate.now().getYear() - 52)
                    .phone(aPhone())
                    .build(),
                admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  private static String aPhone() {
    return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  /** Work found 45 days ago: its first follow-up is overdue. */
  private long aPlacement(long resident) {
    Reply placed =
        api()
            .post(
                "/api/v1/placements",
                new PlacementRequest(
                    resident,
                    PlacementType.FLEXIBLE,
                    LocalDate.now().minusDays(45),
                    3000,
                    null,
                    null,
                    null,
                    "三明快递站",
                    null),
                admin());
    assertEquals(201, placed.status(), placed.toString());
    return placed.num("id");
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
  }

  @ParameterizedTest
  @EnumSource(Screen.class)
  void aMatchmakerRegistersRunsTheBoardAcceptsTwoPrintsALetterAndRecordsAFollowUp(Screen screen) {
    String size = screen.name().toLowerCase();
    long community = aCommunity();
    String matchmaker = aUser(Role.MATCHMAKER, community);
    long unit = aPartner();
    anOpenPosting(unit);
    anOpenPosting(unit);
    long placed = aResident(community);
    aResident(community);
    aPlacement(placed);
    Page page = open(screen);
    try {
      signIn(page, matchmaker);
      // the worklist is home, and shows the overdue follow-up set up above
      assertThat(page).hasURL(Pattern.compile(".*/worklist$"));
      assertThat(page.locator("h1")).hasText("今天的工作清单");
      assertThat(page.locator("main a[href='/residents/" + placed + "']").first()).isVisible();
      Browser.assertAccessible(page);
      Browser.screenshot(page, "staff-worklist-" + size);

      // registers a resident on their behalf
      page.navigate(url("/residents/new"));
      Browser.assertAccessible(page);
      String name = "郑" + "春梅兰芳秀英".charAt((int) (System.nanoTime() % 6)) + "华";
      page.getByLabel("姓名").fill(name);
      page.getByLabel("性别").selectOption("FEMALE");
      page.getByLabel("出生年份").fill(String.valueOf(LocalDate.now().getYear() - 45));
      page.getByLabel("联系电话").fill(aPhone());
      page.getByLabel("技能").fill("保洁，做饭");
      page.getByLabel("期望工种").fill("保洁员");
      page.getByLabel("当面口头同意").check();
      button(page, "登记").click();
      if (page.locator(".duplicates").count() > 0) {
        // a namesake of another test: not the same person
        button(page, "不是同一人：仍然登记").click();
      }
      assertThat(page).hasURL(Pattern.compile(".*/residents/\\d+\\?done=registered$"));
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("居民已登记");
      assertThat(page.locator("h1")).hasText(name);
      // how the resident agreed to their data being kept is on their record, with when
      long registered = Long.parseLong(page.url().replaceAll(".*/residents/(\\d+).*", "$1"));
      Reply kept = api().get("/api/v1/jobseekers/" + registered, admin());
      assertEquals("IN_PERSON", kept.str("dataConsent"), kept::toString);
      assertNotNull(kept.at("dataConsentAt"), kept::toString);
      assertThat(page.locator("dl").first()).containsText("当面口头同意");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "staff-resident-" + size);

      // the residents list has all three
      page.navigate(url("/residents"));
      assertThat(page.locator("main")).containsText("共 3 位居民");
      Browser.assertAccessible(page);

      // runs the match board and accepts two proposals
      page.navigate(url("/board"));
      Browser.assertAccessible(page);
      button(page, "生成配对建议").click();
      Locator ticks = page.locator(".proposals input[type=checkbox]");
      assertTrue(ticks.count() >= 2, "two proposals at least: " + page.locator("main").innerText());
      assertThat(page.locator("main")).containsText("多出");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "staff-board-" + size);
      ticks.nth(0).check();
      ticks.nth(1).check();
      button(page, "接受勾选的建议").click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("已生成 2 条推荐");

      // sees them in the pipeline
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("在推荐进度中查看")).click();
      assertThat(page).hasURL(Pattern.compile(".*/pipeline$"));
      assertThat(page.locator("nav.tabs a[aria-current=page]")).containsText("(2)");
      assertThat(page.locator("table.list tbody tr")).hasCount(2);
      Browser.assertAccessible(page);
      Browser.screenshot(page, "staff-pipeline-" + size);

      // one referral, its moves, its letter with the QR code of the employer's page
      page.locator("table.list tbody a").first().click();
      assertThat(page).hasURL(Pattern.compile(".*/referrals/\\d+$"));
      String referral = page.url().replaceAll(".*/referrals/", "");
      assertThat(page.locator("main")).containsText("改为");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "staff-referral-" + size);
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("打印推荐信")).click();
      assertThat(page.locator("h1")).hasText("推荐信");
      assertThat(page.locator("svg.qr path")).hasCount(1);
      assertThat(page.locator("figure.qr")).containsText("/unit/referrals/" + referral);
      Browser.assertAccessible(page);
      Browser.screenshot(page, "staff-letter-" + size);

      // records the follow-up of the resident placed 45 days ago
      page.navigate(url("/residents/" + placed));
      page.getByLabel("仍在岗").check();
      button(page, "记录回访").click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("回访已记录");
      assertThat(page.locator("#placements")).containsText("已完成");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "staff-follow-up-" + size);
    } finally {
      close(page);
    }
  }

  @Test
  void aBadIntakeIsRefusedFieldByFieldAndNothingIsStored() {
    long community = aCommunity();
    Page page = open(Screen.DESKTOP);
    try {
      signIn(page, aUser(Role.MATCHMAKER, community));
      page.navigate(url("/residents/new"));
      page.getByLabel("姓名").fill("错号居民");
      page.getByLabel("身份证号").fill("12345");
      page.getByLabel("出生年份").fill("19a0");
      Response refused =
          page.waitForResponse(
              r -> r.url().endsWith("/residents/new"), () -> button(page, "登记").click());
      assertEquals(400, refused.status());
      assertThat(page.locator("#f-birthYear-error")).containsText("请只填数字");
      assertThat(page.getByLabel("出生年份")).hasValue("19a0");
      assertThat(page.locator("#f-idNumber-error")).isVisible();
      assertThat(page.locator("#f-dataConsent-error")).containsText("同意保存个人信息的方式");
      assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
      Browser.assertAccessible(page);
      // the ID number's check digit, once the year is a number
      page.getByLabel("身份证号").fill("350403197501010010");
      page.getByLabel("出生年份").fill("1975");
      page.getByLabel("书面签字").check();
      refused =
          page.waitForResponse(
              r -> r.url().endsWith("/residents/new"), () -> button(page, "登记").click());
      assertEquals(400, refused.status());
      assertThat(page.locator("#f-idNumber-error")).isVisible();
      Browser.screenshot(page, "staff-intake-refused");
      assertEquals(
          0, api().get("/api/v1/jobseekers?communityId=" + community, admin()).num("totalItems"));
    } finally {
      close(page);
    }
  }

  @Test
  void anotherCommunitysResidentAndABadIdAreNotFound() {
    long mine = aCommunity();
    long theirs = aCommunity();
    long stranger = aResident(theirs);
    Page page = open(Screen.PHONE);
    try {
      signIn(page, aUser(Role.MATCHMAKER, mine));
      Response response = page.navigate(url("/residents/" + stranger));
      assertEquals(404, response.status());
      assertThat(page.locator("h1")).hasText("没有找到这个页面");
      Browser.assertAccessible(page);
      assertEquals(404, page.navigate(url("/residents/abc")).status());
      assertEquals(404, page.navigate(url("/referrals/99999999999")).status());
      // an empty community: every section says there is nothing to do
      page.navigate(url("/worklist"));
      assertTrue(page.locator(".empty").count() > 0);
      page.navigate(url("/pipeline"));
      assertThat(page.locator(".empty")).isVisible();
      Browser.assertAccessible(page);
      page.navigate(url("/residents/import"));
      Browser.assertAccessible(page);
    } finally {
      close(page);
    }
  }

  @Test
  void aPostingsCandidatesAreReferredInOneActionAndOnlyOnce() {
    long community = aCommunity();
    long resident = aResident(community);
    long posting = anOpenPosting(aPartner());
    Page page = open(Screen.DESKTOP);
    try {
      signIn(page, aUser(Role.MATCHMAKER, community));
      page.navigate(url("/postings/" + posting + "/candidates"));
      assertThat(page.locator("h1")).containsText("的候选人");
      Browser.assertAccessible(page);
      page.locator("form[action='/postings/" + posting + "/refer']")
          .filter(
              new Locator.FilterOptions().setHas(page.locator("input[value='" + resident + "']")))
          .getByRole(AriaRole.BUTTON)
          .click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("已推荐");
      Browser.screenshot(page, "staff-candidates-desktop");
      // the same resident again: the service's refusal, as a message
      page.locator("form[action='/postings/" + posting + "/refer']")
          .filter(
              new Locator.FilterOptions().setHas(page.locator("input[value='" + resident + "']")))
          .getByRole(AriaRole.BUTTON)
          .click();
      assertThat(page.getByRole(AriaRole.ALERT)).containsText("没有推荐成功");
      Browser.assertAccessible(page);

      // the referral: withdrawing asks for a confirmation first
      page.navigate(url("/pipeline"));
      page.locator("table.list tbody a").first().click();
      Locator withdraw = page.locator("form.move:has(input[name=to][value=WITHDRAWN])");
      Response refused =
          page.waitForResponse(
              r -> r.url().endsWith("/move"), () -> withdraw.getByRole(AriaRole.BUTTON).click());
      assertEquals(400, refused.status());
      assertThat(page.locator("main")).containsText("请勾选确认");
      Browser.assertAccessible(page);
      page.locator("form.move:has(input[name=to][value=WITHDRAWN]) input[name=confirm]").check();
      page.locator("form.move:has(input[name=to][value=WITHDRAWN])")
          .getByRole(AriaRole.BUTTON)
          .click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("已撤回");
    } finally {
      close(page);
    }
  }

  @Test
  void aSpreadsheetsRowsToFixAreShownAsATable() {
    long community = aCommunity();
    Page page = open(Screen.DESKTOP);
    try {
      signIn(page, aUser(Role.MATCHMAKER, community));
      page.navigate(url("/residents/import"));
      String csv =
          "姓名,性别,出生年份,联系电话,社区编号\n"
              + "林小红,女,1975,"
              + aPhone()
              + ","
              + community
              + "\n"
              + "陈大明,男,一九七零,"
              + aPhone()
              + ","
              + community
              + "\n";
      page.getByLabel("表格文件")
          .setInputFiles(
              new com.microsoft.playwright.options.FilePayload(
                  "residents.csv",
                  "text/csv",
                  csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      button(page, "导入").click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("共 2 行");
      assertThat(page.locator("table.list tbody tr")).hasCount(1);
      assertThat(page.locator("table.list tbody th").first()).hasText("2");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "staff-import-desktop");
      // the template is the API's
      com.microsoft.playwright.APIResponse template =
          page.request().get(url("/residents/import/template?format=csv"));
      assertEquals(200, template.status());
      assertTrue(template.text().contains("姓名"));
    } finally {
      close(page);
    }
  }

  @Test
  void anIdNumberIsRevealedWithAReasonAndAResidentEnrolled() {
    long community = aCommunity();
    Reply created =
        api()
            .post(
                "/api/v1/jobseekers",
                Fixtures.edit(Fixtures.aJobseeker(community)).phone(aPhone()).build(),
                admin());
    assertEquals(201, created.status(), created.toString());
    long resident = created.num("id");
    Reply course = api().post("/api/v1/courses", Fixtures.aCourse(), admin());
    assertEquals(201, course.status(), course.toString());
    Page page = open(Screen.PHONE);
    try {
      signIn(page, aUser(Role.MATCHMAKER, community));
      page.navigate(url("/residents/" + resident));
      assertThat(page.locator(".id-number")).containsText("*");
      // blanks only: the browser lets it through, the page does not
      page.getByLabel("为什么需要完整身份证号？").fill("   ");
      Response refused =
          page.waitForResponse(
              r -> r.url().endsWith("/reveal"), () -> button(page, "显示完整身份证号").click());
      assertEquals(400, refused.status());
      page.getByLabel("为什么需要完整身份证号？").fill("核对社保登记");
      button(page, "显示完整身份证号").click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("已显示完整身份证号");
      assertThat(page.locator(".id-number")).not().containsText("*");
      // the reveal and its reason are in the resident's audit trail
      assertTrue(
          api()
              .get("/api/v1/jobseekers/" + resident + "/audit", admin())
              .toString()
              .contains("reason: 核对社保登记"),
          "the reason is audited");
      page.navigate(url("/residents/" + resident));
      page.getByLabel("培训课程").selectOption(String.valueOf(course.num("id")));
      button(page, "报名参加培训").click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("已报名培训");
      assertThat(page.locator("#training")).containsText("维修电工培训");
      Browser.assertAccessible(page);
    } finally {
      close(page);
    }
  }

  @Test
  void aPossibleDuplicateIsShownWithItsCandidatesAndRegisteredOnlyWhenConfirmed() {
    long community = aCommunity();
    String phone = aPhone();
    Page page = open(Screen.DESKTOP);
    try {
      signIn(page, aUser(Role.MATCHMAKER, community));
      long first = 0;
      for (int i = 0; i < 2; i++) {
        page.navigate(url("/residents/new"));
        page.getByLabel("姓名").fill("周素珍");
        page.getByLabel("性别").selectOption("FEMALE");
        page.getByLabel("出生年份").fill("1970");
        page.getByLabel("联系电话").fill(phone);
        page.getByLabel("电话中同意").check();
        button(page, "登记").click();
        if (i == 0) {
          assertThat(page.getByRole(AriaRole.STATUS)).containsText("居民已登记");
          first = Long.parseLong(page.url().replaceAll(".*/residents/(\\d+).*", "$1"));
        }
      }
      // the second time: the candidate, a link to them, and the choice
      assertThat(page.locator(".duplicates a[href='/residents/" + first + "']")).isVisible();
      assertThat(page.getByLabel("姓名")).hasValue("周素珍");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "staff-duplicate-desktop");
      assertEquals(
          1, api().get("/api/v1/jobseekers?communityId=" + community, admin()).num("totalItems"));
      button(page, "不是同一人：仍然登记").click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("居民已登记");
      assertEquals(
          2, api().get("/api/v1/jobseekers?communityId=" + community, admin()).num("totalItems"));
    } finally {
      close(page);
    }
  }

  @Test
  void aCourseResultIsRecordedAfterAConfirmationAndAPassGivesTheLicence() {
    long community = aCommunity();
    long resident = aResident(community);
    Reply course = api().post("/api/v1/courses", Fixtures.aCourse(), admin());
    assertEquals(201, course.status(), course.toString());
    long courseId = course.num("id");
    Reply enrolled =
        api()
            .post(
                "/api/v1/courses/" + courseId + "/enrolments",
                Map.of("jobseekerId", resident),
                admin());
    assertEquals(201, enrolled.status(), enrolled.toString());
    Page page = open(Screen.PHONE);
    try {
      signIn(page, aUser(Role.MATCHMAKER, community));
      page.locator("nav.menu a[href='/courses']").click();
      assertThat(page.locator("h1")).hasText("培训课程");
      Browser.assertAccessible(page);
      page.navigate(url("/courses/" + courseId));
      assertThat(page.locator("main")).containsText("已报名的居民");
      // no confirmation: refused, nothing recorded
      page.getByLabel("合格", new Page.GetByLabelOptions().setExact(true)).check();
      page.getByLabel("证书编号（合格时填写）").fill("DG-2026-0042");
      Response refused =
          page.waitForResponse(
              r -> r.url().endsWith("/complete"), () -> button(page, "记录结业").click());
      assertEquals(400, refused.status());
      assertThat(page.getByRole(AriaRole.ALERT)).containsText("不能撤销");
      Browser.assertAccessible(page);
      assertEquals(
          "ENROLLED", api().get("/api/v1/enrolments/" + enrolled.num("id"), admin()).str("status"));
      page.getByLabel("合格", new Page.GetByLabelOptions().setExact(true)).check();
      page.getByLabel("我已核对结果：记录后不能撤销").check();
      button(page, "记录结业").click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("已记录结业");
      Reply done = api().get("/api/v1/enrolments/" + enrolled.num("id"), admin());
      assertEquals("COMPLETED", done.str("status"), done.toString());
      assertTrue(
          api().get("/api/v1/jobseekers/" + resident, admin()).list("licences").contains("电工证"),
          "a pass gives the course's licence");
      Browser.screenshot(page, "staff-course-phone");
      assertEquals(404, page.navigate(url("/courses/99999999")).status());
    } finally {
      close(page);
    }
  }
}
