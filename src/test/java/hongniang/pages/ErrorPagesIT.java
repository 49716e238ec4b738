package hongniang.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import hongniang.security.Role;
import hongniang.support.Browser;
import hongniang.support.Browser.Screen;
import hongniang.support.PageTest;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The friendly pages for a failure on our side (500) and for a page of another role (403), in both
 * languages, with nothing of the code's insides in them; the API's errors stay problem+json.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorPagesIT extends PageTest {

  /** Pages that only this test has: one that fails, one for admins only. */
  @Controller("/test-pages")
  @Requires(env = "test")
  static class TestPages {

    @Get(value = "/broken", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    String broken() {
      throw new IllegalStateException("SecretInternalDetail in hongniang.pages.Nothing");
    }

    @Get(value = "/admins", produces = MediaType.TEXT_HTML)
    @Secured(Role.ADMIN_NAME)
    String admins() {
      return "<p>for admins</p>";
    }
  }

  @Test
  void aFailureOnOurSideIsAFriendlyPageInBothLanguages() {
    Page page = open(Screen.PHONE);
    try {
      Response failed = page.navigate(url("/test-pages/broken"));
      assertEquals(500, failed.status());
      assertTrue(failed.headerValue("content-type").startsWith("text/html"));
      assertThat(page.locator("h1")).hasText("系统出了点问题");
      assertFalse(page.content().contains("SecretInternalDetail"));
      assertFalse(page.content().contains("IllegalStateException"));
      Browser.assertAccessible(page);
      page.navigate(url("/language/en?back=/"));
      page.navigate(url("/test-pages/broken"));
      assertThat(page.locator("h1")).hasText("Something went wrong on our side");
      Browser.screenshot(page, "error-500-phone");
    } finally {
      close(page);
    }
  }

  @Test
  void anotherRolesPageIsTheFriendly403() {
    Page page = open(Screen.DESKTOP);
    try {
      signIn(page, aUser(Role.MATCHMAKER, 1L));
      Response refused = page.navigate(url("/test-pages/admins"));
      assertEquals(403, refused.status());
      assertThat(page.locator("h1")).hasText("此账号不能访问");
      Browser.assertAccessible(page);
      Browser.screenshot(page, "error-403-desktop");
    } finally {
      close(page);
    }
    // the API keeps its problem+json for the same failure
    assertEquals(
        "application/problem+json",
        api().get("/api/v1/users", userToken(Role.MATCHMAKER, 1L)).header("content-type"));
  }
}
