package hongniang.web;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.Problem;
import hongniang.common.Validation;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.List;

/**
 * Turns bean-validation failures into problem+json: the field as the client wrote it and the rule
 * as the constraint's name, e.g. {@code NotBlank}, with the constraint's limits for the message.
 */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler
    implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
    List<FieldError> errors = Validation.toFieldErrors(exception.getConstraintViolations());
    ApiProblem problem = ApiProblem.invalid(errors);
    return Problems.response(request, 400, problem.title(), problem.getMessage(), errors);
  }
}
