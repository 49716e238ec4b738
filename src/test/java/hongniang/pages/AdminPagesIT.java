package hongniang.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import hongniang.accounts.AccountService;
import hongniang.communities.CommunityRequest;
import hongniang.security.Role;
import hongniang.support.Browser;
import hongniang.support.Browser.Screen;
import hongniang.support.Fixtures;
import hongniang.support.PageTest;
import hongniang.support.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The street office admin's pages in Chromium: an admin suspends a partner unit's agreement and its
 * posting leaves public search (phone and desktop); an expiring agreement is highlighted; a held
 * posting is approved with a reason; a user without the binding their role needs is refused field
 * by field; the index rebuild is asked for first and then shown; a matchmaker meets the friendly
 * 403 page. axe-core finds nothing serious or critical on any page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesIT extends PageTest {

  @Inject AccountService accounts;

  private String admin;
  private long community;
  private String communityName;

  @BeforeAll
  void anAdminAndACommunity() {
    admin = aUser(Role.ADMIN, null);
    communityName = "管理页" + System.nanoTime() % 100_000_000;
    Reply place =
        api().post("/api/v1/communities", new CommunityRequest(communityName, null), admin());
    assertEquals(201, place.status(), place::toString);
    community = place.num("id");
  }

  private static Page.GetByRoleOptions named(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }

  /** The search page for this text shows a link to the posting. */
  private boolean publiclyFound(Page page, String title, long posting) {
    page.navigate(url("/?q=" + Links.encode(title)));
    return page.locator(".hit a[href='/jobs/" + posting + "']").count() > 0;
  }

  /** Reloads the search page until it shows (or no longer shows) the posting, for ten seconds. */
  private void waitUntilFound(Page page, String title, long posting, boolean wanted) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (publiclyFound(page, title, posting) != wanted) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(
            "posting " + posting + (wanted ? " never appeared" : " never left") + " public search");
      }
      page.waitForTimeout(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Screen.class)
  void anAdminSuspendsAnAgreementAndTheUnitsPostingsLeavePublicSearch(Screen screen) {
    String size = screen.name().toLowerCase();
    long unit = aPartner();
    String title = "会展布展员";
    long posting =
        api()
            .post("/api/v1/postings", edit(aPosting(unit)).title(title).build(), admin())
            .num("id");
    eventually(
        () -> api().get("/api/v1/postings/search?partnerUnitId=" + unit, null),
        r -> r.num("total") == 1);
    String unitName = api().get("/api/v1/partners/" + unit, admin()).str("name");
    String number =
        api().get("/api/v1/partners/" + unit + "/agreements", admin()).str("[0].number");
    Page page = open(screen);
    try {
      waitUntilFound(page, title, posting, true);
      signIn(page, admin);
      assertThat(page).hasURL(Pattern.compile(".*/admin$"));
      Browser.assertAccessible(page);
      Browser.screenshot(page, "admin-overview-" + size);

      page.navigate(url("/admin/partners/" + unit));
      assertThat(page.locator("h1")).hasText(unitName);
      assertThat(page.locator(".unit-state")).containsText("合作中");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "admin-partner-" + size);

      page.getByRole(AriaRole.LINK, named("暂停 " + number)).click();
      assertThat(page.locator("h1")).hasText("确定暂停协议 " + number + " 吗？");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "admin-suspend-confirm-" + size);
      page.getByRole(AriaRole.BUTTON, named("确定，暂停协议")).click();
      assertThat(page).hasURL(Pattern.compile(".*/admin/partners/" + unit + "\\?done=suspended$"));
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("协议已暂停");
      assertThat(page.locator(".unit-state")).containsText("已暂停");
      assertThat(page.getByRole(AriaRole.LINK, named("恢复 " + number))).isVisible();
      Browser.assertAccessible(page);
      Browser.screenshot(page, "admin-suspended-" + size);
      assertEquals(
          "SUSPENDED",
          api().get("/api/v1/partners/" + unit + "/agreements", admin()).str("[0].status"));

      // the unit's posting is gone from the public search page
      waitUntilFound(page, title, posting, false);
      Browser.screenshot(page, "admin-suspended-search-" + size);
    } finally {
      close(page);
    }
  }

  @Test
  void anExpiringAgreementIsHighlightedWithTextAndCanBeRenewed() {
    long unit = aUnit();
    Reply signed =
        sign(unit, community, LocalDate.now().minusMonths(11), LocalDate.now().plusDays(10));
    assertEquals(201, signed.status(), signed::toString);
    String unitName = api().get("/api/v1/partners/" + unit, admin()).str("name");
    Page page = open(Screen.DESKTOP);
    try {
      signIn(page, admin);
      page.navigate(url("/admin/partners"));
      Browser.assertAccessible(page);
      page.getByLabel("按单位名称查找").fill(unitName);
      page.getByRole(AriaRole.BUTTON, named("查找")).click();
      var row = page.locator("tbody tr:has(a[href='/admin/partners/" + unit + "'])");
      assertThat(row).hasCount(1);
      assertThat(row).hasClass("state-expiring");
      assertThat(row).containsText("即将到期：");
      assertThat(row).containsText("还剩 10 天");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "admin-partners-expiring");

      page.navigate(url("/admin/partners?show=expiring"));
      assertThat(page.locator("h1")).hasText("即将到期的协议");
      assertThat(page.locator("a[aria-current=page]")).hasText("即将到期的协议");
      Browser.assertAccessible(page);

      // renewing gives new dates, and the highlight goes
      page.navigate(url("/admin/partners/" + unit));
      assertThat(page.locator(".unit-state")).hasClass(Pattern.compile("state-expiring"));
      String number = signed.str("number");
      page.getByRole(AriaRole.LINK, named("续期 " + number)).click();
      Browser.assertAccessible(page);
      page.getByLabel("到期日期").fill("1999-01-01");
      page.getByRole(AriaRole.BUTTON, named("续期")).click();
      assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
      assertThat(page.locator("#f-validUntil-error")).isVisible();
      Browser.assertAccessible(page);
      page.getByLabel("到期日期").fill(LocalDate.now().plusYears(2).toString());
      page.getByRole(AriaRole.BUTTON, named("续期")).click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("协议已续期");
      assertThat(page.locator(".unit-state")).containsText("合作中");
      assertEquals(
          LocalDate.now().plusYears(2).toString(),
          api().get("/api/v1/agreements/" + signed.num("id"), admin()).str("validUntil"));

      // terminating asks first and says it cannot be undone
      page.getByRole(AriaRole.LINK, named("终止 " + number)).click();
      assertThat(page.locator(".problem")).containsText("此操作不能撤销");
      Browser.assertAccessible(page);
      page.getByRole(AriaRole.LINK, named("取消")).click();
      assertEquals(
          "ACTIVE", api().get("/api/v1/agreements/" + signed.num("id"), admin()).str("status"));
    } finally {
      close(page);
    }
  }

  @Test
  void aHeldPostingIsApprovedWithAReason() {
    long unit = aPartner();
    String employer = userToken(Role.EMPLOYER, unit);
    Reply held =
        api()
            .post(
                "/api/v1/postings",
                edit(aPosting(unit)).title("浴场服务员").description("限女性，负责女宾区接待").build(),
                employer);
    assertEquals("REVIEW", held.str("status"), held::toString);
    long id = held.num("id");
    Page page = open(Screen.PHONE);
    try {
      signIn(page, admin);
      page.navigate(url("/admin/held"));
      assertThat(page.locator("h1")).hasText("因审核暂停的岗位");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "admin-held-phone");

      page.navigate(url("/admin/held/" + id));
      assertThat(page.locator(".finding.blocks").first()).containsText("限女性");
      assertThat(page.locator(".finding.blocks").first()).containsText("就业促进法");
      Browser.assertAccessible(page);
      // no reason: refused, the field says why, nothing approved
      page.getByRole(AriaRole.BUTTON, named("批准")).click();
      assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
      assertThat(page.locator("#f-reason-error")).isVisible();
      assertThat(page.locator("#f-reason")).hasAttribute("aria-invalid", "true");
      Browser.assertAccessible(page);
      assertEquals("REVIEW", api().get("/api/v1/postings/" + id, admin()).str("status"));

      page.getByLabel(Pattern.compile("^批准“浴场服务员”的理由")).fill("女宾区浴室服务，涉及隐私，经街道核实");
      page.getByRole(AriaRole.BUTTON, named("批准")).click();
      assertThat(page).hasURL(Pattern.compile(".*/admin/held\\?done=approved$"));
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("已批准");
      Browser.assertAccessible(page);
      Reply approved = api().get("/api/v1/postings/" + id, admin());
      assertEquals("DRAFT", approved.str("status"));
      assertEquals("女宾区浴室服务，涉及隐私，经街道核实", approved.str("review.approval.reason"));
      assertEquals(admin, approved.str("review.approval.approvedBy"));
    } finally {
      close(page);
    }
  }

  @Test
  void aUserWithoutTheBindingTheirRoleNeedsIsRefusedFieldByFieldAndNothingIsStored() {
    String username = "mm" + System.nanoTime() % 1_000_000_000L;
    Page page = open(Screen.DESKTOP);
    try {
      signIn(page, admin);
      page.navigate(url("/admin/users"));
      Browser.assertAccessible(page);
      page.getByRole(AriaRole.LINK, named("新建用户")).click();
      Browser.assertAccessible(page);
      page.getByLabel("用户名").fill(username);
      page.getByLabel("初始密码").fill("secret-password-1");
      page.getByLabel("角色").selectOption("MATCHMAKER");
      page.getByLabel("单位编号（用人单位）").fill("12ab");
      Response refused =
          page.waitForResponse(
              r -> r.url().endsWith("/admin/users/new") && r.request().method().equals("POST"),
              () -> page.getByRole(AriaRole.BUTTON, named("创建用户")).click());
      assertEquals(400, refused.status());
      assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
      assertThat(page.locator("#f-partnerUnitId-error")).isVisible();
      page.getByLabel("单位编号（用人单位）").fill("");
      page.getByLabel("初始密码").fill("secret-password-1");
      refused =
          page.waitForResponse(
              r -> r.url().endsWith("/admin/users/new") && r.request().method().equals("POST"),
              () -> page.getByRole(AriaRole.BUTTON, named("创建用户")).click());
      assertTrue(refused.status() >= 400 && refused.status() < 500, "status " + refused.status());
      assertThat(page.locator("#f-communityId-error")).isVisible();
      assertThat(page.locator("#f-communityId")).hasAttribute("aria-invalid", "true");
      assertThat(page.getByLabel("用户名")).hasValue(username);
      assertThat(page.getByLabel("初始密码")).hasValue("");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "admin-user-refused");
      assertTrue(accounts.find(username).isEmpty(), "nothing stored");

      page.getByLabel("初始密码").fill("secret-password-1");
      page.getByLabel("社区（社区红娘）").selectOption(String.valueOf(community));
      page.getByRole(AriaRole.BUTTON, named("创建用户")).click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("用户已创建");
      assertEquals(community, accounts.find(username).orElseThrow().communityId());
      Browser.assertAccessible(page);

      // the password reset asks first, then shows the new password once
      long id = accounts.find(username).orElseThrow().id();
      page.navigate(url("/admin/users/" + id + "/password"));
      Browser.assertAccessible(page);
      page.getByRole(AriaRole.BUTTON, named("确定，重置密码")).click();
      String password = page.locator(".new-password code").innerText();
      assertEquals(12, password.length());
      Browser.assertAccessible(page);
      assertFalse(api().login(username, password).isEmpty(), "the new password signs in");
    } finally {
      close(page);
    }
  }

  @Test
  void theRebuildButtonAsksFirstAndThenShowsItsProgress() {
    Page page = open(Screen.DESKTOP);
    try {
      signIn(page, admin);
      page.getByRole(AriaRole.BUTTON, named("重建索引")).click();
      assertThat(page).hasURL(Pattern.compile(".*/admin/index/rebuild\\??$"));
      assertThat(page.locator("h1")).hasText("确定要重建搜索索引吗？");
      Browser.assertAccessible(page);
      page.getByRole(AriaRole.BUTTON, named("确定，重建索引")).click();
      assertThat(page).hasURL(Pattern.compile(".*/admin\\?done=rebuildStarted$"));
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("已开始重建");
      assertThat(page.locator(".rebuild-state")).containsText(Pattern.compile("正在重建|上次重建于"));
      Browser.assertAccessible(page);
      long deadline = System.currentTimeMillis() + 60_000;
      while (!page.locator(".rebuild-state").innerText().contains("上次重建于")) {
        assertTrue(System.currentTimeMillis() < deadline, "the rebuild never finished");
        page.waitForTimeout(500);
        page.navigate(url("/admin"));
      }
      Browser.screenshot(page, "admin-rebuilt");
    } finally {
      close(page);
    }
  }

  @Test
  void theOtherAdminPagesWorkAndPassAxe() {
    Page page = open(Screen.PHONE);
    try {
      signIn(page, admin);
      page.navigate(url("/admin/communities"));
      Browser.assertAccessible(page);
      String name = "新社区" + System.nanoTime() % 100_000_000;
      page.getByLabel("社区名称").fill(name);
      page.getByRole(AriaRole.BUTTON, named("添加")).click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("社区已添加");
      page.getByRole(AriaRole.BUTTON, named("添加")).click();
      assertThat(page.locator("#f-name-error")).isVisible();
      Browser.assertAccessible(page);

      page.navigate(url("/admin/partners/new"));
      Browser.assertAccessible(page);
      page.getByLabel("单位名称").fill("页面登记单位");
      page.getByLabel("统一社会信用代码").fill(Fixtures.aCreditCodeWithWrongCheck());
      page.getByRole(AriaRole.BUTTON, named("登记")).click();
      assertThat(page.locator("#f-creditCode-error")).isVisible();
      Browser.assertAccessible(page);
      Browser.screenshot(page, "admin-partner-new-refused-phone");
      page.getByLabel("统一社会信用代码").fill(Fixtures.aCreditCode());
      page.getByRole(AriaRole.BUTTON, named("登记")).click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("单位已登记");
      assertThat(page.locator(".unit-state")).containsText("没有协议");
      page.getByLabel("协议编号").fill("YM-" + System.nanoTime());
      page.getByLabel("签约社区").selectOption(String.valueOf(community));
      page.getByRole(AriaRole.BUTTON, named("签订协议")).click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("协议已签订");
      Browser.assertAccessible(page);

      page.navigate(url("/admin/users?role=MATCHMAKER"));
      assertThat(page.locator("a[aria-current=page]")).hasText("社区红娘");
      Browser.assertAccessible(page);

      page.navigate(url("/admin/audit"));
      Browser.assertAccessible(page);
      page.getByLabel("从（日期）").fill("2026-02-01");
      page.getByLabel("到（日期）").fill("2026-01-01");
      page.getByRole(AriaRole.BUTTON, named("查找")).click();
      assertThat(page.locator("#f-to-error")).isVisible();
      Browser.assertAccessible(page);
      Response bad = page.navigate(url("/admin/audit?from=yesterday"));
      assertEquals(400, bad.status());
      page.navigate(url("/admin/audit?actor=" + admin));
      assertThat(page.locator("h1")).hasText("查阅记录");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "admin-audit-phone");

      // the language switch turns the admin's pages English
      page.navigate(url("/language/en?back=" + Links.encode("/admin")));
      assertThat(page.locator("h1")).hasText("Street office overview");
      assertThat(page.locator("html")).hasAttribute("lang", "en");
      Browser.assertAccessible(page);
      page.navigate(url("/admin/partners?show=expired"));
      assertThat(page.locator("h1")).hasText("Expired agreements");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "admin-expired-en-phone");
      page.navigate(url("/language/zh?back=" + Links.encode("/admin")));

      Response missing = page.navigate(url("/admin/partners/999999999"));
      assertEquals(404, missing.status());
      Response word = page.navigate(url("/admin/held/abc"));
      assertTrue(word.status() == 400 || word.status() == 404, "status " + word.status());
    } finally {
      close(page);
    }
  }

  @Test
  void aMatchmakerOpeningTheAdminPagesGetsTheFriendly403() {
    String matchmaker = aUser(Role.MATCHMAKER, community);
    Page page = open(Screen.PHONE);
    try {
      signIn(page, matchmaker);
      Response response = page.navigate(url("/admin"));
      assertEquals(403, response.status());
      assertThat(page.locator("h1")).hasText("此账号不能访问");
      Browser.assertAccessible(page);
      assertEquals(403, page.navigate(url("/admin/partners")).status());
      assertFalse(page.content().contains("Exception"));
    } finally {
      close(page);
    }
  }
}
