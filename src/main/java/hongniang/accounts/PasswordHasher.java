package hongniang.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
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

  /**
   * bcrypt reads 72 bytes at most: a longer password (25 Chinese characters are 75 bytes in UTF-8)
   * is first hashed with SHA-512 by the library's own strategy, so every character counts and
   * nothing fails; passwords of 72 bytes or fewer are hashed exactly as before.
   */
  private static final LongPasswordStrategy LONG =
      LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A);

  public String hash(String password) {
    return BCrypt.with(BCrypt.Version.VERSION_2A, LONG).hashToString(cost, password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return BCrypt.verifyer(BCrypt.Version.VERSION_2A, LONG)
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }
}
