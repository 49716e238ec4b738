package hongniang.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/** bcrypt, cost 10 by default (about 70 ms here): slow for guessers, quick enough for a login. */
@Singleton
public class PasswordHasher {

  private final int cost;

  public PasswordHasher(@Value("${hongniang.bcrypt-cost:10}") int cost) {
    this.cost = cost;
  }

  public String hash(String password) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }
}
