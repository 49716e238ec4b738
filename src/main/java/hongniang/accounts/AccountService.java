package hongniang.accounts;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.PageResponse;
import hongniang.common.Paging;
import hongniang.security.Role;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Creates and manages users; the door to the accounts feature. */
@Singleton
public class AccountService {

  private final UserRepository users;
  private final PasswordHasher hasher;

  AccountService(UserRepository users, PasswordHasher hasher) {
    this.users = users;
    this.hasher = hasher;
  }

  /** Creates a user after checking that the role's binding exists; 409 on a taken username. */
  @Transactional
  public UserView create(NewUser request) {
    String username = request.username().trim().toLowerCase(Locale.ROOT);
    List<FieldError> errors = new ArrayList<>();
    Role role = request.role();
    requireBinding(
        errors,
        role == Role.MATCHMAKER,
        request.communityId(),
        "communityId",
        users::communityExists);
    requireBinding(
        errors,
        role == Role.EMPLOYER,
        request.partnerUnitId(),
        "partnerUnitId",
        users::partnerUnitExists);
    requireBinding(
        errors,
        role == Role.RESIDENT,
        request.jobseekerId(),
        "jobseekerId",
        users::jobseekerExists);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    if (users.existsByUsername(username)) {
      throw ApiProblem.conflict(
          new FieldError("username", "Unique", "username " + username + " is taken")
              .with("value", username));
    }
    User saved =
        users.save(
            new User(
                null,
                username,
                hasher.hash(request.password()),
                role,
                request.displayName(),
                role == Role.MATCHMAKER ? request.communityId() : null,
                role == Role.EMPLOYER ? request.partnerUnitId() : null,
                role == Role.RESIDENT ? request.jobseekerId() : null,
                true,
                null,
                null));
    return UserView.of(saved);
  }

  private static void requireBinding(
      List<FieldError> errors,
      boolean needed,
      Long id,
      String field,
      java.util.function.LongPredicate exists) {
    if (!needed) {
      return;
    }
    if (id == null) {
      errors.add(
          new FieldError(field, "NotNull", "required for this role")
              .saying("rule.NotNull.forRole"));
    } else if (!exists.test(id)) {
      errors.add(new FieldError(field, "Exists", "no such record: " + id).with("value", id));
    }
  }

  /** Creates the user unless the username exists; returns whether it was created. */
  @Transactional
  public boolean createIfAbsent(NewUser request) {
    if (users.existsByUsername(request.username())) {
      return false;
    }
    create(request);
    return true;
  }

  public PageResponse<UserView> list(Integer page, Integer size) {
    return PageResponse.of(users.findAll(Paging.of(page, size)), UserView::of);
  }

  /** The users of one role (every user when {@code role} is null), by id. */
  public PageResponse<UserView> list(Role role, Integer page, Integer size) {
    if (role == null) {
      return list(page, size);
    }
    return PageResponse.of(users.findByRole(role, Paging.of(page, size)), UserView::of);
  }

  public Optional<UserView> find(String username) {
    return users.findByUsername(username).map(UserView::of);
  }

  public UserView get(long id) {
    return users.findById(id).map(UserView::of).orElseThrow(() -> ApiProblem.notFound("user", id));
  }

  /** Enables or disables a user and sets their display name. */
  @Transactional
  public UserView update(long id, UserUpdate change) {
    User user = users.findById(id).orElseThrow(() -> ApiProblem.notFound("user", id));
    return UserView.of(
        users.update(
            user.withEnabled(
                change.enabled() == null ? user.enabled() : change.enabled(),
                change.displayName() == null ? user.displayName() : change.displayName())));
  }

  /** Changes a user's own password after checking the current one. */
  @Transactional
  public void changePassword(String username, String current, String replacement) {
    User user =
        users.findByUsername(username).orElseThrow(() -> ApiProblem.notFound("user", username));
    if (!hasher.matches(current, user.passwordHash())) {
      throw ApiProblem.invalid("currentPassword", "Matches", "the current password is wrong");
    }
    users.update(user.withPasswordHash(hasher.hash(replacement)));
  }

  /** Sets a password without the old one: for an admin resetting it. */
  @Transactional
  public void resetPassword(long id, String replacement) {
    User user = users.findById(id).orElseThrow(() -> ApiProblem.notFound("user", id));
    users.update(user.withPasswordHash(hasher.hash(replacement)));
  }

  public long countAdmins() {
    return users.countByRole(Role.ADMIN);
  }
}
