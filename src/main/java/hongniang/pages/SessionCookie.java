package hongniang.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The pages' sign-in: the same signed token the API hands out, kept in a cookie ({@value #NAME};
 * HttpOnly, SameSite=Lax, Secure when the site is served over HTTPS) and read for the site's pages
 * only. The API keeps its bearer tokens: a request under {@code /api/} never signs in by cookie, so
 * a page's session cannot be turned against the API from another site.
 */
@Singleton
class SessionCookie implements TokenReader<HttpRequest<?>> {

  static final String NAME = "hn_session";

  @Override
  public Optional<String> findToken(HttpRequest<?> request) {
    if (!Csrf.isPage(request)) {
      return Optional.empty();
    }
    return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> !v.isBlank());
  }

  /** The cookie that keeps a signed-in page session for as long as its token lasts. */
  static Cookie of(String token, Duration lifetime, boolean secure) {
    return Cookie.of(NAME, token)
        .path("/")
        .httpOnly(true)
        .sameSite(SameSite.Lax)
        .secure(secure)
        .maxAge(lifetime);
  }

  /** The cookie cleared: signed out. */
  static Cookie cleared(boolean secure) {
    return of("", Duration.ZERO, secure);
  }

  /** Whether the site is served over HTTPS: directly, or behind a proxy that says so. */
  static boolean secure(HttpRequest<?> request) {
    return request.isSecure()
        || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
  }

  @Override
  public int getOrder() {
    return 100;
  }
}
