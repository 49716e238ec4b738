package hongniang.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import hongniang.communities.CommunityRequest;
import hongniang.support.Browser;
import hongniang.support.Browser.Screen;
import hongniang.support.PageTest;
import hongniang.support.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each community's page about the service: office hours, address and phone as the street office
 * entered them, reached from every page's footer; the phone's rule in the API.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunityPagesIT extends PageTest {

  @ParameterizedTest
  @EnumSource(Screen.class)
  void aResidentFindsWhenAndWhereToMeetTheirMatchmaker(Screen screen) {
    String name = "关于" + System.nanoTime() % 100_000_000;
    Reply created =
        api()
            .post(
                "/api/v1/communities",
                new CommunityRequest(name, "老城区", "周二、周四 9:00–11:30", "文化路12号一楼", "0598-8231234"),
                admin());
    assertEquals(201, created.status(), created::toString);
    Page page = open(screen);
    try {
      page.navigate(url("/"));
      page.locator("footer a[href='/communities']").click();
      assertThat(page.locator("h1")).hasText("找到您所在社区的红娘");
      Browser.assertAccessible(page);
      page.locator("main a", new Page.LocatorOptions().setHasText(name)).click();
      assertThat(page.locator("h1")).hasText(name + "社区就业服务");
      assertThat(page.locator("dl.facts")).containsText("周二、周四 9:00–11:30");
      assertThat(page.locator("dl.facts")).containsText("文化路12号一楼");
      assertThat(page.locator("a[href='tel:0598-8231234']")).isVisible();
      Browser.assertAccessible(page);
      Browser.screenshot(page, "community-" + screen.name().toLowerCase());
      page.locator("a.language").click();
      assertThat(page.locator("h1")).hasText("Employment service in " + name);
      assertThat(page.locator("dl.facts")).containsText("Office hours");
    } finally {
      close(page);
    }
  }

  @Test
  void anUnknownCommunityIsTheFriendlyPageAndABadPhoneIsRefused() {
    Page page = open(Screen.PHONE);
    try {
      assertEquals(404, page.navigate(url("/communities/99999999")).status());
      assertThat(page.locator("h1")).hasText("没有找到这个页面");
      assertEquals(404, page.navigate(url("/communities/abc")).status());
    } finally {
      close(page);
    }
    String name = "电话" + System.nanoTime() % 100_000_000;
    Reply refused =
        api().post("/api/v1/communities", Map.of("name", name, "phone", "call me <b>"), admin());
    assertEquals(400, refused.status(), refused::toString);
    assertTrue(refused.toString().contains("phone"), refused::toString);
    Reply list = api().get("/api/v1/communities?size=100", admin());
    assertFalse(list.toString().contains(name), "nothing stored");
  }
}
