package hongniang.search;

import hongniang.common.Problem;
import hongniang.web.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A broken or not-yet-open index is a 503: PostgreSQL still holds everything. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
class SearchExceptionHandler implements ExceptionHandler<SearchException, HttpResponse<Problem>> {

  private static final Logger LOG = LoggerFactory.getLogger(SearchExceptionHandler.class);

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, SearchException exception) {
    LOG.error("Search failed on {}", request.getPath(), exception);
    return Problems.response(
        request, 503, "Service Unavailable", "search is not available right now", List.of());
  }
}
