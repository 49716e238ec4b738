package hongniang.pages;

import hongniang.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Signing in to the site and out of it. The same accounts and password check as {@code POST
 * /api/v1/login}; the token it signs is kept in the session cookie ({@link SessionCookie}). A wrong
 * password and an unknown user get the same answer, so the page never tells whether a user exists.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class SignIn {

  private final Authenticator<HttpRequest<?>> authenticator;
  private final TokenGenerator tokens;
  private final AccessTokenConfiguration lifetime;

  SignIn(
      Authenticator<HttpRequest<?>> authenticator,
      TokenGenerator tokens,
      AccessTokenConfiguration lifetime) {
    this.authenticator = authenticator;
    this.tokens = tokens;
    this.lifetime = lifetime;
  }

  /** The sign-in page: the form, where to go afterwards, and what went wrong last time. */
  public record View(Page page, Form form, String back) {}

  @Get(value = "/sign-in", produces = MediaType.TEXT_HTML)
  HttpResponse<?> form(HttpRequest<?> request, @Nullable @QueryValue String back) {
    Authentication signedIn = request.getUserPrincipal(Authentication.class).orElse(null);
    if (signedIn != null) {
      return HttpResponse.seeOther(URI.create(afterwards(back, Caller.of(signedIn))));
    }
    return HttpResponse.ok(view(request, Form.empty(), back));
  }

  @Post(
      value = "/sign-in",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> body) {
    String username = text(body.get("username"), 100);
    String password = text(body.get("password"), 200);
    String back = body.get("back");
    Form form = Form.of(Map.of("username", username));
    Texts t = Page.texts(request);
    if (username.isEmpty() || password.isEmpty()) {
      Map<String, String> errors = new LinkedHashMap<>();
      if (username.isEmpty()) {
        errors.put("username", t.t("page.signIn.usernameMissing"));
      }
      if (password.isEmpty()) {
        errors.put("password", t.t("page.signIn.passwordMissing"));
      }
      return HttpResponse.status(HttpStatus.BAD_REQUEST)
          .body(view(request, new Form(form.values(), errors, t.t("page.form.fix")), back));
    }
    AuthenticationResponse answer =
        first(
            authenticator.authenticate(
                request, new UsernamePasswordCredentials(username, password)));
    if (answer == null || !answer.isAuthenticated() || answer.getAuthentication().isEmpty()) {
      boolean disabled =
          answer instanceof AuthenticationFailed failed
              && failed.getReason() == AuthenticationFailureReason.USER_DISABLED;
      String message = t.t(disabled ? "page.signIn.disabled" : "page.signIn.wrong");
      return HttpResponse.status(HttpStatus.UNAUTHORIZED)
          .body(view(request, form.failed(message), back));
    }
    Authentication who = answer.getAuthentication().get();
    Integer seconds = lifetime.getExpiration();
    String token =
        tokens
            .generateToken(who, seconds)
            .orElseThrow(() -> new IllegalStateException("no token was signed"));
    return HttpResponse.seeOther(URI.create(afterwards(back, Caller.of(who))))
        .cookie(
            SessionCookie.of(
                token,
                Duration.ofSeconds(seconds == null ? 3600 : seconds),
                SessionCookie.secure(request)));
  }

  @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> signOut(HttpRequest<?> request) {
    return HttpResponse.seeOther(URI.create("/"))
        .cookie(SessionCookie.cleared(SessionCookie.secure(request)));
  }

  private ModelAndView<Map<String, Object>> view(HttpRequest<?> request, Form form, String back) {
    Texts t = Page.texts(request);
    Page frame = Page.of(request, t.t("page.signIn.title"), "/sign-in");
    String safeBack = back == null ? "" : Switches.localPath(back);
    return new ModelAndView<>("sign-in", Map.of("view", new View(frame, form, safeBack)));
  }

  /** Back to the page that asked for sign-in, else the user's home. */
  private static String afterwards(String back, Caller caller) {
    String local = back == null || back.isBlank() ? "/" : Switches.localPath(back);
    return local.equals("/") || local.startsWith("/sign-in") ? Page.home(caller) : local;
  }

  /** The first answer of the authenticator's publisher (it gives one), waited for. */
  private static AuthenticationResponse first(Publisher<AuthenticationResponse> answers) {
    CompletableFuture<AuthenticationResponse> first = new CompletableFuture<>();
    answers.subscribe(
        new Subscriber<>() {
          @Override
          public void onSubscribe(Subscription s) {
            s.request(1);
          }

          @Override
          public void onNext(AuthenticationResponse r) {
            first.complete(r);
          }

          @Override
          public void onError(Throwable e) {
            first.completeExceptionally(e);
          }

          @Override
          public void onComplete() {
            first.complete(null);
          }
        });
    return first.join();
  }

  private static String text(String value, int max) {
    if (value == null) {
      return "";
    }
    String v = value.strip();
    return v.length() > max ? v.substring(0, max) : v;
  }
}
