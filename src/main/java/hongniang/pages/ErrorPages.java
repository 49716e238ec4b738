package hongniang.pages;

import hongniang.web.HtmlErrors;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Friendly error pages in the reader's language: what happened and where to go next. A page the
 * visitor must sign in for sends them to the sign-in page and back; the API's errors stay
 * problem+json.
 */
@Singleton
public class ErrorPages implements HtmlErrors {

  private final ViewsRendererLocator views;

  ErrorPages(ViewsRendererLocator views) {
    this.views = views;
  }

  /** What an error page shows: its frame, the status and which texts. */
  public record View(Page page, int status, String heading, String advice) {}

  public static HttpResponse<ModelAndView<Map<String, Object>>> notFound(
      HttpRequest<?> request, String path) {
    return page(request, path, HttpStatus.NOT_FOUND);
  }

  @Override
  public Optional<MutableHttpResponse<?>> render(HttpRequest<?> request, HttpStatus status) {
    if (!wantsPage(request)) {
      return Optional.empty();
    }
    if (status == HttpStatus.UNAUTHORIZED) {
      String back = request.getMethod().name().equals("GET") ? request.getUri().toString() : "/";
      return Optional.of(HttpResponse.seeOther(URI.create("/sign-in?back=" + Links.encode(back))));
    }
    // an error response is not rendered by the views filter: the page is written here
    MutableHttpResponse<ModelAndView<Map<String, Object>>> page =
        page(request, request.getPath(), status);
    ModelAndView<Map<String, Object>> model = page.body();
    String view = model.getView().orElseThrow();
    ViewsRenderer<Object, HttpRequest<?>> renderer =
        views
            .resolveViewsRenderer(view, MediaType.TEXT_HTML, model.getModel().orElseThrow())
            .orElseThrow();
    StringWriter html = new StringWriter();
    try {
      renderer.render(view, model.getModel().orElseThrow(), request).writeTo(html);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(
        HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(html.toString()));
  }

  /** A request for a page from a browser: outside the API, and not asking for JSON. */
  static boolean wantsPage(HttpRequest<?> request) {
    if (!Csrf.isPage(request)) {
      return false;
    }
    String accept = request.getHeaders().get("Accept");
    return accept == null || accept.contains("text/html") || accept.contains("*/*");
  }

  private static MutableHttpResponse<ModelAndView<Map<String, Object>>> page(
      HttpRequest<?> request, String path, HttpStatus status) {
    String kind =
        switch (status) {
          case NOT_FOUND, METHOD_NOT_ALLOWED -> "notFound";
          case FORBIDDEN -> "forbidden";
          case BAD_REQUEST, UNPROCESSABLE_ENTITY, CONFLICT, REQUEST_ENTITY_TOO_LARGE ->
              "badRequest";
          default -> "failed";
        };
    Page frame = Page.of(request, "", Switches.localPath(path));
    String heading = frame.t().t("page.error." + kind + ".heading");
    View view =
        new View(
            new Page(frame.t(), frame.elder(), heading, frame.path(), frame.caller(), frame.csrf()),
            status.getCode(),
            heading,
            frame.t().t("page.error." + kind + ".advice"));
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(status)
        .contentType(MediaType.TEXT_HTML_TYPE)
        .body(new ModelAndView<>("error", Map.of("view", view)));
  }
}
