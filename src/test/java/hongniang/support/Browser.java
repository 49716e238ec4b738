package hongniang.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}) driven by Playwright, one per test JVM:
 * Playwright's own browser download is skipped (it cannot work here). Pages are opened at a phone's
 * or a desktop's size; screenshots go to {@code target/screenshots}; axe-core (from npm, installed
 * into {@code target/npm} by the build) checks a page for accessibility.
 */
public final class Browser {

  /** A phone (390 × 844) and an office desktop (1366 × 768). */
  public enum Screen {
    PHONE(390, 844),
    DESKTOP(1366, 768);

    final int width;
    final int height;

    Screen(int width, int height) {
      this.width = width;
      this.height = height;
    }
  }

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path AXE = Path.of("target/npm/node_modules/axe-core/axe.min.js");
  private static final Path SCREENSHOTS = Path.of("target/screenshots");

  private static Browser shared;

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser chromium;

  private Browser() {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(
          "no Chromium at "
              + CHROMIUM
              + ": apt-get install -y chromium fonts-noto-cjk (.ci/run does)");
    }
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    chromium =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--no-first-run",
                            "--disable-sync")));
  }

  /** The test JVM's browser, started on first use and closed when the JVM ends. */
  public static synchronized Browser get() {
    if (shared == null) {
      shared = new Browser();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  /** A new context (its own cookies) at the screen's size, Chinese as an office's browser is. */
  public BrowserContext context(Screen screen) {
    return chromium.newContext(
        new com.microsoft.playwright.Browser.NewContextOptions()
            .setViewportSize(screen.width, screen.height)
            .setLocale("zh-CN")
            .setHasTouch(screen == Screen.PHONE)
            .setIsMobile(screen == Screen.PHONE));
  }

  /** Saves the whole page as {@code target/screenshots/<name>.png}. */
  public static void screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /**
   * Runs axe-core on the page and fails with the serious and critical violations it finds (rule,
   * and where).
   */
  public static void assertAccessible(Page page) {
    String axe;
    try {
      axe = Files.readString(AXE);
    } catch (IOException e) {
      throw new UncheckedIOException("axe-core missing: the build installs it with npm", e);
    }
    page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
    Object found =
        page.evaluate(
            "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact ==="
                + " 'critical').map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n =>"
                + " n.target.join(' ')).join(', ')); }");
    assertEquals(List.of(), found, "axe-core: serious or critical violations on " + page.url());
  }

  private void close() {
    chromium.close();
    playwright.close();
  }

  /**
   * Presses a read-aloud button by keyboard; the one thing it said, in Chinese: the text. The
   * page's context records speech in {@code window.__spoken} instead of speaking.
   */
  public static String spokenText(Page page, Locator readAloud) {
    readAloud.focus();
    page.keyboard().press("Enter");
    List<?> spoken = (List<?>) page.evaluate("() => window.__spoken");
    assertEquals(1, spoken.size(), spoken::toString);
    Map<?, ?> said = (Map<?, ?>) spoken.get(0);
    assertEquals("zh-CN", said.get("lang"));
    return (String) said.get("text");
  }
}
