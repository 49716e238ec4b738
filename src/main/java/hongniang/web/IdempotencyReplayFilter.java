package hongniang.web;

import hongniang.common.Idempotency;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Marks a response built from a replayed result ({@link Idempotency}) with {@code
 * Idempotent-Replayed: true}, so a client can tell a retry answered from the first request's result
 * from a first answer. The controller does nothing for it: it passes the {@code Idempotency-Key}
 * header to its service, which calls {@link Idempotency#once}.
 */
@ServerFilter("/api/**")
public class IdempotencyReplayFilter {

  @ResponseFilter
  public void mark(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (request.getAttribute(Idempotency.REPLAYED_ATTRIBUTE, Boolean.class).orElse(false)) {
      response.header(Idempotency.REPLAYED_HEADER, "true");
    }
  }
}
