package hongniang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.support.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The generated OpenAPI spec and the Swagger UI are served to anonymous callers. */
@MicronautTest(transactional = false)
class OpenApiIT implements DatabaseTest {

  /** Named by micronaut.openapi.filename in openapi.properties. */
  static final String SPEC = "/swagger/hongniang.yml";

  @Inject
  @Client("/")
  HttpClient http;

  @Test
  void specIsServedAnonymouslyWithPostingsAndBearerScheme() {
    HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET(SPEC), String.class);
    assertEquals(200, response.getStatus().getCode());
    String spec = response.body();
    assertTrue(spec.startsWith("openapi: 3."), spec.substring(0, Math.min(200, spec.length())));
    assertTrue(spec.contains("\n  /api/v1/postings:"), "postings path missing");
    assertTrue(spec.contains("\n  /api/v1/postings/import:"), "postings import path missing");
    // the login endpoint is Micronaut Security's, described in src/main/openapi/login.yml
    assertTrue(spec.contains("\n  /api/v1/login:"), "login path missing");
    assertTrue(spec.contains("LoginRequest:"), "login request schema missing");
    assertTrue(
        spec.contains("securitySchemes:\n    bearer:\n      type: http\n      scheme: bearer"),
        "bearer security scheme missing");
  }

  @Test
  void swaggerUiIsServedAnonymouslyAndPointsAtTheSpec() {
    HttpResponse<String> page =
        http.toBlocking()
            .exchange(
                HttpRequest.GET("/swagger-ui/index.html").accept(MediaType.TEXT_HTML),
                String.class);
    assertEquals(200, page.getStatus().getCode());
    assertTrue(
        page.getContentType().map(t -> t.getName().equals("text/html")).orElse(false),
        page.getContentType().toString());
    String html = page.body();
    assertTrue(html.contains("<div id='swagger-ui'>"), "not the Swagger UI page");
    assertTrue(html.contains("'" + "/swagger/hongniang.yml'"), "page does not load the spec");

    // the page's script and style must be served too, or the browser shows a blank page
    HttpResponse<byte[]> bundle =
        http.toBlocking()
            .exchange(HttpRequest.GET("/swagger-ui/res/swagger-ui-bundle.js"), byte[].class);
    assertEquals(200, bundle.getStatus().getCode());
    assertTrue(bundle.body().length > 100_000, "swagger-ui-bundle.js is too small");
  }

  @Test
  void theRootUrlIsTheJobSearchPage() {
    HttpResponse<String> page =
        http.toBlocking().exchange(HttpRequest.GET("/").accept(MediaType.TEXT_HTML), String.class);
    assertEquals(200, page.getStatus().getCode());
    assertTrue(page.body().contains("role=\"search\""), "the root is not the job search");
  }
}
