package hongniang.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/**
 * A test of the site's pages in Chromium: the running service's address, a fresh browser context
 * per screen, and signing in through the sign-in page as a person would.
 */
public abstract class PageTest extends ApiTest {

  @Inject protected EmbeddedServer server;

  protected String url(String path) {
    return server.getURL() + path;
  }

  /** A new page in its own context (no cookies) at the screen's size. */
  protected Page open(Browser.Screen screen) {
    BrowserContext context = Browser.get().context(screen);
    return context.newPage();
  }

  /** Signs in through the sign-in page and waits to arrive at the user's home. */
  protected void signIn(Page page, String username) {
    page.navigate(url("/sign-in"));
    page.getByLabel(Pattern.compile("用户名|User name")).fill(username);
    page.getByLabel(Pattern.compile("^(密码|Password)")).fill(USER_PASSWORD);
    page.getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^(登录|Sign in)$")))
        .click();
    assertThat(page).not().hasURL(Pattern.compile(".*/sign-in.*"));
  }

  /** Closes the page's context (its cookies with it). */
  protected static void close(Page page) {
    page.context().close();
  }
}
