package hongniang.web;

import hongniang.common.FieldError;
import hongniang.common.MessageKey;
import hongniang.common.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.inject.Singleton;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
      return expected(argument.getName(), argument);
    }
    List<ReferencePath> path = serde.getPath();
    if (path.isEmpty()) {
      // the body itself has the wrong shape: an array, a string, where an object belongs
      return expected("body", exception.getArgument());
    }
    ReferencePath innermost = path.get(0);
    Argument<?> at = innermost.getArgument();
    if (innermost instanceof CollectionItemReferencePath item
        && item.collectionArgument().getTypeParameters().length == 1) {
      at = item.collectionArgument().getTypeParameters()[0];
    }
    return expected(jsonPath(path), at);
  }

  /** What the value at {@code field} should be: one of an enum's constants, or a kind of value. */
  private static FieldError expected(String field, Argument<?> argument) {
    Class<?> type = argument.getType();
    if (type.isEnum()) {
      return FieldError.oneOf(field, List.of(type.getEnumConstants()));
    }
    String kind = kind(type);
    return new FieldError(field, "Type", field + " must be of type " + kind)
        .with("expected", MessageKey.of("type." + kind));
  }

  /** The kind of value a type reads, as the bundles name it ({@code type.<kind>}). */
  static String kind(Class<?> type) {
    Class<?> t = Argument.of(type).getWrapperType();
    if (t == Integer.class || t == Long.class || t == Short.class) {
      return t.getSimpleName();
    }
    if (Number.class.isAssignableFrom(t)) {
      return "Number";
    }
    if (t == Boolean.class) {
      return "Boolean";
    }
    if (t == String.class || t == Character.class) {
      return "String";
    }
    if (Temporal.class.isAssignableFrom(t)) {
      return t.getSimpleName();
    }
    if (Collection.class.isAssignableFrom(t) || t.isArray()) {
      return "List";
    }
    return Map.class.isAssignableFrom(t) || !t.getName().startsWith("java.") ? "Object" : "Value";
  }

  /** The JSON path of a reader's reference path (innermost first): {@code skills[0]}. */
  private static String jsonPath(List<ReferencePath> path) {
    StringBuilder json = new StringBuilder();
    for (int i = path.size() - 1; i >= 0; i--) {
      ReferencePath p = path.get(i);
      if (p instanceof CollectionItemReferencePath item) {
        json.append('[').append(item.index()).append(']');
      } else if (p instanceof MapItemReferencePath entry) {
        json.append('.').append(entry.key());
      } else if (p instanceof PropertyReferencePath property) {
        json.append('.').append(property.property().getName());
      }
    }
    return json.length() > 0 && json.charAt(0) == '.' ? json.substring(1) : json.toString();
  }
}
