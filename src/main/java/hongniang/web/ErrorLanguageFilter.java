package hongniang.web;

import hongniang.common.ImportReport;
import hongniang.common.Problem;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Renders every error a caller reads in their language, at the edge: a problem+json body (from the
 * handlers, the framework, the security rules) and the rejected rows of an import report. It runs
 * outside the security filter, so a 401 or 403 passes through it too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ErrorLanguageFilter implements Ordered {

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before();
  }

  /** Replaces a problem or an import report with its rendering in the request's language. */
  @ResponseFilter
  public void render(HttpRequest<?> request, MutableHttpResponse<?> response) {
    Object body = response.body();
    Messages messages = Messages.of(request);
    if (body instanceof Problem problem) {
      ((MutableHttpResponse<Object>) response).body(messages.render(problem));
    } else if (body instanceof ImportReport report) {
      ((MutableHttpResponse<Object>) response).body(messages.render(report));
    } else {
      return;
    }
    response.header(HttpHeaders.CONTENT_LANGUAGE, messages.locale().getLanguage());
    response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
  }
}
