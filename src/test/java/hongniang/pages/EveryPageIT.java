package hongniang.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import hongniang.communities.CommunityRequest;
import hongniang.security.Role;
import hongniang.support.Browser;
import hongniang.support.Browser.Screen;
import hongniang.support.Fixtures;
import hongniang.support.PageTest;
import hongniang.support.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every page of every role's menu, signed in as that role, in Chinese and in English: it answers
 * 200, its language is the one chosen, no bundle key shows instead of a text (a key missing in one
 * language), and axe-core finds nothing serious on the phone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageIT extends PageTest {

  /** A bundle key on the page: page.x.y, enum.X.Y, field.x, rule.X. */
  private static final Pattern KEY =
      Pattern.compile("\\b(page|enum|field|rule|title|detail)\\.[A-Za-z]+[A-Za-z0-9_.]*");

  @ParameterizedTest
  @EnumSource(Role.class)
  void everyPageOfTheMenuIsWhollyInEitherLanguage(Role role) {
    String username =
        switch (role) {
          case RESIDENT -> aUser(role, aResident());
          case EMPLOYER -> aUser(role, aPartner());
          case MATCHMAKER -> aUser(role, aCommunityWithSomeoneInHardship());
          case ADMIN -> aUser(role, null);
        };
    Page page = open(Screen.PHONE);
    try {
      signIn(page, username);
      List<String> menu =
          page.locator("nav.menu a").all().stream().map(a -> a.getAttribute("href")).toList();
      assertTrue(menu.size() >= 3, "a menu for " + role + ": " + menu);
      List<String> problems = new ArrayList<>();
      for (String language : List.of("zh", "en")) {
        page.navigate(url("/language/" + language + "?back=/"));
        for (String href : menu) {
          Response r = page.navigate(url(href));
          if (r.status() != 200) {
            problems.add(language + " " + href + ": " + r.status());
            continue;
          }
          assertEquals(
              language.equals("en") ? "en" : "zh-CN", page.locator("html").getAttribute("lang"));
          Matcher key = KEY.matcher(page.locator("body").innerText());
          while (key.find()) {
            problems.add(language + " " + href + ": shows the key " + key.group());
          }
          if (language.equals("en")) {
            Browser.assertAccessible(page);
          }
        }
      }
      assertEquals(List.of(), problems);
    } finally {
      close(page);
    }
  }

  /**
   * A community of its own with a resident in hardship (low income, 4050), so that the worklist
   * shows the categories' labels whatever else the other tests wrote.
   */
  private long aCommunityWithSomeoneInHardship() {
    Reply place =
        api()
            .post(
                "/api/v1/communities",
                new CommunityRequest("全页" + System.nanoTime() % 100_000_000, null),
                admin());
    assertEquals(201, place.status(), place::toString);
    long community = place.num("id");
    Reply resident =
        api().post("/api/v1/jobseekers", Fixtures.aLowIncomeJobseeker(community), admin());
    assertEquals(201, resident.status(), resident::toString);
    return community;
  }

  private long aResident() {
    return aResidentOf(Fixtures.aJobseeker(1));
  }
}
