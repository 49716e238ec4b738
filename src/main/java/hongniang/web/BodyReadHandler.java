package hongniang.web;

import hongniang.common.FieldError;
import hongniang.common.Problem;
import hongniang.common.ReadErrors;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An unreadable body or parameter, in problem+json: the unknown JSON field, or the field (JSON
 * path, e.g. {@code skills[0]}) or parameter whose value could not be read, with what it should be
 * — an enum's allowed values (rule {@code OneOf}), else its kind (rule {@code Type}). The reader's
 * own message, with its Java types, never reaches the caller.
 */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Replaces(ConversionErrorHandler.class)
public class BodyReadHandler
    implements ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> {

  private static final Pattern UNKNOWN = Pattern.compile("Unknown property \\[([^\\]]+)\\]");

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, ConversionErrorException exception) {
    FieldError error = readError(exception);
    return Problems.response(
        request, 400, "Invalid request", "Could not read " + error.field(), List.of(error));
  }

  /** The field that could not be read and what it should have been. */
  static FieldError readError(ConversionErrorException exception) {
    StringBuilder chain = new StringBuilder();
    SerdeException serde = null;
    for (Throwable c = exception; c != null; c = c.getCause()) {
      chain.append(c.getMessage()).append(' ');
      if (serde == null && c instanceof SerdeException s) {
        serde = s;
      }
    }
    Matcher unknown = UNKNOWN.matcher(chain);
    if (unknown.find()) {
      return new FieldError(
          unknown.group(1), "UnknownField", "this field is not part of the request");
    }
    if (serde == null) {
      // a query or path parameter
      Argument<?> argument = exception.getArgument();
      return ReadErrors.expected(argument.getName(), argument);
    }
    FieldError at = ReadErrors.of(serde, exception.getArgument());
    // no path: the body itself has the wrong shape (an array, a string, where an object belongs)
    return at != null ? at : ReadErrors.expected("body", exception.getArgument());
  }
}
