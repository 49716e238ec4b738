package hongniang.pages.admin;

import hongniang.accounts.AccountService;
import hongniang.accounts.NewUser;
import hongniang.accounts.PasswordReset;
import hongniang.accounts.UserUpdate;
import hongniang.accounts.UserView;
import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.MessageKey;
import hongniang.common.PageResponse;
import hongniang.common.Validation;
import hongniang.communities.CommunityService;
import hongniang.communities.CommunityView;
import hongniang.pages.Form;
import hongniang.pages.Links;
import hongniang.pages.Page;
import hongniang.pages.Pager;
import hongniang.pages.Texts;
import hongniang.partners.PartnerService;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Users and their roles: the list (filtered by role), a new user with the binding their role needs
 * (a community for a matchmaker, a unit for an employer, a resident's profile for a resident),
 * switching one off or on, and a password reset that shows the new password once.
 */
@Controller("/admin/users")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class UserPages {

  private static final Set<String> DONE = Set.of("created", "enabled", "disabled");
  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccountService accounts;
  private final CommunityService communities;
  private final PartnerService partners;
  private final Validator validator;

  UserPages(
      AccountService accounts,
      CommunityService communities,
      PartnerService partners,
      Validator validator) {
    this.accounts = accounts;
    this.communities = communities;
    this.partners = partners;
    this.validator = validator;
  }

  /** A user with the name of what they are bound to. */
  public record UserRow(UserView user, @Nullable String binding, boolean self) {}

  public record ListView(
      Page page,
      @Nullable Role role,
      List<Role> roles,
      PageResponse<UserRow> users,
      Pager pager,
      @Nullable String done) {}

  public record NewView(Page page, Form form, List<Role> roles, List<CommunityView> communities) {}

  /** The reset's question, and after it the password, shown this once. */
  public record PasswordView(Page page, UserView user, Form form, @Nullable String password) {}

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> list(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable @QueryValue String role,
      @Nullable @QueryValue String page) {
    String done = request.getParameters().get("done");
    Texts t = Page.texts(request);
    Role only =
        Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
    PageResponse<UserView> users = accounts.list(only, Pager.asked(page) - 1, Pager.SIZE);
    Map<Long, String> places = communities.namesById();
    Map<Long, String> units = new LinkedHashMap<>();
    partners
        .unitCards(
            users.items().stream()
                .map(UserView::partnerUnitId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()))
        .forEach((id, card) -> units.put(id, card.name()));
    String me = Caller.of(auth).username();
    PageResponse<UserRow> rows =
        new PageResponse<>(
            users.items().stream()
                .map(u -> new UserRow(u, binding(t, u, places, units), u.username().equals(me)))
                .toList(),
            users.page(),
            users.size(),
            users.totalItems(),
            users.totalPages());
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("role", only);
    Pager pager = Pager.of(users, "/admin/users", params);
    Page frame =
        Page.of(
            request,
            t.t("page.admin.users.title"),
            Links.of(
                "/admin/users",
                Links.with(params, "page", pager.page() > 1 ? pager.page() : null)));
    return Admin.view(
        "users",
        new ListView(
            frame,
            only,
            List.of(Role.values()),
            rows,
            pager,
            done != null && DONE.contains(done) ? done : null));
  }

  private static String binding(
      Texts t, UserView u, Map<Long, String> places, Map<Long, String> units) {
    if (u.communityId() != null) {
      return t.t(
          "page.admin.users.bound.community",
          "name",
          places.getOrDefault(u.communityId(), "#" + u.communityId()));
    }
    if (u.partnerUnitId() != null) {
      return t.t(
          "page.admin.users.bound.unit",
          "name",
          units.getOrDefault(u.partnerUnitId(), "#" + u.partnerUnitId()));
    }
    if (u.jobseekerId() != null) {
      return t.t("page.admin.users.bound.resident", "id", u.jobseekerId());
    }
    return null;
  }

  @Get(value = "/new", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> newUser(HttpRequest<?> request) {
    return Admin.view("user-new", newView(request, Form.empty()));
  }

  @Post(
      value = "/new",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> body) {
    Form form = Admin.form(body);
    List<FieldError> errors = Admin.errors();
    String roleName = Admin.text(form, "role");
    Role role = null;
    if (roleName != null) {
      role =
          Arrays.stream(Role.values())
              .filter(r -> r.name().equals(roleName))
              .findFirst()
              .orElse(null);
      if (role == null) {
        errors.add(FieldError.oneOf("role", List.of(Role.values())));
      }
    }
    Long community = Admin.number(form, "communityId", errors);
    Long unit = Admin.number(form, "partnerUnitId", errors);
    Long resident = Admin.number(form, "jobseekerId", errors);
    NewUser user =
        new NewUser(
            Admin.text(form, "username"),
            body.get("password") == null ? null : body.get("password"),
            role,
            Admin.text(form, "displayName"),
            community,
            unit,
            resident);
    if (role != null || roleName == null) {
      errors.addAll(Validation.check(validator, user));
    }
    try {
      ApiProblem.throwIfAny(errors);
      UserView created = accounts.create(user);
      return Admin.seeOther("/admin/users?done=created&role=" + created.role().name());
    } catch (ApiProblem problem) {
      Form typed = form.failed(problem, Page.texts(request));
      Map<String, String> values = new LinkedHashMap<>(typed.values());
      values.remove("password"); // never shown again
      return Admin.status(
          problem.status(),
          "user-new",
          newView(request, new Form(values, typed.errors(), typed.summary())));
    }
  }

  private NewView newView(HttpRequest<?> request, Form form) {
    Texts t = Page.texts(request);
    return new NewView(
        Page.of(request, t.t("page.admin.userNew.title"), "/admin/users/new"),
        form,
        List.of(Role.values()),
        communities.all());
  }

  @Post(
      value = "/{id}/enabled",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> enable(
      Authentication auth, @PathVariable long id, @Body Map<String, String> body) {
    UserView user = accounts.get(id);
    boolean on = "true".equals(body.get("enabled"));
    if (!on && user.username().equals(Caller.of(auth).username())) {
      // switching oneself off would lock the admin out in the middle of their work
      throw ApiProblem.forbidden(
          MessageKey.of("page.admin.users.notSelf"), "an admin does not switch themself off");
    }
    accounts.update(id, new UserUpdate(on, null));
    return Admin.seeOther("/admin/users?done=" + (on ? "enabled" : "disabled"));
  }

  /** Are you sure? With a password to set, or none for one made up. */
  @Get(value = "/{id}/password", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> passwordForm(HttpRequest<?> request, @PathVariable long id) {
    return Admin.view("password", passwordView(request, accounts.get(id), Form.empty(), null));
  }

  /** Resets the password and shows it this once: it is in no link, no log and no cookie. */
  @Post(
      value = "/{id}/password",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> resetPassword(
      HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> body) {
    UserView user = accounts.get(id);
    String typed = body.get("newPassword");
    String password = typed == null || typed.isBlank() ? generated() : typed;
    List<FieldError> errors = Validation.check(validator, new PasswordReset(password));
    if (!errors.isEmpty()) {
      Form form = Admin.failed(Form.empty(), errors, Page.texts(request));
      return Admin.status(400, "password", passwordView(request, user, form, null));
    }
    accounts.resetPassword(id, password);
    return HttpResponse.ok(
            Admin.view("password", passwordView(request, user, Form.empty(), password)))
        .header("Cache-Control", "no-store");
  }

  private static PasswordView passwordView(
      HttpRequest<?> request, UserView user, Form form, @Nullable String password) {
    Texts t = Page.texts(request);
    return new PasswordView(
        Page.of(
            request,
            t.t("page.admin.password.title", "name", user.username()),
            "/admin/users/" + user.id() + "/password"),
        user,
        form,
        password);
  }

  /** Twelve letters and digits that cannot be mistaken for each other (no 0/O, 1/l/I). */
  static String generated() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
