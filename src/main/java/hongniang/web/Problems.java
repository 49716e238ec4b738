package hongniang.web;

import hongniang.common.FieldError;
import hongniang.common.MessageKey;
import hongniang.common.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/**
 * Builds problem+json responses. Title and detail given here are English for the log; {@link
 * ErrorLanguageFilter} renders them from the bundles before the body leaves.
 */
public final class Problems {

  private Problems() {}

  /** A problem response with the given status, title, detail and field errors. */
  public static MutableHttpResponse<Problem> response(
      HttpRequest<?> request, int status, String title, String detail, List<FieldError> errors) {
    return response(request, status, title, null, detail, errors);
  }

  /** A problem response whose detail the caller reads as {@code detailText}. */
  public static MutableHttpResponse<Problem> response(
      HttpRequest<?> request,
      int status,
      String title,
      MessageKey detailText,
      String detail,
      List<FieldError> errors) {
    Problem body =
        new Problem(
            "about:blank",
            title,
            status,
            detail,
            request == null ? null : request.getPath(),
            errors,
            detailText,
            null);
    return HttpResponse.<Problem>status(HttpStatus.valueOf(status))
        .body(body)
        .contentType(Problem.MEDIA_TYPE);
  }
}
