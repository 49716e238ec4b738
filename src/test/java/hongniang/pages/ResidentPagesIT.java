package hongniang.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import hongniang.common.Gender;
import hongniang.communities.CommunityRequest;
import hongniang.security.Role;
import hongniang.support.Browser;
import hongniang.support.Browser.Screen;
import hongniang.support.Fixtures;
import hongniang.support.PageTest;
import hongniang.support.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The resident's pages in Chromium, at a phone's and a desktop's size: a resident signs in, finds a
 * job among "jobs for me" with its reasons and what a certificate would open, says "I'm interested"
 * there and on a posting's page, then sees exactly which employer would get which of their data and
 * consents, and follows the referral to its interview; declines another with a reason (refused
 * first without one, with a note too long, with a NUL); withdraws a consent; pauses and resumes the
 * search; reads their training and who read their record; meets the 404 page for another resident's
 * referral; hears a referral read aloud in elder mode; and reads it all in English. axe-core finds
 * nothing serious on any page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentPagesIT extends PageTest {

  private long community;
  private String communityName;
  private String matchmaker;
  private long unit;
  private String unitName;
  private long cleaning;
  private long homeCare;
  private String licence;
  private final List<Long> opened = new ArrayList<>();

  @BeforeAll
  void aCommunityWithAMatchmakerAndJobs() {
    communityName = "居民页" + System.nanoTime() % 100_000_000;
    Reply place =
        api().post("/api/v1/communities", new CommunityRequest(communityName, null), admin());
    assertEquals(201, place.status(), place::toString);
    community = place.num("id");
    matchmaker = userToken(Role.MATCHMAKER, community);
    unit = aPartner();
    unitName = api().get("/api/v1/partners/" + unit, admin()).str("name");
    cleaning = aPosting(Fixtures.edit(Fixtures.aPosting(unit)).workCommunityId(community).build());
    homeCare =
        aPosting(
            Fixtures.edit(Fixtures.aPosting(unit))
                .workCommunityId(community)
                .title("居家保洁员")
                .build());
    // two cleaning jobs that need a certificate the residents lack: "a ... would open 2 more"
    licence = "保洁上岗证" + System.nanoTime() % 10_000;
    for (int i = 0; i < 2; i++) {
      aPosting(
          Fixtures.edit(Fixtures.aPosting(unit))
              .workCommunityId(community)
              .title("医院保洁员")
              .requiredLicences(List.of(licence))
              .build());
    }
  }

  @AfterAll
  void closeThem() {
    for (long id : opened) {
      api().post("/api/v1/postings/" + id + "/close", Map.of(), admin());
    }
  }

  private long aPosting(hongniang.postings.PostingRequest body) {
    Reply created = api().post("/api/v1/postings", body, admin());
    assertEquals(201, created.status(), created::toString);
    opened.add(created.num("id"));
    return created.num("id");
  }

  /** A seeking resident of the community with a disability note; their id. */
  private long aResident() {
    long id = aResidentOf(Fixtures.anOlderJobseeker(community));
    // the matcher reads the index, which follows the row in the background
    eventually(
        () -> api().get("/api/v1/jobseekers/" + id + "/matches", admin()),
        m -> m.list("matches").stream().anyMatch(h -> postingOf(h) == cleaning));
    return id;
  }

  private static long postingOf(Object hit) {
    return ((Number) ((Map<?, ?>) hit).get("postingId")).longValue();
  }

  private Reply referral(long id) {
    Reply r = api().get("/api/v1/referrals/" + id, admin());
    assertEquals(200, r.status(), r::toString);
    return r;
  }

  /** The resident's only referral to the posting (as the admin sees it). */
  private Reply referralOf(long resident, long posting) {
    Reply list =
        api().get("/api/v1/referrals?jobseekerId=" + resident + "&postingId=" + posting, admin());
    assertEquals(200, list.status(), list::toString);
    assertEquals(1, list.list("items").size(), list::toString);
    return referral(list.num("items[0].id"));
  }

  private long proposed(long resident, long posting) {
    Reply made =
        api()
            .post(
                "/api/v1/referrals",
                Map.of("jobseekerId", resident, "postingId", posting),
                matchmaker);
    assertEquals(201, made.status(), made::toString);
    return made.num("id");
  }

  private Reply move(long referral, Map<String, Object> body) {
    Reply moved = api().post("/api/v1/referrals/" + referral + "/transitions", body, matchmaker);
    assertEquals(200, moved.status(), moved::toString);
    return moved;
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
  }

  private static Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
  }

  private static void look(Page page, String name, Screen screen) {
    Browser.assertAccessible(page);
    Browser.screenshot(page, "resident-" + name + "-" + screen.name().toLowerCase());
  }

  @ParameterizedTest
  @EnumSource(Screen.class)
  void aResidentSaysImInterestedThenConsentsAndFollowsTheReferral(Screen screen) {
    long resident = aResident();
    String username = aUser(Role.RESIDENT, resident);
    Page page = open(screen);
    try {
      // a visitor is told to ask their matchmaker; a signed-in resident gets the button (below)
      page.navigate(url("/jobs/" + homeCare));
      assertThat(page.locator("section.apply")).containsText("请联系您所在社区的红娘");
      assertEquals(0, button(page, "我感兴趣").count());
      signIn(page, username);
      assertThat(page).hasURL(Pattern.compile(".*/me$"));
      assertThat(page.locator("h1")).hasText("李秀英，您好");
      assertThat(page.locator("main")).containsText("您正在找工作");
      look(page, "profile", screen);

      // jobs for me: the cleaning job with its reasons, and what a certificate would open
      link(page, "适合我的岗位").first().click();
      assertThat(page.locator("h1")).hasText("适合我的岗位");
      Locator job =
          page.locator("li.hit")
              .filter(
                  new Locator.FilterOptions()
                      .setHas(page.locator("a[href='/jobs/" + cleaning + "']")));
      assertThat(job).hasCount(1);
      assertThat(job.locator("ul.reasons li").first()).isVisible();
      assertThat(job.locator("ul.reasons")).containsText("保洁员");
      assertThat(page.locator("section.openings")).containsText("有了" + licence + "，还能多找 2 个岗位");
      look(page, "matches", screen);

      job.getByRole(AriaRole.BUTTON).click();
      assertThat(page).hasURL(Pattern.compile(".*/me/matches\\?done=interest$"));
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("红娘会尽快联系您");
      Reply requested = referralOf(resident, cleaning);
      assertEquals("REQUESTED", requested.str("state"));
      assertEquals("RESIDENT", requested.str("origin"));
      long id = requested.num("id");
      // asking twice says so, and makes nothing more
      job.getByRole(AriaRole.BUTTON).click();
      assertThat(page.getByRole(AriaRole.ALERT)).containsText("您已经申请过这个岗位了");
      referralOf(resident, cleaning);

      // "I'm interested" on a posting's page too, for a signed-in resident
      page.navigate(url("/jobs/" + homeCare));
      assertThat(page.locator("section.apply")).not().containsText("请联系您所在社区的红娘");
      button(page, "我感兴趣").click();
      assertThat(page).hasURL(Pattern.compile(".*/me/referrals\\?done=interest$"));
      assertEquals("REQUESTED", referralOf(resident, homeCare).str("state"));
      assertThat(page.locator("table.list")).containsText("居家保洁员");
      assertThat(page.locator("table.list")).containsText("等红娘处理");

      // the matchmaker takes the first up: it waits for the resident's consent
      move(id, Map.of("to", "PROPOSED"));
      page.navigate(url("/me/referrals"));
      Locator waiting = page.locator("article.waiting");
      assertThat(waiting).hasCount(1);
      assertThat(waiting.locator("h3")).containsText(unitName);
      assertThat(waiting).containsText(unitName + "（岗位：小区保洁员）会收到您的这些信息");
      Locator shared = waiting.locator("ul.shared");
      assertThat(shared).containsText("姓名：李秀英");
      assertThat(shared).containsText("电话：13805981234");
      assertThat(shared).containsText("年龄：52 岁");
      assertThat(shared).containsText("技能和证书");
      assertThat(shared).containsText("工作经历：曾在三明纺织厂做挡车工12年");
      assertThat(shared).not().containsText("残疾");
      // disability only if ticked: offered, not ticked
      Locator disability = waiting.getByLabel(Pattern.compile("也给单位看我的残疾情况：左腿轻度残疾"));
      assertThat(disability).not().isChecked();
      assertEquals(0, waiting.getByLabel(Pattern.compile("就业困难类别")).count());
      look(page, "referrals-waiting", screen);

      button(page, "我同意推荐").click();
      assertThat(page).hasURL(Pattern.compile(".*/me/referrals\\?done=consented$"));
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("您已同意");
      Reply consented = referral(id);
      assertEquals("CONSENTED", consented.str("state"));
      assertEquals("ONLINE", consented.str("consent.method"));
      assertFalse(consented.list("consent.fields").contains("DISABILITY"), consented::toString);
      assertTrue(consented.list("consent.fields").contains("PHONE"), consented::toString);
      assertThat(page.locator("article.waiting")).hasCount(0);

      // the referral moves on: sent, and an interview the resident sees with time and place
      move(id, Map.of("to", "SENT"));
      move(
          id,
          Map.of(
              "to",
              "INTERVIEW",
              "interview",
              Map.of(
                  "date", LocalDate.now().plusDays(3).toString(),
                  "time", "09:30",
                  "place", "单位人事部二楼",
                  "contact", "王经理")));
      assertEquals("INTERVIEW", referral(id).str("state"));
      page.navigate(url("/me/referrals"));
      Locator row =
          page.locator("table.list tr").filter(new Locator.FilterOptions().setHasText("小区保洁员"));
      assertThat(row).containsText("约面试");
      assertThat(row).containsText("09:30，在单位人事部二楼");
      look(page, "referrals", screen);

      row.getByRole(AriaRole.LINK).click();
      assertThat(page).hasURL(Pattern.compile(".*/me/referrals/" + id + "$"));
      assertThat(page.locator("h1")).hasText("小区保洁员");
      assertThat(page.locator("dl.facts")).containsText("王经理");
      assertThat(page.locator("ol.history li")).hasCount(5);
      assertThat(page.locator("ol.history")).containsText("居民");
      assertThat(page.locator("ol.history")).containsText("社区红娘");
      look(page, "referral", screen);
    } finally {
      close(page);
    }
  }

  @Test
  void aResidentDeclinesWithAReasonAndABadFormStoresNothing() {
    long resident = aResident();
    String username = aUser(Role.RESIDENT, resident);
    long id = proposed(resident, cleaning);
    Page page = open(Screen.PHONE);
    try {
      signIn(page, username);
      page.navigate(url("/me/referrals"));
      link(page, "不去了").click();
      assertThat(page).hasURL(Pattern.compile(".*/me/referrals/" + id + "/decline$"));
      assertThat(page.locator("h1")).hasText("确定不去了吗？");
      assertThat(page.locator("main")).containsText("此操作不能撤销");
      look(page, "decline", Screen.PHONE);

      // no reason: the service's message beside the choice, nothing stored
      button(page, "确定不去").click();
      assertThat(page.locator("#f-reason-error")).isVisible();
      assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
      assertEquals("PROPOSED", referral(id).str("state"));
      look(page, "decline-refused", Screen.PHONE);

      // "other" needs a note; a note too long is refused with its field's message
      page.getByLabel("其他", new Page.GetByLabelOptions().setExact(true)).check();
      button(page, "确定不去").click();
      assertThat(page.locator("#f-note-error")).isVisible();
      assertThat(page.getByLabel("其他", new Page.GetByLabelOptions().setExact(true))).isChecked();
      page.evaluate("() => document.getElementById('f-note').removeAttribute('maxlength')");
      page.locator("#f-note").fill("太远".repeat(501));
      button(page, "确定不去").click();
      assertThat(page.locator("#f-note-error")).isVisible();
      assertThat(page.locator("#f-note")).hasAttribute("aria-invalid", "true");
      assertEquals("PROPOSED", referral(id).str("state"));

      // a NUL in the note: a 400 with the note's message, nothing stored
      String token = page.locator("input[name=_csrf]").first().inputValue();
      APIResponse nul =
          page.request()
              .post(
                  url("/me/referrals/" + id + "/decline"),
                  RequestOptions.create()
                      .setForm(
                          FormData.create()
                              .set("_csrf", token)
                              .set("reason", "OTHER")
                              .set("note", "a\u0000b"))
                      .setMaxRedirects(0));
      assertEquals(400, nul.status());
      assertTrue(nul.text().contains("不能保存的特殊字符"), nul.text());
      // a reason that is not the resident's (an employer's): refused
      APIResponse employers =
          page.request()
              .post(
                  url("/me/referrals/" + id + "/decline"),
                  RequestOptions.create()
                      .setForm(FormData.create().set("_csrf", token).set("reason", "NO_SHOW"))
                      .setMaxRedirects(0));
      assertEquals(400, employers.status());
      assertEquals("PROPOSED", referral(id).str("state"));

      page.getByLabel("路程太远").check();
      page.locator("#f-note").fill("");
      button(page, "确定不去").click();
      assertThat(page).hasURL(Pattern.compile(".*/me/referrals\\?done=declined$"));
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("您已婉拒");
      Reply declined = referral(id);
      assertEquals("DECLINED_BY_RESIDENT", declined.str("state"));
      List<?> history = declined.list("history");
      assertEquals("DISTANCE", ((Map<?, ?>) history.get(history.size() - 1)).get("reason"));
      assertThat(page.locator("table.list")).containsText("路程太远");
    } finally {
      close(page);
    }
  }

  @Test
  void aResidentWithdrawsTheirConsentAfterAConfirmation() {
    long resident = aResident();
    String username = aUser(Role.RESIDENT, resident);
    long id = proposed(resident, cleaning);
    Page page = open(Screen.DESKTOP);
    try {
      signIn(page, username);
      page.navigate(url("/me/referrals/" + id));
      assertThat(page.locator("h1")).hasText("小区保洁员");
      page.getByLabel(Pattern.compile("也给单位看我的残疾情况")).check();
      button(page, "我同意推荐").click();
      Reply consented = referral(id);
      assertEquals("CONSENTED", consented.str("state"));
      assertTrue(consented.list("consent.fields").contains("DISABILITY"), consented::toString);

      page.navigate(url("/me/referrals/" + id));
      link(page, "撤回同意").click();
      assertThat(page.locator("h1")).hasText("确定要撤回同意吗？");
      assertThat(page.locator("main")).containsText(unitName + "马上就看不到您的信息了");
      look(page, "withdraw", Screen.DESKTOP);
      // cancelling keeps it
      link(page, "不撤回，返回").click();
      assertEquals("CONSENTED", referral(id).str("state"));
      link(page, "撤回同意").click();
      button(page, "确定撤回").click();
      assertThat(page).hasURL(Pattern.compile(".*/me/referrals/" + id + "\\?done=withdrawn$"));
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("您已撤回同意");
      Reply withdrawn = referral(id);
      assertEquals("WITHDRAWN", withdrawn.str("state"));
      assertNotNull(withdrawn.str("consent.withdrawnAt"));
      assertEquals(0, link(page, "撤回同意").count());
      assertThat(page.locator("dl.facts")).containsText("居民撤回同意");
    } finally {
      close(page);
    }
  }

  @Test
  void anotherResidentsReferralIsNotFound() {
    long owner = aResident();
    long id = proposed(owner, homeCare);
    String other = aUser(Role.RESIDENT, aResident());
    Page page = open(Screen.PHONE);
    try {
      signIn(page, other);
      for (String path :
          List.of(
              "/me/referrals/" + id,
              "/me/referrals/" + id + "/decline",
              "/me/referrals/" + id + "/withdraw",
              "/me/referrals/no-such-id",
              "/me/referrals/99999999999")) {
        com.microsoft.playwright.Response shown = page.navigate(url(path));
        assertEquals(404, shown.status(), path);
        assertThat(page.locator("h1")).hasText("没有找到这个页面");
      }
      Browser.assertAccessible(page);
      page.navigate(url("/me/referrals"));
      String token = page.locator("input[name=_csrf]").first().inputValue();
      APIResponse consent =
          page.request()
              .post(
                  url("/me/referrals/" + id + "/consent"),
                  RequestOptions.create()
                      .setForm(FormData.create().set("_csrf", token))
                      .setMaxRedirects(0));
      assertEquals(404, consent.status());
      assertEquals("PROPOSED", referral(id).str("state"));
      assertThat(page.locator("article.waiting")).hasCount(0);
    } finally {
      close(page);
    }
  }

  @Test
  void elderModeReadsAReferralAloud() {
    long resident = aResident();
    String username = aUser(Role.RESIDENT, resident);
    long id = proposed(resident, cleaning);
    Page page = open(Screen.PHONE);
    try {
      page.context()
          .addInitScript(
              "window.__spoken = []; window.speechSynthesis.speak = u => window.__spoken.push("
                  + "{text: u.text, lang: u.lang});");
      signIn(page, username);
      page.navigate(url("/me/referrals/" + id));
      assertEquals(0, page.locator("#read-aloud").count());
      link(page, "长辈版").click();
      assertThat(page.locator("html")).hasClass("elder");
      assertThat(page).hasURL(Pattern.compile(".*/me/referrals/" + id + "$"));
      Locator readAloud = button(page, "朗读这个推荐");
      assertThat(readAloud).isVisible();
      assertEquals(0, page.locator("ol.history").count(), "the main job only: no history");
      String said = Browser.spokenText(page, readAloud);
      assertTrue(said.contains("小区保洁员"), said);
      assertTrue(said.contains(unitName), said);
      look(page, "elder-referral", Screen.PHONE);
    } finally {
      close(page);
    }
  }

  @Test
  void theEnglishSwitchTurnsMyPagesEnglishAndTheSearchPausesAndResumes() {
    long resident = aResident();
    String username = aUser(Role.RESIDENT, resident);
    // a matchmaker reads the profile: the resident sees who
    assertEquals(200, api().get("/api/v1/jobseekers/" + resident, matchmaker).status());
    Page page = open(Screen.DESKTOP);
    try {
      signIn(page, username);
      link(page, "English").click();
      assertThat(page.locator("html")).hasAttribute("lang", "en");
      assertThat(page.locator("h1")).hasText("Hello, 李秀英");
      assertThat(page.locator("main")).containsText("You are looking for work");
      look(page, "profile-en", Screen.DESKTOP);

      link(page, "My training").click();
      assertThat(page.locator("h1")).hasText("My training");
      assertThat(page.locator(".empty")).containsText("ask your matchmaker which courses");
      look(page, "training-empty-en", Screen.DESKTOP);

      page.navigate(url("/me/audit"));
      assertThat(page.locator("h1")).hasText("Who read my record");
      Locator read =
          page.locator("table.list tbody tr")
              .filter(new Locator.FilterOptions().setHasText("read your record"));
      assertThat(read.first()).containsText("Matchmaker");
      look(page, "audit-en", Screen.DESKTOP);

      page.navigate(url("/me/matches"));
      assertThat(page.locator("h1")).hasText("Jobs for me");
      assertThat(page.locator("section.openings"))
          .containsText("A " + licence + " would open 2 more");
      page.navigate(url("/me/referrals"));
      assertThat(page.locator("h1")).hasText("My referrals");
      assertThat(page.locator("main")).containsText("No referral is waiting for your consent.");
      look(page, "referrals-empty-en", Screen.DESKTOP);

      // pause, after a confirmation, then resume
      page.navigate(url("/me"));
      link(page, "Pause my job search").click();
      assertThat(page.locator("h1")).hasText("Pause your job search?");
      look(page, "pause-en", Screen.DESKTOP);
      button(page, "Yes, pause it").click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your job search is paused");
      assertEquals("INACTIVE", api().get("/api/v1/jobseekers/" + resident, admin()).str("status"));
      page.navigate(url("/me/matches"));
      assertThat(page.locator(".empty")).containsText("Your job search is paused");
      page.navigate(url("/me"));
      button(page, "Resume my job search").click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your job search is back on");
      assertEquals("SEEKING", api().get("/api/v1/jobseekers/" + resident, admin()).str("status"));
    } finally {
      close(page);
    }
  }

  @Test
  void aResidentReadsTheirTraining() {
    long resident = aResident();
    String username = aUser(Role.RESIDENT, resident);
    Reply course = api().post("/api/v1/courses", Fixtures.aCourse(), admin());
    assertEquals(201, course.status(), course::toString);
    Reply enrolled =
        api()
            .post(
                "/api/v1/courses/" + course.num("id") + "/enrolments",
                Map.of("jobseekerId", resident),
                admin());
    assertEquals(201, enrolled.status(), enrolled::toString);
    Page page = open(Screen.PHONE);
    try {
      signIn(page, username);
      link(page, "我的培训").click();
      assertThat(page.locator("h1")).hasText("我的培训");
      Locator item = page.locator("li.hit");
      assertThat(item).hasCount(1);
      assertThat(item).containsText("维修电工培训");
      assertThat(item).containsText("已报名");
      assertThat(item).containsText("电工证");
      look(page, "training", Screen.PHONE);

      page.navigate(url("/me/audit"));
      assertThat(page.locator("table.list")).containsText("为您登记了信息");
      look(page, "audit", Screen.PHONE);
    } finally {
      close(page);
    }
  }

  @ParameterizedTest
  @EnumSource(Screen.class)
  void aResidentChangesTheirPhoneAndWishesAndABadValueStoresNothing(Screen screen) {
    long resident = aResident();
    String username = aUser(Role.RESIDENT, resident);
    Reply before = api().get("/api/v1/jobseekers/" + resident + "?reveal=true", admin());
    Page page = open(screen);
    try {
      signIn(page, username);
      link(page, "修改电话和求职意向").click();
      assertThat(page.locator("h1")).hasText("修改电话和求职意向");
      look(page, "edit", screen);
      // letters in the wage and a short phone: each field says so, nothing is stored
      page.getByLabel("电话").fill("12");
      page.getByLabel("能接受的最低月工资（元）").fill("三千");
      button(page, "保存").click();
      assertThat(page.locator("#f-minWage-error")).containsText("只填数字");
      assertThat(page.getByLabel("能接受的最低月工资（元）")).hasAttribute("aria-invalid", "true");
      page.getByLabel("能接受的最低月工资（元）").fill("3200");
      button(page, "保存").click();
      assertThat(page.locator("#f-phone-error")).isVisible();
      Browser.assertAccessible(page);
      Reply unchanged = api().get("/api/v1/jobseekers/" + resident + "?reveal=true", admin());
      assertEquals(before.str("phone"), unchanged.str("phone"));
      assertEquals(before.num("version"), unchanged.num("version"));

      page.getByLabel("电话").fill("13912345678");
      page.getByLabel("想做的工作").fill("保安员、保洁员");
      page.getByLabel("愿意到本区以外工作").check();
      button(page, "保存").click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("已保存");
      Reply after = api().get("/api/v1/jobseekers/" + resident + "?reveal=true", admin());
      assertEquals("13912345678", after.str("phone"));
      assertEquals(List.of("保安员", "保洁员"), after.list("desiredOccupations"));
      assertEquals(3200, after.num("minWage"));
      assertEquals(true, after.at("willingOutside"));

      // the matchmaker changes the profile meanwhile: the resident's older form does not win
      link(page, "修改电话和求职意向").click();
      Reply staff =
          api()
              .put(
                  "/api/v1/jobseekers/" + resident,
                  Fixtures.edit(Fixtures.aJobseeker(community))
                      .idNumber(null)
                      .gender(Gender.FEMALE)
                      .birthYear(LocalDate.now().getYear() - 52)
                      .phone("13800000001")
                      .build(),
                  admin());
      assertEquals(200, staff.status(), staff::toString);
      page.getByLabel("能接受的最低月工资（元）").fill("9999");
      button(page, "保存").click();
      assertThat(page.getByRole(AriaRole.ALERT)).containsText("刚被修改过");
      assertEquals(
          "13800000001",
          api().get("/api/v1/jobseekers/" + resident + "?reveal=true", admin()).str("phone"));
    } finally {
      close(page);
    }
  }
}
