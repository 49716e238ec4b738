package hongniang.pages;

import hongniang.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import java.util.List;

/**
 * What every page's frame needs: its texts, whether elder mode is on, its title, where the switches
 * go back to, who is signed in (null for a visitor) and the form token of this visitor.
 */
public record Page(
    Texts t, boolean elder, String title, String path, @Nullable Caller caller, String csrf) {

  /** The frame of a page of this request: its reader's language, mode, sign-in and form token. */
  public static Page of(HttpRequest<?> request, String title, String path) {
    Caller caller = request.getUserPrincipal(Authentication.class).map(Caller::of).orElse(null);
    return new Page(
        texts(request), Switches.elder(request), title, path, caller, Csrf.token(request));
  }

  /** The texts in the reader's language. */
  public static Texts texts(HttpRequest<?> request) {
    return new Texts(Switches.language(request));
  }

  /** The switch's link to the other language, back to this page. */
  public String otherLanguageLink() {
    return "/language/" + (t.english() ? "zh" : "en") + "?back=" + Links.encode(path);
  }

  /** The switch's link into or out of elder mode, back to this page. */
  public String elderLink() {
    return "/elder/" + (elder ? "off" : "on") + "?back=" + Links.encode(path);
  }

  /** The sign-in link, back to this page afterwards. */
  public String signInLink() {
    return "/sign-in?back=" + Links.encode(path);
  }

  /** A link of the signed-in user's menu: where it goes and its text's key. */
  public record NavLink(String href, String key) {}

  /** The signed-in user's menu: their home first, then the pages of their role. */
  public List<NavLink> menu() {
    if (caller == null) {
      return List.of();
    }
    return switch (caller.role()) {
      case RESIDENT ->
          List.of(
              new NavLink("/me", "page.nav.me"),
              new NavLink("/me/matches", "page.nav.myMatches"),
              new NavLink("/me/referrals", "page.nav.myReferrals"),
              new NavLink("/inbox", "page.nav.inbox"));
      case EMPLOYER ->
          List.of(
              new NavLink("/unit", "page.nav.unit"),
              new NavLink("/unit/referrals", "page.nav.candidates"),
              new NavLink("/inbox", "page.nav.inbox"));
      case MATCHMAKER ->
          List.of(
              new NavLink("/worklist", "page.nav.worklist"),
              new NavLink("/residents", "page.nav.residents"),
              new NavLink("/board", "page.nav.board"),
              new NavLink("/pipeline", "page.nav.pipeline"),
              new NavLink("/courses", "page.nav.courses"),
              new NavLink("/inbox", "page.nav.inbox"));
      case ADMIN ->
          List.of(
              new NavLink("/admin", "page.nav.admin"),
              new NavLink("/admin/partners", "page.nav.partners"),
              new NavLink("/admin/held", "page.nav.held"),
              new NavLink("/admin/users", "page.nav.users"),
              new NavLink("/admin/audit", "page.nav.audit"));
    };
  }

  /** Where a signed-in user starts: their role's first page. */
  public static String home(Caller caller) {
    return switch (caller.role()) {
      case RESIDENT -> "/me";
      case EMPLOYER -> "/unit";
      case MATCHMAKER -> "/worklist";
      case ADMIN -> "/admin";
    };
  }
}
