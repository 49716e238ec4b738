package hongniang.pages;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;
import java.util.Map;

/** Friendly error pages in the reader's language: what happened and where to go next. */
public final class ErrorPages {

  private ErrorPages() {}

  /** What an error page shows: its frame, the status and which texts. */
  public record View(Page page, int status, String heading, String advice) {}

  static HttpResponse<ModelAndView<Map<String, Object>>> notFound(
      Texts t, boolean elder, String path) {
    return page(t, elder, path, HttpStatus.NOT_FOUND, "notFound");
  }

  private static HttpResponse<ModelAndView<Map<String, Object>>> page(
      Texts t, boolean elder, String path, HttpStatus status, String kind) {
    String heading = t.t("page.error." + kind + ".heading");
    View view =
        new View(
            new Page(t, elder, heading, path),
            status.getCode(),
            heading,
            t.t("page.error." + kind + ".advice"));
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(status)
        .body(new ModelAndView<>("error", Map.of("view", view)));
  }
}
