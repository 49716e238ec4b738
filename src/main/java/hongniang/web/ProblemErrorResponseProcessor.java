package hongniang.web;

import hongniang.common.FieldError;
import hongniang.common.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Renders the framework's own errors (unknown route, wrong method, unreadable body, 401/403) as
 * problem+json, so every error a client sees has one shape.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext errorContext, MutableHttpResponse<?> baseResponse) {
    int status = baseResponse.getStatus().getCode();
    List<FieldError> errors =
        status >= 500
            ? List.of()
            : errorContext.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(ProblemErrorResponseProcessor::toFieldError)
                .toList();
    // a server error's message is an internal detail (and may hold data): never shown
    String detail =
        status >= 500
            ? baseResponse.getStatus().getReason()
            : errorContext.getErrors().stream()
                .map(Error::getMessage)
                .findFirst()
                .orElse(baseResponse.getStatus().getReason());
    Problem body =
        new Problem(
            "about:blank",
            baseResponse.getStatus().getReason(),
            status,
            detail,
            errorContext.getRequest().getPath(),
            errors);
    return baseResponse.body(body).contentType(Problem.MEDIA_TYPE);
  }

  private static FieldError toFieldError(Error error) {
    return new FieldError(error.getPath().orElse(""), "invalid", error.getMessage());
  }
}
