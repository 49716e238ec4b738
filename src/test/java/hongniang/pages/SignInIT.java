package hongniang.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SameSiteAttribute;
import hongniang.inbox.Inbox;
import hongniang.inbox.Notice;
import hongniang.security.Role;
import hongniang.support.Browser;
import hongniang.support.Browser.Screen;
import hongniang.support.Fixtures;
import hongniang.support.PageTest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Signing in and out of the site in Chromium, the session cookie's flags, CSRF refusals (no token,
 * a wrong one, another site's origin), the inbox every user has, and the friendly pages for a page
 * that needs sign-in, one that is not theirs and one that does not exist.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInIT extends PageTest {

  @Inject Inbox inbox;

  @ParameterizedTest
  @EnumSource(Screen.class)
  void aResidentSignsInReadsTheirInboxAndSignsOut(Screen screen) {
    long resident = aResident();
    String username = aUser(Role.RESIDENT, resident);
    inbox.toResident(
        resident,
        Notice.of(Notice.REFERRAL_CONSENT_REQUESTED, Map.of("unit", "测试单位", "title", "测试保洁")));
    Page page = open(screen);
    try {
      // a page that needs sign-in sends the visitor to sign in, then back
      page.navigate(url("/inbox"));
      assertThat(page).hasURL(Pattern.compile(".*/sign-in\\?back=%2Finbox$"));
      Browser.assertAccessible(page);
      page.getByLabel("用户名").fill(username);
      page.getByLabel("密码").fill("wrong-password");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
      assertThat(page.getByRole(AriaRole.ALERT)).containsText("用户名或密码不正确");
      assertThat(page.getByLabel("用户名")).hasValue(username);
      assertThat(page.getByLabel("密码")).hasValue("");
      Browser.screenshot(page, "sign-in-wrong-" + screen.name().toLowerCase());
      page.getByLabel("密码").fill(USER_PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
      assertThat(page).hasURL(Pattern.compile(".*/inbox$"));
      assertThat(page.locator("h1")).hasText("消息");
      assertThat(page.locator(".unread")).hasCount(1);
      Browser.assertAccessible(page);
      Browser.screenshot(page, "inbox-" + screen.name().toLowerCase());

      Cookie session =
          page.context().cookies().stream()
              .filter(c -> c.name.equals("hn_session"))
              .findFirst()
              .orElseThrow();
      assertTrue(session.httpOnly, "the session cookie is HttpOnly");
      assertEquals(SameSiteAttribute.LAX, session.sameSite);

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("标为已读").setExact(true))
          .click();
      assertThat(page.locator(".unread")).hasCount(0);
      assertThat(page.locator("main")).containsText("0 条未读");

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^退出")))
          .click();
      assertThat(page).hasURL(Pattern.compile(".*/$"));
      page.navigate(url("/inbox"));
      assertThat(page).hasURL(Pattern.compile(".*/sign-in.*"));
    } finally {
      close(page);
    }
  }

  @Test
  void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
    Page page = open(Screen.DESKTOP);
    try {
      String known = aUser(Role.RESIDENT, aResident());
      String[] answers = new String[2];
      String[] names = {known, "nobody-" + System.nanoTime()};
      for (int i = 0; i < 2; i++) {
        page.navigate(url("/sign-in"));
        page.getByLabel("用户名").fill(names[i]);
        page.getByLabel("密码").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        answers[i] = page.getByRole(AriaRole.ALERT).innerText();
      }
      assertEquals(answers[0], answers[1]);
    } finally {
      close(page);
    }
  }

  @Test
  void aFormPostedWithoutItsTokenOrFromAnotherSiteIsRefused() {
    Page page = open(Screen.DESKTOP);
    try {
      String username = aUser(Role.MATCHMAKER, 1L);
      page.navigate(url("/sign-in"));
      String token = page.locator("input[name=_csrf]").first().inputValue();
      // no token: refused, and the user is not signed in
      APIResponse none = postSignIn(page, username, null, null);
      assertEquals(403, none.status());
      assertTrue(none.text().contains("此账号不能访问"), none.text());
      // a wrong token
      APIResponse wrong = postSignIn(page, username, token.substring(1) + "x", null);
      assertEquals(403, wrong.status());
      // the right token but another site's origin
      APIResponse crossSite = postSignIn(page, username, token, "http://evil.example");
      assertEquals(403, crossSite.status());
      assertFalse(
          page.context().cookies().stream().anyMatch(c -> c.name.equals("hn_session")),
          "no refused post signed anyone in");
      // the right token from this site: signed in
      APIResponse right = postSignIn(page, username, token, null);
      assertEquals(303, right.status());
      assertEquals("/worklist", right.headers().get("location"));
    } finally {
      close(page);
    }
  }

  @Test
  void pagesAndTheApiKeepTheirOwnErrors() {
    Page page = open(Screen.PHONE);
    try {
      page.navigate(url("/no-such-page"));
      assertThat(page.locator("h1")).hasText("没有找到这个页面");
      Browser.assertAccessible(page);
      // the API keeps problem+json, and the page's cookie does not sign in to it
      signIn(page, aUser(Role.ADMIN, null));
      APIResponse api = page.request().get(url("/api/v1/users"));
      assertEquals(401, api.status());
      assertTrue(api.headers().get("content-type").startsWith("application/problem+json"));
      APIResponse unknown = page.request().get(url("/api/v1/no-such-thing"));
      assertEquals(404, unknown.status());
      assertTrue(unknown.headers().get("content-type").startsWith("application/problem+json"));
    } finally {
      close(page);
    }
  }

  /** Posts the sign-in form straight, not following the answer; a token and an origin if given. */
  private APIResponse postSignIn(
      Page page, String username, @Nullable String token, @Nullable String origin) {
    FormData form = FormData.create();
    if (token != null) {
      form.set("_csrf", token);
    }
    form.set("username", username).set("password", USER_PASSWORD);
    RequestOptions options = RequestOptions.create();
    if (origin != null) {
      options.setHeader("Origin", origin);
    }
    return page.request().post(url("/sign-in"), options.setForm(form).setMaxRedirects(0));
  }

  private long aResident() {
    return aResidentOf(Fixtures.aJobseeker(1));
  }
}
