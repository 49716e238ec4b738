package hongniang.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import hongniang.common.Gender;
import hongniang.jobseekers.JobseekerRequest;
import hongniang.postings.PostingStatus;
import hongniang.security.Role;
import hongniang.support.Browser;
import hongniang.support.Browser.Screen;
import hongniang.support.Fixtures;
import hongniang.support.PageTest;
import hongniang.support.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The employer's pages in Chromium: a posting written with a discriminatory phrase, underlined by
 * "Check wording" with its reason and a better wording, fixed, saved and opened; later a referred
 * candidate invited to an interview and hired. Plus the screening while typing (htmx, with its CSRF
 * header), a stale edit refused politely, another unit's posting as the friendly 404, and hostile
 * input refused field by field with nothing stored. axe-core checks every page on the way.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmployerPagesIT extends PageTest {

  private static final Pattern POSTING_URL = Pattern.compile(".*/unit/postings/(\\d+)\\?done=.*");

  /** A unit whose agreement ends in ten days: its page warns of it. */
  private long aPartnerEndingSoon() {
    long unit = aUnit();
    Reply signed = sign(unit, 4, LocalDate.now().minusMonths(11), LocalDate.now().plusDays(10));
    assertEquals(201, signed.status(), signed::toString);
    return unit;
  }

  /** Fills the form's required fields but the title, for work in community 1. */
  private static void fillTheRest(Page page, String wage) {
    page.locator("#f-occupation").fill("保洁员");
    page.locator("#f-headcount").fill("1");
    page.locator("#f-wageMin").fill(wage);
    page.locator("#f-wageMax").fill("2800");
    page.locator("#f-workCommunityId").selectOption("1");
  }

  private static String suffix(Screen screen) {
    return screen.name().toLowerCase();
  }

  @ParameterizedTest
  @EnumSource(Screen.class)
  void anEmployerWritesAPostingFixesItsWordingOpensItAndHiresACandidate(Screen screen) {
    long unit = aPartnerEndingSoon();
    String employer = aUser(Role.EMPLOYER, unit);
    Page page = open(screen);
    try {
      signIn(page, employer);
      assertThat(page).hasURL(Pattern.compile(".*/unit$"));
      assertThat(page.locator("h1")).hasText("本单位的岗位");
      assertThat(page.locator(".agreement")).containsText("还有 10 天到期");
      assertThat(page.locator(".empty")).containsText("还没有岗位");
      assertThat(page.locator("nav.tabs a[aria-current=page]")).hasText("全部");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "unit-empty-" + suffix(screen));

      page.locator(".empty a").click();
      assertThat(page).hasURL(Pattern.compile(".*/unit/postings/new$"));
      page.locator("#f-title").fill("车间保洁员（限女性）");
      page.locator("#f-description").fill("负责车间地面和办公区的清洁。");
      fillTheRest(page, "2200");
      Browser.assertAccessible(page);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查用词")).click();
      assertThat(page.locator("#findings mark.finding")).hasText("限女性");
      assertThat(page.locator("ul.findings")).containsText("性别");
      assertThat(page.locator("ul.findings")).containsText("就业促进法");
      assertThat(page.locator("ul.findings")).containsText("删除性别限制");
      // what was typed is still there
      assertThat(page.locator("#f-occupation")).hasValue("保洁员");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "unit-posting-findings-" + suffix(screen));

      page.locator("#f-title").fill("车间保洁员");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查用词")).click();
      assertThat(page.locator("#findings")).containsText("没有发现");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("存为草稿")).click();
      assertThat(page).hasURL(POSTING_URL);
      Matcher m = POSTING_URL.matcher(page.url());
      assertTrue(m.matches());
      long posting = Long.parseLong(m.group(1));
      assertThat(page.locator(".notice")).containsText("存为草稿");
      assertEquals("DRAFT", api().get("/api/v1/postings/" + posting, admin()).str("status"));
      Browser.assertAccessible(page);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开放招聘")).click();
      assertThat(page.locator(".notice")).containsText("岗位已开放招聘");
      assertEquals("OPEN", api().get("/api/v1/postings/" + posting, admin()).str("status"));
      Browser.assertAccessible(page);
      Browser.screenshot(page, "unit-posting-open-" + suffix(screen));

      page.navigate(url("/unit?status=OPEN"));
      assertThat(page.locator("nav.tabs a[aria-current=page]")).hasText("招聘中");
      assertThat(page.locator("table.list tbody tr")).hasCount(1);
      assertThat(page.locator("table.list")).containsText("车间保洁员");
      assertThat(page.locator("table.list")).containsText("还差 1 人");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "unit-postings-" + suffix(screen));

      // later: a matchmaker refers a resident, who consents; the referral is sent to the unit
      long referral = aSentReferral(posting);
      page.navigate(url("/unit/referrals"));
      assertThat(page.locator("table.list")).containsText("李秀英");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "unit-candidates-" + suffix(screen));
      page.locator("table.list a").first().click();
      assertThat(page).hasURL(Pattern.compile(".*/unit/referrals/" + referral + "$"));
      assertThat(page.locator("dl.facts").first()).containsText("13805981234");
      Browser.assertAccessible(page);

      page.locator("#f-date").fill(LocalDate.now().plusDays(3).toString());
      page.locator("#f-time").fill("09:30");
      page.locator("#f-place").fill("单位人事部 2 楼");
      page.locator("#f-contact").fill("王经理 0598-1234567");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存面试安排")).click();
      assertThat(page.locator(".notice")).containsText("面试安排已保存");
      assertEquals("INTERVIEW", api().get("/api/v1/referrals/" + referral, admin()).str("state"));

      // a hire without its confirmation is asked for it, and nothing is recorded
      page.locator("#f-startDate").fill(LocalDate.now().plusDays(7).toString());
      page.locator("#f-monthlyWage").fill("2500");
      page.locator("#f-confirmHire").evaluate("e => e.removeAttribute('required')");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("记录录用")).click();
      assertThat(page.locator("#f-confirmHire-error")).containsText("请勾选确认");
      assertEquals("INTERVIEW", api().get("/api/v1/referrals/" + referral, admin()).str("state"));
      Browser.assertAccessible(page);

      page.locator("#f-startDate").fill(LocalDate.now().plusDays(7).toString());
      page.locator("#f-monthlyWage").fill("2500");
      page.locator("#f-confirmHire").check();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("记录录用")).click();
      assertThat(page.locator(".notice")).containsText("已记录录用");
      assertEquals("HIRED", api().get("/api/v1/referrals/" + referral, admin()).str("state"));
      Browser.assertAccessible(page);
      Browser.screenshot(page, "unit-candidate-hired-" + suffix(screen));
    } finally {
      close(page);
    }
  }

  /** A resident of community 1 referred to the posting, consenting, the referral sent. */
  private long aSentReferral(long posting) {
    String matchmaker = userToken(Role.MATCHMAKER, 1L);
    JobseekerRequest resident =
        Fixtures.edit(Fixtures.aJobseeker(1))
            .idNumber(null)
            .gender(Gender.FEMALE)
            .birthYear(LocalDate.now().getYear() - 52)
            .build();
    Reply created = api().post("/api/v1/jobseekers", resident, admin());
    assertEquals(201, created.status(), created::toString);
    Reply referred =
        api()
            .post(
                "/api/v1/referrals",
                Map.of("jobseekerId", created.num("id"), "postingId", posting),
                matchmaker);
    assertEquals(201, referred.status(), referred::toString);
    long id = referred.num("id");
    Reply consented =
        api()
            .post(
                "/api/v1/referrals/" + id + "/consent",
                Map.of("method", "PAPER_FORM", "reference", "表 2026-118"),
                matchmaker);
    assertEquals(200, consented.status(), consented::toString);
    Reply sent =
        api().post("/api/v1/referrals/" + id + "/transitions", Map.of("to", "SENT"), matchmaker);
    assertEquals(200, sent.status(), sent::toString);
    return id;
  }

  @Test
  void theWordingIsScreenedWhileTypingWithTheFormsToken() {
    long unit = aPartner();
    Page page = open(Screen.DESKTOP);
    try {
      signIn(page, aUser(Role.EMPLOYER, unit));
      page.navigate(url("/unit/postings/new?template=cleaner"));
      assertThat(page.locator("#f-title")).hasValue("小区保洁员");
      assertThat(page.locator("#f-occupation")).hasValue("保洁员");
      // the ready text is clean
      assertThat(page.locator("#findings")).containsText("没有发现");
      Browser.assertAccessible(page);
      page.locator("#f-description").fill("");
      Request screened =
          page.waitForRequest(
              "**/unit/postings/screen",
              () -> page.locator("#f-description").pressSequentially("仅限35岁以下，限男性"));
      String token = screened.headerValue("x-csrf-token");
      assertTrue(token != null && !token.isBlank(), "the htmx request carries the form token");
      assertEquals(page.locator("input[name=_csrf]").first().inputValue(), token);
      assertThat(page.locator("#findings mark.finding").first()).isVisible();
      assertThat(page.locator("#findings ul.findings")).containsText("年龄");
      assertThat(page.locator("#findings ul.findings")).containsText("性别");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "unit-posting-typing-desktop");
      // in English, the form and the findings are English; in elder mode, the ready texts go
      page.navigate(url("/language/en?back=%2Funit%2Fpostings%2Fnew%3Ftemplate%3Dguard"));
      assertThat(page.locator("h1")).hasText("Write a new posting");
      page.locator("#f-title").fill("Security guard, men only (限男性)");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check wording")).click();
      assertThat(page.locator("#findings mark.finding")).hasText("限男性");
      assertThat(page.locator("ul.findings")).containsText("Gender");
      assertThat(page.locator("ul.findings")).containsText("Employment Promotion Law");
      Browser.assertAccessible(page);
      page.navigate(url("/elder/on?back=%2Funit%2Fpostings%2Fnew"));
      assertThat(page.locator("nav.templates")).hasCount(0);
      assertThat(page.locator("#f-title")).isVisible();
      // the fragment alone, without its token, is refused
      assertEquals(
          403,
          page.request()
              .post(
                  url("/unit/postings/screen"),
                  com.microsoft.playwright.options.RequestOptions.create()
                      .setForm(
                          com.microsoft.playwright.options.FormData.create().set("title", "限男性")))
              .status());
    } finally {
      close(page);
    }
  }

  @Test
  void aHeldPostingSaysWhyAndWhatToChange() {
    long unit = aPartner();
    Reply held =
        api()
            .post(
                "/api/v1/postings",
                Fixtures.edit(Fixtures.aPosting(unit)).title("保洁员（限女性）").build(),
                admin());
    assertEquals(201, held.status(), held::toString);
    assertEquals("REVIEW", held.str("status"));
    long id = held.num("id");
    Page page = open(Screen.PHONE);
    try {
      signIn(page, aUser(Role.EMPLOYER, unit));
      page.navigate(url("/unit?status=REVIEW"));
      assertThat(page.locator("table.list tbody tr")).hasCount(1);
      page.locator("table.list a").first().click();
      assertThat(page.locator(".held")).containsText("不合规用词");
      assertThat(page.locator("mark.finding")).hasText("限女性");
      assertThat(page.locator("ul.findings")).containsText("删除性别限制");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "unit-posting-held-phone");
      // opening it is refused with the reason, and it stays held
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开放招聘")).click();
      assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
      assertEquals("REVIEW", api().get("/api/v1/postings/" + id, admin()).str("status"));
      Browser.assertAccessible(page);
    } finally {
      close(page);
    }
  }

  @Test
  void aStaleEditIsRefusedPolitely() {
    long unit = aPartner();
    long draft = aDraft(unit);
    Page page = open(Screen.PHONE);
    try {
      signIn(page, aUser(Role.EMPLOYER, unit));
      page.navigate(url("/unit/postings/" + draft + "/edit"));
      assertThat(page.locator("#f-title")).hasValue("小区保洁员");
      Reply changed =
          api()
              .put(
                  "/api/v1/postings/" + draft,
                  Fixtures.edit(Fixtures.aDraftPosting(unit)).title("有人改过的标题").build(),
                  admin());
      assertEquals(200, changed.status(), changed::toString);
      page.locator("#f-title").fill("我改的标题");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存修改")).click();
      assertThat(page.getByRole(AriaRole.ALERT)).containsText("有人在您之后修改了这个岗位");
      assertThat(page.locator("#f-title")).hasValue("我改的标题");
      assertEquals("有人改过的标题", api().get("/api/v1/postings/" + draft, admin()).str("title"));
      Browser.assertAccessible(page);
      Browser.screenshot(page, "unit-posting-conflict-phone");

      // reloaded, the edit goes through; closing asks first
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("重新打开，看最新内容")).click();
      assertThat(page.locator("#f-title")).hasValue("有人改过的标题");
      page.locator("#f-title").fill("我改的标题");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存修改")).click();
      assertThat(page.locator(".notice")).containsText("修改已保存");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("关闭岗位")).click();
      assertThat(page.locator("h1")).hasText("确定要关闭这个岗位吗？");
      Browser.assertAccessible(page);
      assertEquals("DRAFT", api().get("/api/v1/postings/" + draft, admin()).str("status"));
      // changed again meanwhile: the close is refused politely too
      Reply again =
          api()
              .put(
                  "/api/v1/postings/" + draft,
                  Fixtures.edit(Fixtures.aDraftPosting(unit)).title("又改了一次").build(),
                  admin());
      assertEquals(200, again.status(), again::toString);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确定关闭")).click();
      assertThat(page.getByRole(AriaRole.ALERT)).containsText("有人在您之后修改了这个岗位");
      assertEquals("DRAFT", api().get("/api/v1/postings/" + draft, admin()).str("status"));
      Browser.assertAccessible(page);
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("重新打开，看最新内容")).click();
      assertThat(page.locator("h1")).hasText("又改了一次");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("关闭岗位")).click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确定关闭")).click();
      assertThat(page.locator(".notice")).containsText("岗位已关闭");
      assertEquals("CLOSED", api().get("/api/v1/postings/" + draft, admin()).str("status"));
    } finally {
      close(page);
    }
  }

  @Test
  void anotherUnitsPostingOrReferralIsNotFound() {
    long unit = aPartner();
    long others = anOpenPosting(aPartner());
    Page page = open(Screen.DESKTOP);
    try {
      signIn(page, aUser(Role.EMPLOYER, unit));
      for (String path :
          new String[] {
            "/unit/postings/" + others,
            "/unit/postings/" + others + "/edit",
            "/unit/postings/new?copy=" + others,
            "/unit/postings/abc",
            "/unit/referrals/99999999999",
          }) {
        Response r = page.navigate(url(path));
        assertEquals(404, r.status(), path);
        assertThat(page.locator("h1")).hasText("没有找到这个页面");
      }
      Browser.assertAccessible(page);
      page.navigate(url("/unit/referrals"));
      assertThat(page.locator(".empty")).containsText("还没有推荐给本单位的人选");
      Browser.assertAccessible(page);
      // nothing of the other unit's is shown on this unit's page
      page.navigate(url("/unit"));
      assertFalse(page.locator("main").innerText().contains("小区保洁员"));
    } finally {
      close(page);
    }
  }

  @Test
  void hostileInputGetsFieldMessagesAndNothingIsStored() {
    long unit = aPartner();
    Page page = open(Screen.DESKTOP);
    try {
      signIn(page, aUser(Role.EMPLOYER, unit));
      page.navigate(url("/unit/postings/new"));
      page.locator("#f-title").evaluate("e => { e.removeAttribute('maxlength'); }");
      page.locator("#f-title").fill("保".repeat(10_000));
      fillTheRest(page, "三千元");
      Response refused =
          page.waitForResponse(
              r -> r.url().endsWith("/unit/postings") && r.request().method().equals("POST"),
              () ->
                  page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("存为草稿"))
                      .click());
      assertTrue(refused.status() >= 400 && refused.status() < 500, "" + refused.status());
      assertThat(page.locator("#f-wageMin-error")).containsText("请只填写数字");
      assertThat(page.locator("#f-title-error")).isVisible();
      assertThat(page.locator("#f-title")).hasAttribute("aria-invalid", "true");
      assertThat(page.locator("#problem")).isVisible();
      Browser.assertAccessible(page);
      Browser.screenshot(page, "unit-posting-hostile-desktop");
      Reply list = api().get("/api/v1/postings?partnerUnitId=" + unit, admin());
      assertEquals(0, list.num("totalItems"), list::toString);
      assertEquals(
          0,
          api()
              .get(
                  "/api/v1/postings?partnerUnitId=" + unit + "&status=" + PostingStatus.DRAFT,
                  admin())
              .num("totalItems"));
    } finally {
      close(page);
    }
  }
}
