package hongniang.web;

import hongniang.common.FieldError;
import hongniang.common.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An unreadable body or parameter: names the unknown JSON field, or the argument that could not be
 * converted, in problem+json.
 */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Replaces(ConversionErrorHandler.class)
public class BodyReadHandler
    implements ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> {

  private static final Pattern UNKNOWN = Pattern.compile("Unknown property \\[([^\\]]+)\\]");

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, ConversionErrorException exception) {
    String message = messageChain(exception);
    Matcher unknown = UNKNOWN.matcher(message);
    if (unknown.find()) {
      String field = unknown.group(1);
      return Problems.response(
          request,
          400,
          "Invalid request",
          "Unknown field: " + field,
          List.of(new FieldError(field, "UnknownField", "this field is not part of the request")));
    }
    String field = exception.getArgument().getName();
    String reason = exception.getConversionError().getCause().getMessage();
    return Problems.response(
        request,
        400,
        "Invalid request",
        "Could not read " + field,
        List.of(new FieldError(field, "Type", shorten(reason))));
  }

  private static String messageChain(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getMessage()).append(' ');
    }
    return sb.toString();
  }

  /** Keeps a reader's message but drops Java type names, which mean nothing to a client. */
  private static String shorten(String reason) {
    if (reason == null) {
      return "could not be read";
    }
    String cleaned = reason.replaceAll("(of type|type)[: ]+\\[?[a-z]+(\\.[A-Za-z0-9_$]+)+\\]?", "");
    return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
  }
}
