package hongniang.accounts;

import hongniang.security.Caller;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a username and password against the stored bcrypt hash. */
@Singleton
class LoginProvider<B> implements HttpRequestAuthenticationProvider<B> {

  private final UserRepository users;
  private final PasswordHasher hasher;
  // a real hash of a random password: unknown usernames take as long as known ones
  private final String dummyHash;

  LoginProvider(UserRepository users, PasswordHasher hasher) {
    this.users = users;
    this.hasher = hasher;
    this.dummyHash = hasher.hash(java.util.UUID.randomUUID().toString());
  }

  @Override
  public @NonNull AuthenticationResponse authenticate(
      HttpRequest<B> request, @NonNull AuthenticationRequest<String, String> authRequest) {
    String username = authRequest.getIdentity() == null ? "" : authRequest.getIdentity().trim();
    String password = authRequest.getSecret() == null ? "" : authRequest.getSecret();
    // a name with a control character (NUL among them) is no one's: PostgreSQL takes no NUL
    Optional<User> found =
        username.chars().anyMatch(Character::isISOControl)
            ? Optional.empty()
            : users.findByUsername(username.toLowerCase(java.util.Locale.ROOT));
    if (found.isEmpty()) {
      hasher.matches(password, dummyHash);
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
    User user = found.get();
    if (!hasher.matches(password, user.passwordHash())) {
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
    if (!user.enabled()) {
      return AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED);
    }
    Map<String, Object> claims = new HashMap<>();
    if (user.communityId() != null) {
      claims.put(Caller.COMMUNITY, user.communityId());
    }
    if (user.partnerUnitId() != null) {
      claims.put(Caller.PARTNER_UNIT, user.partnerUnitId());
    }
    if (user.jobseekerId() != null) {
      claims.put(Caller.JOBSEEKER, user.jobseekerId());
    }
    return AuthenticationResponse.success(user.username(), List.of(user.role().name()), claims);
  }
}
