package hongniang.web;

import hongniang.common.ApiProblem;
import hongniang.common.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A refused request as problem+json with its fields, rules and the texts of its messages. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
public class ApiProblemHandler implements ExceptionHandler<ApiProblem, HttpResponse<Problem>> {

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, ApiProblem problem) {
    MutableHttpResponse<Problem> response =
        Problems.response(
            request,
            problem.status(),
            problem.title(),
            problem.detailText(),
            problem.getMessage(),
            problem.errors());
    return response.body(response.body().withCandidates(problem.candidates()));
  }
}
