package hongniang.pages;

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
 * Elder mode (长辈版), after MIIT's age-friendly rules: larger text (≥ 18 px) and touch targets (≥ 60
 * px), more line spacing, the main job only, and "read aloud" on a posting. A switch on every page,
 * remembered for a year in the {@value #COOKIE} cookie.
 */
@Controller("/elder")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class Elder {

  static final String COOKIE = "elder";

  /** Whether the reader chose elder mode. */
  static boolean of(HttpRequest<?> request) {
    return request.getCookies().findCookie(COOKIE).map(c -> "1".equals(c.getValue())).orElse(false);
  }

  /** Turns elder mode on or off and goes back to the page (a path of this site only). */
  @Get("/{state}")
  HttpResponse<?> choose(@PathVariable String state, @QueryValue(defaultValue = "/") String back) {
    boolean on = "on".equals(state);
    return HttpResponse.seeOther(URI.create(Language.localPath(back)))
        .cookie(
            Cookie.of(COOKIE, on ? "1" : "0")
                .path("/")
                .maxAge(on ? Duration.ofDays(365) : Duration.ZERO)
                .httpOnly(true)
                .sameSite(SameSite.Lax));
  }
}
