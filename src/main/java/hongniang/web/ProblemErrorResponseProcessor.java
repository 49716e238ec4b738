package hongniang.web;

import hongniang.common.FieldError;
import hongniang.common.MessageKey;
import hongniang.common.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Renders the framework's own errors (unknown route, wrong method or media type, unreadable or
 * missing body, 401/403, 500) as problem+json, so every error a client sees has one shape. Their
 * messages name Java parameters and parser internals, so none is passed on: the caller reads the
 * bundles' text for the status, and for a 400 the field and rule. A browser asking for one of the
 * site's pages gets a friendly page instead ({@link HtmlErrors}).
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

  private final HtmlErrors pages;

  ProblemErrorResponseProcessor(HtmlErrors pages) {
    this.pages = pages;
  }

  @Override
  @SuppressWarnings("unchecked")
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext errorContext, MutableHttpResponse<?> baseResponse) {
    int status = baseResponse.getStatus().getCode();
    HttpRequest<?> request = errorContext.getRequest();
    // a browser asking for a page gets the site's friendly page instead
    MutableHttpResponse<?> page = pages.render(request, baseResponse.getStatus()).orElse(null);
    if (page != null) {
      return (MutableHttpResponse<Problem>) page;
    }
    List<FieldError> errors = status == 400 ? badRequest(errorContext) : List.of();
    MessageKey detailText =
        MessageKey.of("detail." + status).with("method", request.getMethodName());
    Problem body =
        new Problem(
            "about:blank",
            baseResponse.getStatus().getReason(),
            status,
            baseResponse.getStatus().getReason(),
            request.getPath(),
            errors,
            errors.isEmpty() ? detailText : null,
            null);
    return baseResponse.body(body).contentType(Problem.MEDIA_TYPE);
  }

  /** The field and rule of a request the framework could not read. */
  private static List<FieldError> badRequest(ErrorContext context) {
    Throwable cause = context.getRootCause().orElse(null);
    if (cause instanceof JsonSyntaxException
        || cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
      return List.of(new FieldError("body", "Json", "not readable as JSON"));
    }
    if (cause instanceof UnsatisfiedBodyRouteException) {
      return List.of(new FieldError("body", "NotNull", "the request needs a body"));
    }
    if (cause instanceof UnsatisfiedRouteException missing) {
      String field = missing.getArgument().getName();
      return List.of(new FieldError(field, "NotNull", field + " is required"));
    }
    return context.getErrors().stream()
        .filter(e -> e.getPath().isPresent())
        .map(
            e ->
                new FieldError(e.getPath().get().replaceFirst("^/", ""), "invalid", e.getMessage()))
        .toList();
  }
}
