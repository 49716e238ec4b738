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
 * The reader's language: Chinese by default, English once chosen with the switch on every page,
 * remembered for a year in the {@value #COOKIE} cookie.
 */
@Controller("/language")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class Language {

  static final String COOKIE = "lang";

  /** The language of a page request: the cookie's, else Chinese. */
  static Messages of(HttpRequest<?> request) {
    return request
        .getCookies()
        .findCookie(COOKIE)
        .map(c -> "en".equals(c.getValue()) ? Messages.EN : Messages.ZH)
        .orElse(Messages.ZH);
  }

  /** The language's code as pages name it: zh or en. */
  static String code(Messages language) {
    return language == Messages.EN ? "en" : "zh";
  }

  /** Switches to zh or en and goes back to the page (a path of this site only). */
  @Get("/{code}")
  HttpResponse<?> choose(@PathVariable String code, @QueryValue(defaultValue = "/") String back) {
    String language = "en".equals(code) ? "en" : "zh";
    return HttpResponse.seeOther(URI.create(localPath(back)))
        .cookie(
            Cookie.of(COOKIE, language)
                .path("/")
                .maxAge(Duration.ofDays(365))
                .httpOnly(true)
                .sameSite(SameSite.Lax));
  }

  /** A path on this site: anything else (another host, a scheme) goes home. */
  static String localPath(String back) {
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
