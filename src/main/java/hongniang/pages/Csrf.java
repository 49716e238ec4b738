package hongniang.pages;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery guard for the site's forms (the API, with its bearer tokens, needs
 * none). Every visitor gets a random value in a cookie ({@value #COOKIE}); each form carries a
 * token, the value signed with the service's key ({@value #FIELD}), and a POST, PUT, PATCH or
 * DELETE to a page is refused (403) unless the token matches the cookie, and refused too when the
 * browser says it comes from another site ({@code Origin} or {@code Sec-Fetch-Site}). A token may
 * also come in the {@value #HEADER} header, as htmx sends it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class Csrf {

  static final String COOKIE = "hn_csrf";
  static final String FIELD = "_csrf";
  static final String HEADER = "X-CSRF-Token";
  static final String TOKEN = "hongniang.csrf.token";
  private static final String NEW = "hongniang.csrf.new";

  /** Enough of a form to find the token: it is the first field of every form. */
  private static final int READ = 16 * 1024;

  private static final Pattern MULTIPART_FIELD =
      Pattern.compile("name=\"" + FIELD + "\"\\r\\n\\r\\n([A-Za-z0-9_-]{1,100})\\r\\n");

  private final SecureRandom random = new SecureRandom();
  private final byte[] key;
  private final ErrorPages errors;

  Csrf(
      @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret,
      ErrorPages errors) {
    this.key = ("csrf:" + secret).getBytes(StandardCharsets.UTF_8);
    this.errors = errors;
  }

  /** A request for the site's pages: not the API, the health check, Swagger or static assets. */
  static boolean isPage(HttpRequest<?> request) {
    String path = request.getPath();
    return !(path.startsWith("/api/")
        || path.equals("/api")
        || path.startsWith("/health")
        || path.startsWith("/swagger")
        || path.startsWith("/assets/"));
  }

  /** The form token of this request's visitor, for templates ({@link Page#csrf()}). */
  static String token(HttpRequest<?> request) {
    return request.getAttribute(TOKEN, String.class).orElse("");
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request) {
    if (!isPage(request)) {
      return null;
    }
    String value = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
    if (value == null || !value.matches("[A-Za-z0-9_-]{43}")) {
      value = newValue();
      request.setAttribute(NEW, value);
    }
    String expected = sign(value);
    request.setAttribute(TOKEN, expected);
    if (!changes(request.getMethod())) {
      return null;
    }
    if (crossSite(request) || !same(expected, sent(request).orElse(null))) {
      return errors
          .render(request, HttpStatus.FORBIDDEN)
          .orElseGet(() -> HttpResponse.status(HttpStatus.FORBIDDEN));
    }
    return null;
  }

  @ResponseFilter
  void remember(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request
        .getAttribute(NEW, String.class)
        .ifPresent(
            value ->
                response.cookie(
                    Cookie.of(COOKIE, value)
                        .path("/")
                        .httpOnly(true)
                        .sameSite(SameSite.Lax)
                        .secure(SessionCookie.secure(request))
                        .maxAge(Duration.ofDays(1))));
  }

  private static boolean changes(HttpMethod method) {
    return method == HttpMethod.POST
        || method == HttpMethod.PUT
        || method == HttpMethod.PATCH
        || method == HttpMethod.DELETE;
  }

  /** The browser says the request comes from a page of another site. */
  private static boolean crossSite(HttpRequest<?> request) {
    String fetchSite = request.getHeaders().get("Sec-Fetch-Site");
    if ("cross-site".equalsIgnoreCase(fetchSite) || "same-site".equalsIgnoreCase(fetchSite)) {
      return true;
    }
    String origin = request.getHeaders().get("Origin");
    if (origin == null) {
      return false;
    }
    String host = request.getHeaders().get("Host");
    try {
      URI uri = URI.create(origin);
      String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host == null || !host.equalsIgnoreCase(originHost);
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  /** The token the request carries: its header, else its form's first field. */
  private static Optional<String> sent(HttpRequest<?> request) {
    String header = request.getHeaders().get(HEADER);
    if (header != null) {
      return Optional.of(header);
    }
    if (!(request instanceof ServerHttpRequest<?> server)) {
      return Optional.empty();
    }
    MediaType type = request.getContentType().orElse(null);
    if (type == null) {
      return Optional.empty();
    }
    String head = head(server);
    if (type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      for (String pair : head.split("&")) {
        if (pair.startsWith(FIELD + "=")) {
          return Optional.of(
              URLDecoder.decode(pair.substring(FIELD.length() + 1), StandardCharsets.UTF_8));
        }
      }
    } else if (type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      Matcher m = MULTIPART_FIELD.matcher(head);
      if (m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  /** The start of the body, read from a copy so the route still reads all of it. */
  private static String head(ServerHttpRequest<?> request) {
    try (CloseableByteBody copy =
            request.byteBody().split(ByteBody.SplitBackpressureMode.SLOWEST).allowDiscard();
        InputStream in = copy.toInputStream()) {
      return new String(in.readNBytes(READ), StandardCharsets.ISO_8859_1);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private String newValue() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private String sign(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] signed = mac.doFinal(value.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison, so a token cannot be guessed byte by byte. */
  static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
