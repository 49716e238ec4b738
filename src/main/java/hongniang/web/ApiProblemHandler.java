package hongniang.web;

import hongniang.common.ApiProblem;
import hongniang.common.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A refused request as problem+json with its fields, rules and the texts of its messages. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
public class ApiProblemHandler implements ExceptionHandler<ApiProblem, HttpResponse<?>> {

  private final HtmlErrors pages;

  ApiProblemHandler(HtmlErrors pages) {
    this.pages = pages;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, ApiProblem problem) {
    MutableHttpResponse<?> page =
        pages.render(request, HttpStatus.valueOf(problem.status())).orElse(null);
    if (page != null) {
      return page;
    }
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
