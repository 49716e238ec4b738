package hongniang.web;

import hongniang.common.FieldError;
import hongniang.common.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** Builds problem+json responses. */
public final class Problems {

  private Problems() {}

  /** A problem response with the given status, title, detail and field errors. */
  public static MutableHttpResponse<Problem> response(
      HttpRequest<?> request, int status, String title, String detail, List<FieldError> errors) {
    Problem body =
        new Problem(
            "about:blank",
            title,
            status,
            detail,
            request == null ? null : request.getPath(),
            errors);
    return HttpResponse.<Problem>status(HttpStatus.valueOf(status))
        .body(body)
        .contentType(Problem.MEDIA_TYPE);
  }
}
