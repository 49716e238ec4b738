package hongniang.accounts;

import hongniang.security.Role;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first admin from {@code ADMIN_USERNAME}/{@code ADMIN_PASSWORD} when no admin exists;
 * without a password it generates one and prints it once.
 */
@Singleton
public class AdminBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY23456789";

  private final AccountService accounts;
  private final String username;
  private final String password;
  private volatile String firstLogin;

  AdminBootstrap(
      AccountService accounts,
      @Value("${hongniang.admin.username:admin}") String username,
      @Value("${hongniang.admin.password:}") String password) {
    this.accounts = accounts;
    this.username = username;
    this.password = password;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    ensureAdmin();
  }

  /** Creates the first admin if there is none; returns the line that tells how to log in. */
  public synchronized void ensureAdmin() {
    if (accounts.countAdmins() > 0) {
      return;
    }
    boolean generated = password == null || password.isBlank();
    String secret = generated ? generatePassword() : password;
    accounts.create(new NewUser(username, secret, Role.ADMIN, "街道管理员", null, null, null));
    firstLogin =
        generated
            ? "First admin login: " + username + " / " + secret + "  (generated; shown only once)"
            : "First admin login: " + username + " / (the ADMIN_PASSWORD you set)";
    LOG.info("Created the first admin user '{}'", username);
  }

  /**
   * Recovers a lost admin login: sets the admin's password to {@code ADMIN_PASSWORD}, or to a new
   * generated one, and enables the account (creating it if it is gone); returns the line that tells
   * how to log in. A user of that name with another role is left alone.
   */
  public synchronized String resetAdmin() {
    boolean generated = password == null || password.isBlank();
    String secret = generated ? generatePassword() : password;
    Optional<UserView> existing = accounts.find(username);
    if (existing.isEmpty()) {
      accounts.create(new NewUser(username, secret, Role.ADMIN, "街道管理员", null, null, null));
    } else if (existing.get().role() != Role.ADMIN) {
      throw new IllegalStateException(
          "user '" + username + "' is not an admin; set ADMIN_USERNAME to the admin's name");
    } else {
      accounts.resetPassword(existing.get().id(), secret);
      accounts.update(existing.get().id(), new UserUpdate(true, null));
    }
    LOG.info("Reset the admin login of '{}'", username);
    return "Admin login reset: "
        + username
        + " / "
        + (generated ? secret + "  (generated; shown only once)" : "(the ADMIN_PASSWORD you set)");
  }

  /** The first-login line when this start created the admin, else null. */
  public String firstLogin() {
    return firstLogin;
  }

  private static String generatePassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
