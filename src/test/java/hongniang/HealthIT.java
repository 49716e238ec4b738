package hongniang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.support.Api;
import hongniang.support.DatabaseTest;
import hongniang.support.Reply;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /health answers anonymous callers with the overall status, and staff with the database. */
@MicronautTest(transactional = false)
class HealthIT implements DatabaseTest {

  @Inject
  @Client("/")
  HttpClient http;

  @Inject JsonMapper json;

  @Test
  void anonymousCallersSeeOnlyTheOverallStatus() {
    Reply health = new Api(http, json).get("/health", null);
    assertEquals(200, health.status(), health.toString());
    assertEquals("UP", health.str("status"), health.toString());
    assertTrue(!health.text().contains("jdbc:"), "no connection details for anonymous callers");
  }

  @Test
  void signedInStaffSeeTheDatabaseComponent() {
    Api api = new Api(http, json);
    Reply health = api.get("/health", api.login("admin", "admin-test-password"));
    assertEquals(200, health.status(), health.toString());
    assertEquals("UP", health.str("status"), health.toString());
    Object jdbc = ((Map<?, ?>) health.at("details")).get("jdbc");
    assertNotNull(jdbc, "no jdbc component in " + health);
    assertEquals("UP", ((Map<?, ?>) jdbc).get("status"), health.toString());
    assertTrue(health.text().contains("\"database\":\"PostgreSQL\""), health.toString());
  }
}
