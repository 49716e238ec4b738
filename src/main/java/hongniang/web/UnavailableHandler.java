package hongniang.web;

import hongniang.common.Problem;
import hongniang.common.Unavailable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A part the service leans on failed: a 503; PostgreSQL still holds everything. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
public class UnavailableHandler implements ExceptionHandler<Unavailable, HttpResponse<Problem>> {

  private static final Logger LOG = LoggerFactory.getLogger(UnavailableHandler.class);

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, Unavailable exception) {
    LOG.error("Unavailable on {}", request.getPath(), exception);
    return Problems.response(
        request, 503, "Service Unavailable", exception.publicMessage(), List.of());
  }
}
