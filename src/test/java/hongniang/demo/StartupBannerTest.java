package hongniang.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupBannerTest {

  @Test
  void showsAddressSwaggerAdminAndDemoLogins() {
    String banner =
        StartupBanner.banner(
            8080,
            "First admin login: admin / s3cret  (generated; shown only once)",
            List.of("xiayang      MATCHMAKER 社区红娘 · 下洋社区", "password for all: demo1234"));
    assertTrue(banner.contains("http://localhost:8080/\n"), banner);
    assertTrue(banner.contains("http://localhost:8080/swagger-ui/index.html"), banner);
    assertTrue(banner.contains("First admin login: admin / s3cret"), banner);
    assertTrue(banner.contains("Demo logins:\n    xiayang"), banner);
  }

  @Test
  void leavesOutDemoLoginsWhenThereAreNone() {
    String banner =
        StartupBanner.banner(
            9000, "Admin login: admin (password as set at first start)", List.of());
    assertTrue(banner.contains("http://localhost:9000/"), banner);
    assertFalse(banner.contains("Demo logins"), banner);
  }
}
