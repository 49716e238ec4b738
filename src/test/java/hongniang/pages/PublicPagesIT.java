package hongniang.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import hongniang.communities.CommunityRequest;
import hongniang.postings.PostingRequest;
import hongniang.support.ApiTest;
import hongniang.support.Browser;
import hongniang.support.Browser.Screen;
import hongniang.support.Fixtures;
import hongniang.support.Reply;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pages for everyone, in Debian's Chromium at a phone's and a desktop's size: a resident finds
 * cleaning work by typing pinyin, opens a posting with its schema.org data, switches to English,
 * and meets a friendly page for a posting that is gone; axe-core finds nothing serious on any.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesIT extends ApiTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;

  private long unit;
  private long posting;
  private String community;

  @BeforeAll
  void aCleaningPosting() {
    unit = aPartner();
    community = "页面" + System.nanoTime() % 100_000_000;
    Reply place = api().post("/api/v1/communities", new CommunityRequest(community, null), admin());
    assertEquals(201, place.status(), place::toString);
    PostingRequest body =
        Fixtures.edit(Fixtures.aPosting(unit))
            .workCommunityId(place.num("id"))
            .title("医院保洁员")
            .description("负责病房和走廊的清洁消毒 <script>alert(1)</script>")
            .wageMin(2600)
            .wageMax(3100)
            .accommodation(true)
            .build();
    Reply created = api().post("/api/v1/postings", body, admin());
    assertEquals(201, created.status(), created::toString);
    posting = created.num("id");
    eventually(
        () -> api().get("/api/v1/postings/search?q=baojie&partnerUnitId=" + unit, admin()),
        r -> r.num("total") == 1);
  }

  @AfterAll
  void closeIt() {
    api().post("/api/v1/postings/" + posting + "/close", Map.of(), admin());
  }

  private String url(String path) {
    return server.getURL() + path;
  }

  @ParameterizedTest
  @EnumSource(Screen.class)
  void aResidentFindsCleaningWorkByTypingPinyinAndOpensIt(Screen screen) throws IOException {
    try (BrowserContext context = Browser.get().context(screen)) {
      Page page = context.newPage();
      Response home = page.navigate(url("/"));
      assertEquals(200, home.status());
      assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
      Browser.assertAccessible(page);

      // typing pinyin brings suggestions under the box (htmx), each a search of its own
      page.getByLabel("职位、技能或单位").pressSequentially("baoj");
      Locator suggestion =
          page.locator(".suggestion-list a", new Page.LocatorOptions().setHasText("保洁"));
      assertThat(suggestion.first()).isVisible();
      assertThat(page.locator("#suggestions")).containsText("个提示");
      assertTrue(suggestion.first().getAttribute("href").startsWith("/?q="));
      Browser.assertAccessible(page);
      Browser.screenshot(page, "search-suggestions-" + screen.name().toLowerCase());

      page.getByLabel("职位、技能或单位").fill("baojie");
      page.getByLabel("职位、技能或单位").press("Enter");
      assertThat(page.locator("#results-heading")).containsText("个岗位");
      assertTrue(page.locator(".hit h3 a").first().innerText().contains("保洁"));
      // filters are labelled, never bare ids
      for (String choice : page.locator(".filters a").allInnerTexts()) {
        assertFalse(choice.matches("\\d+ \\(.*"), "a filter shows an id: " + choice);
      }
      // a phone shows the results first, a desktop the filters to their left
      var results = page.locator(".results").boundingBox();
      var filters = page.locator(".filters").boundingBox();
      if (screen == Screen.PHONE) {
        assertTrue(results.y < filters.y, "filters above the results on a phone");
      } else {
        assertTrue(filters.x < results.x && filters.y < results.y + results.height);
      }
      Browser.assertAccessible(page);
      Browser.screenshot(page, "search-baojie-" + screen.name().toLowerCase());

      // the results can be read newest first or by pay, from the first page
      page.locator("nav.sort a", new Page.LocatorOptions().setHasText("工资最高")).click();
      assertThat(page.locator("nav.sort [aria-current=true]")).hasText("工资最高");
      assertTrue(page.url().contains("sort=wage"), page.url());
      assertTrue(page.locator(".hit h3 a").first().innerText().contains("保洁"));

      // the community filter narrows to the one cleaning job there
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(community + " (1)"))
          .click();
      assertThat(page.locator("#results-heading")).hasText("共找到 1 个岗位");
      assertThat(page.locator(".filters [aria-current=true]")).containsText(community);
      Locator titles = page.locator(".hit h3 a");
      assertEquals(List.of("医院保洁员"), titles.allInnerTexts());
      titles.first().click();
      assertEquals(url("/jobs/" + posting), page.url());
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("医院保洁员");
      assertThat(page.locator("dl.facts")).containsText("2,600–3,100 元/月");
      assertThat(page.locator(".description")).containsText("<script>alert(1)</script>");
      assertThat(page.locator(".apply")).containsText("社区的红娘");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "posting-" + screen.name().toLowerCase());

      Map<?, ?> ld =
          json.readValue(
              page.locator("script[type='application/ld+json']").textContent(), Map.class);
      assertEquals("JobPosting", ld.get("@type"));
      assertEquals("医院保洁员", ld.get("title"));
      assertEquals(false, ld.get("directApply"));
      assertEquals(List.of("FULL_TIME"), ld.get("employmentType"));
      Map<?, ?> salary = (Map<?, ?>) ld.get("baseSalary");
      assertEquals("CNY", salary.get("currency"));
      assertEquals(2600, ((Number) ((Map<?, ?>) salary.get("value")).get("minValue")).intValue());
      assertEquals(
          Map.of(
              "@type",
              "Organization",
              "name",
              api().get("/api/v1/partners/" + unit, admin()).str("name")),
          ld.get("hiringOrganization"));
      assertTrue(((String) ld.get("validThrough")).endsWith("T23:59:59+08:00"));
    }
  }

  @ParameterizedTest
  @EnumSource(Screen.class)
  void theLanguageSwitchTurnsThePagesEnglishAndIsRemembered(Screen screen) {
    try (BrowserContext context = Browser.get().context(screen)) {
      Page page = context.newPage();
      page.navigate(url("/?q=%E4%BF%9D%E6%B4%81"));
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
      assertThat(page.locator("html")).hasAttribute("lang", "en");
      assertThat(page.getByLabel("Job, skill or employer")).hasValue("保洁");
      assertThat(page.locator("#results-heading")).containsText("jobs found");
      Browser.screenshot(page, "search-english-" + screen.name().toLowerCase());

      page.navigate(url("/jobs/" + posting));
      assertThat(page.locator("dl.facts")).containsText("Pay");
      assertThat(page.locator("dl.facts")).containsText("¥2,600–3,100 a month");
      Browser.assertAccessible(page);

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("中文")).click();
      assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
      assertThat(page.locator("dl.facts")).containsText("工资");
    }
  }

  @ParameterizedTest
  @EnumSource(Screen.class)
  void aPostingThatIsGoneIsAFriendlyPage(Screen screen) {
    try (BrowserContext context = Browser.get().context(screen)) {
      Page page = context.newPage();
      for (String path : List.of("/jobs/999999999", "/jobs/abc", "/jobs/" + aDraft(unit))) {
        Response gone = page.navigate(url(path));
        assertEquals(404, gone.status(), path);
        assertThat(page.locator("h1")).hasText("没有找到这个页面");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("回到找工作首页")))
            .isVisible();
      }
      Browser.assertAccessible(page);
      Browser.screenshot(page, "not-found-" + screen.name().toLowerCase());
    }
  }

  @ParameterizedTest
  @EnumSource(Screen.class)
  void theKeyboardReachesTheSkipLinkFirstAndNothingEmptyIsShownBlank(Screen screen) {
    try (BrowserContext context = Browser.get().context(screen)) {
      Page page = context.newPage();
      page.navigate(url("/?q=" + "zzqqxx"));
      page.keyboard().press("Tab");
      assertEquals("跳到正文", page.evaluate("() => document.activeElement.textContent"));
      assertThat(page.locator(".empty")).containsText("请社区红娘帮您找");
    }
  }

  /**
   * Elder mode, measured in the browser: body text at least 18 px with line spacing at least 1.3,
   * every link, button and box at least 60 px high, the search without its filters, remembered from
   * page to page, and "read aloud" on a posting, by keyboard alone, in Chinese.
   */
  @ParameterizedTest
  @EnumSource(Screen.class)
  void elderModeGivesLargerTextAndTargetsAndReadsAPostingAloud(Screen screen) {
    try (BrowserContext context = Browser.get().context(screen)) {
      // the speech the page asks for, recorded instead of spoken
      context.addInitScript(
          "window.__spoken = []; window.speechSynthesis.speak = u => window.__spoken.push("
              + "{text: u.text, lang: u.lang});");
      Page page = context.newPage();
      page.navigate(url("/?q=%E4%BF%9D%E6%B4%81"));
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("长辈版")).click();
      assertThat(page.locator("html")).hasClass("elder");
      assertEquals(0, page.locator(".filters").count(), "the main job only: no filters");
      assertElderSizes(page);
      Browser.assertAccessible(page);
      Browser.screenshot(page, "elder-search-" + screen.name().toLowerCase());

      page.navigate(url("/jobs/" + posting));
      assertThat(page.locator("html")).hasClass("elder");
      assertElderSizes(page);
      Locator readAloud =
          page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("朗读这个岗位"));
      assertThat(readAloud).isVisible();
      String said = Browser.spokenText(page, readAloud);
      assertTrue(said.contains("医院保洁员"), said);
      assertTrue(said.contains("2,600–3,100 元/月"), said);
      Browser.assertAccessible(page);
      Browser.screenshot(page, "elder-posting-" + screen.name().toLowerCase());

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("标准版")).click();
      assertThat(page.locator("html")).not().hasClass("elder");
      assertEquals(0, page.locator("#read-aloud").count());
    }
  }

  private static void assertElderSizes(Page page) {
    Map<?, ?> body =
        (Map<?, ?>)
            page.evaluate(
                "() => { const s = getComputedStyle(document.body); return {size:"
                    + " parseFloat(s.fontSize), line: parseFloat(s.lineHeight)}; }");
    double size = ((Number) body.get("size")).doubleValue();
    assertTrue(size >= 18, "body text " + size + " px");
    assertTrue(((Number) body.get("line")).doubleValue() / size >= 1.3, "line spacing " + body);
    List<?> small =
        (List<?>)
            page.evaluate(
                "() => [...document.querySelectorAll('a, button, input')]"
                    + ".filter(e => e.offsetParent !== null && !e.classList.contains('skip'))"
                    + ".filter(e => e.getBoundingClientRect().height < 60)"
                    + ".map(e => e.tagName + ' ' + (e.textContent || e.name).trim() + ' '"
                    + " + e.getBoundingClientRect().height)");
    assertEquals(List.of(), small, "touch targets under 60 px");
    List<?> text =
        (List<?>)
            page.evaluate(
                "() => [...document.querySelectorAll('main p, main dd, main dt, main li')]"
                    + ".filter(e => parseFloat(getComputedStyle(e).fontSize) < 18)"
                    + ".map(e => e.textContent.trim().slice(0, 20))");
    assertEquals(List.of(), text, "text under 18 px");
  }

  @org.junit.jupiter.api.Test
  void theSitemapListsThePublicPostingsAndRobotsPointToIt() throws Exception {
    long draft = aDraft(unit);
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> sitemap =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/sitemap.xml"))).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, sitemap.statusCode());
    assertTrue(
        sitemap.headers().firstValue("content-type").orElse("").startsWith("application/xml"));
    String base = "http://localhost:" + server.getPort();
    assertTrue(
        sitemap.body().contains("<loc>" + base + "/jobs/" + posting + "</loc>"), sitemap.body());
    assertFalse(sitemap.body().contains("/jobs/" + draft + "<"), "a draft is listed");
    java.net.http.HttpResponse<String> robots =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/robots.txt"))).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertTrue(robots.body().contains("Sitemap: " + base + "/sitemap.xml"), robots.body());
    assertTrue(robots.body().contains("Disallow: /api/"), robots.body());
  }

  @org.junit.jupiter.api.Test
  void aLanguageSwitchOnlyGoesBackWithinTheSite() {
    assertEquals("/", Switches.localPath("//evil.example/x"));
    assertEquals("/", Switches.localPath("https://evil.example/"));
    assertEquals("/", Switches.localPath("/\\evil.example"));
    assertEquals("/jobs/3?q=a", Switches.localPath("/jobs/3?q=a"));
  }

  @org.junit.jupiter.api.Test
  void aLongListOfResultsIsReadPageByPage() {
    Reply place =
        api()
            .post(
                "/api/v1/communities",
                new CommunityRequest("翻页" + System.nanoTime() % 100_000_000, null),
                admin());
    long where = place.num("id");
    List<Long> made = new java.util.ArrayList<>();
    for (int i = 0; i < SearchPage.SIZE + 1; i++) {
      Reply created =
          api()
              .post(
                  "/api/v1/postings",
                  Fixtures.edit(Fixtures.aPosting(unit)).workCommunityId(where).build(),
                  admin());
      assertEquals(201, created.status(), created::toString);
      made.add(created.num("id"));
    }
    eventually(
        () -> api().get("/api/v1/postings/search?communityId=" + where, admin()),
        r -> r.num("total") == SearchPage.SIZE + 1);
    try (BrowserContext context = Browser.get().context(Screen.PHONE)) {
      Page page = context.newPage();
      page.navigate(url("/?communityId=" + where));
      assertThat(page.locator(".hit")).hasCount(SearchPage.SIZE);
      assertThat(page.locator("nav.pages span")).hasText("第 1 页，共 2 页");
      assertEquals(0, page.locator("nav.pages a[rel=prev]").count());
      page.locator("nav.pages a[rel=next]").click();
      assertTrue(page.url().contains("page=2"), page.url());
      assertThat(page.locator(".hit")).hasCount(1);
      assertEquals(0, page.locator("nav.pages a[rel=next]").count());
      assertThat(page.locator("nav.pages a[rel=prev]")).isVisible();
      Browser.assertAccessible(page);
    } finally {
      made.forEach(id -> api().post("/api/v1/postings/" + id + "/close", Map.of(), admin()));
    }
  }
}
