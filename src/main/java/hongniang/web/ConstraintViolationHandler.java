package hongniang.web;

import hongniang.common.FieldError;
import hongniang.common.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns bean-validation failures into problem+json: the field as the client wrote it (no Java
 * method or argument names) and the rule as the constraint's name, e.g. {@code NotBlank}.
 */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler
    implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

  @Override
  public HttpResponse<Problem> handle(
      HttpRequest request, ConstraintViolationException exception) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : exception.getConstraintViolations()) {
      errors.add(new FieldError(fieldOf(v), ruleOf(v), v.getMessage()));
    }
    errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::rule));
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return Problems.response(request, 400, "Invalid request", detail, errors);
  }

  /** Drops the method and argument names: {@code create.body.wageMax} becomes {@code wageMax}. */
  static String fieldOf(ConstraintViolation<?> violation) {
    List<String> parts = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> parts.clear();
        default -> {
          String name = node.getName();
          String index = node.getIndex() != null ? "[" + node.getIndex() + "]" : "";
          if (name != null && !name.isEmpty() && !name.startsWith("<")) {
            parts.add(name + index);
          } else if (!index.isEmpty() && !parts.isEmpty()) {
            parts.set(parts.size() - 1, parts.get(parts.size() - 1) + index);
          }
        }
      }
    }
    if (parts.isEmpty()) {
      // a parameter-level violation such as a query parameter: name the parameter itself
      String last = null;
      for (Path.Node node : violation.getPropertyPath()) {
        last = node.getName();
      }
      return last == null ? "" : last;
    }
    return String.join(".", parts);
  }

  static String ruleOf(ConstraintViolation<?> violation) {
    return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
  }
}
