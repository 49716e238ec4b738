package hongniang.demo;

import hongniang.accounts.AdminBootstrap;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Prints where the service is and how to log in once the HTTP server is up: to standard output, not
 * the log, so that it stands out and is not filtered by log levels.
 */
@Singleton
class StartupBanner {

  private final AdminBootstrap admin;
  private final DemoLogins logins;
  private final String adminUsername;

  StartupBanner(
      AdminBootstrap admin,
      DemoLogins logins,
      @Value("${hongniang.admin.username:admin}") String adminUsername) {
    this.admin = admin;
    this.logins = logins;
    this.adminUsername = adminUsername;
  }

  @EventListener
  void onServerStartup(ServerStartupEvent event) {
    String firstLogin = admin.firstLogin();
    String adminLine =
        firstLogin != null
            ? firstLogin
            : "Admin login: " + adminUsername + " (password as set at first start)";
    System.out.println(banner(event.getSource().getPort(), adminLine, logins.lines()));
  }

  /** The banner's text: address, API docs, the admin line and any demo logins. */
  static String banner(int port, String adminLine, List<String> demoLines) {
    String url = "http://localhost:" + port + "/";
    String rule = "-".repeat(72);
    StringBuilder text = new StringBuilder();
    text.append('\n').append(rule).append('\n');
    text.append("  Hongniang 红娘 is running\n\n");
    text.append("  Open        ").append(url).append('\n');
    text.append("  Swagger UI  ").append(url).append("swagger-ui/index.html\n\n");
    text.append("  ").append(adminLine).append('\n');
    if (!demoLines.isEmpty()) {
      text.append("\n  Demo logins:\n");
      for (String line : demoLines) {
        text.append("    ").append(line).append('\n');
      }
    }
    return text.append(rule).append('\n').toString();
  }
}
