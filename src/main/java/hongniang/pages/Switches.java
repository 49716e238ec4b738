package hongniang.pages;

import hongniang.web.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Duration;

/**
 * The reader's two switches on every page, each remembered for a year in a cookie: the language
 * (Chinese by default, English once chosen; {@value #LANGUAGE}) and elder mode (长辈版, after MIIT's
 * age-friendly rules: larger text and touch targets, the main job only, "read aloud" on a posting;
 * {@value #ELDER}).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class Switches {

  static final String LANGUAGE = "lang";
  static final String ELDER = "elder";

  /** The language of a page request: the cookie's, else Chinese. */
  static Messages language(HttpRequest<?> request) {
    return "en".equals(cookie(request, LANGUAGE)) ? Messages.EN : Messages.ZH;
  }

  /** Whether the reader chose elder mode. */
  static boolean elder(HttpRequest<?> request) {
    return "1".equals(cookie(request, ELDER));
  }

  /** Switches to zh or en and goes back to the page. */
  @Get("/language/{code}")
  HttpResponse<?> language(@PathVariable String code, @QueryValue(defaultValue = "/") String back) {
    return remember(LANGUAGE, "en".equals(code) ? "en" : "zh", true, back);
  }

  /** Turns elder mode on or off and goes back to the page. */
  @Get("/elder/{state}")
  HttpResponse<?> elder(@PathVariable String state, @QueryValue(defaultValue = "/") String back) {
    boolean on = "on".equals(state);
    return remember(ELDER, on ? "1" : "0", on, back);
  }

  private static String cookie(HttpRequest<?> request, String name) {
    return request.getCookies().findCookie(name).map(Cookie::getValue).orElse(null);
  }

  /** The cookie set (for a year, or cleared) and a redirect back to a path of this site. */
  private static HttpResponse<?> remember(String name, String value, boolean keep, String back) {
    return HttpResponse.seeOther(URI.create(localPath(back)))
        .cookie(
            Cookie.of(name, value)
                .path("/")
                .maxAge(keep ? Duration.ofDays(365) : Duration.ZERO)
                .httpOnly(true)
                .sameSite(SameSite.Lax));
  }

  /** A path on this site: anything else (another host, a scheme) goes home. */
  public static String localPath(String back) {
    if (back == null
        || !back.startsWith("/")
        || back.startsWith("//")
        || back.startsWith("/\\")
        || back.chars().anyMatch(ch -> ch < 0x20)) {
      return "/";
    }
    return back;
  }
}
