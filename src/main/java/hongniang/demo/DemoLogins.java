package hongniang.demo;

import hongniang.accounts.AccountService;
import hongniang.accounts.NewUser;
import hongniang.accounts.PasswordHasher;
import hongniang.security.Role;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's logins, one or two per role, all with the demo password; residents of the history who
 * use the service themselves have logins too ({@code jm00012}), written with the history.
 */
@Singleton
class DemoLogins {

  /** The password when {@code DEMO_PASSWORD} is not set. */
  static final String DEFAULT_PASSWORD = "demo1234";

  /** The persona's login: the demo's resident. */
  static final String RESIDENT_LOGIN = "resident";

  /** A demo login and what it is bound to: a community, a unit's name, or the persona. */
  record Login(String username, Role role, String displayName, String boundTo, String about) {}

  static final List<Login> ALL =
      List.of(
          new Login("xiayang", Role.MATCHMAKER, "下洋社区红娘", "下洋", "社区红娘 · 下洋社区"),
          new Login("hongyinshan", Role.MATCHMAKER, "红印山社区红娘", "红印山", "社区红娘 · 红印山社区"),
          new Login(
              "minzheng",
              Role.EMPLOYER,
              "民政福利厂人事专员",
              UnitCatalogue.WELFARE_FACTORY,
              "用工单位 · " + UnitCatalogue.WELFARE_FACTORY),
          new Login(
              "wanzi",
              Role.EMPLOYER,
              "万紫千红店长",
              UnitCatalogue.WANZI,
              "用工单位 · " + UnitCatalogue.WANZI),
          new Login(
              RESIDENT_LOGIN,
              Role.RESIDENT,
              DemoGenerator.PERSONA_NAME,
              DemoGenerator.PERSONA_NAME,
              "求职居民 · " + DemoGenerator.PERSONA_NAME + "（下洋）"));

  private final AccountService accounts;
  private final PasswordHasher hasher;
  private final String password;

  DemoLogins(
      AccountService accounts,
      PasswordHasher hasher,
      @Value("${hongniang.demo-password:" + DEFAULT_PASSWORD + "}") String password) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.password = password == null || password.isBlank() ? DEFAULT_PASSWORD : password;
  }

  /**
   * One hash of the demo password, for the logins of residents who use the service themselves
   * (hashing each of thousands would take minutes).
   */
  String passwordHash() {
    return hasher.hash(password);
  }

  /**
   * Creates each missing login whose binding is known; returns how many were created.
   *
   * @param communityIds community ids by name
   * @param unitIds partner unit ids by name
   * @param residentId the persona's jobseeker id, or null when this run did not create her
   */
  int create(Map<String, Long> communityIds, Map<String, Long> unitIds, Long residentId) {
    int created = 0;
    for (Login login : ALL) {
      Long binding =
          switch (login.role()) {
            case MATCHMAKER -> communityIds.get(login.boundTo());
            case EMPLOYER -> unitIds.get(login.boundTo());
            case RESIDENT -> residentId;
            case ADMIN -> null;
          };
      if (binding == null) {
        continue;
      }
      NewUser user =
          new NewUser(
              login.username(),
              password,
              login.role(),
              login.displayName(),
              login.role() == Role.MATCHMAKER ? binding : null,
              login.role() == Role.EMPLOYER ? binding : null,
              login.role() == Role.RESIDENT ? binding : null);
      if (accounts.createIfAbsent(user)) {
        created++;
      }
    }
    return created;
  }

  /** One line per demo login that exists, then the password; empty when there are none. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (Login login : ALL) {
      if (accounts.find(login.username()).isPresent()) {
        lines.add(String.format("%-12s %-10s %s", login.username(), login.role(), login.about()));
      }
    }
    if (!lines.isEmpty()) {
      lines.add(
          password.equals(DEFAULT_PASSWORD)
              ? "password for all: " + DEFAULT_PASSWORD
              : "password for all: the DEMO_PASSWORD you set");
    }
    return lines;
  }
}
