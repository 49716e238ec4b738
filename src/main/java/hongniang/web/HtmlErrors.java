package hongniang.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.Optional;

/**
 * The site's friendly error pages, for a browser asking for a page; empty for API callers, who get
 * problem+json.
 */
public interface HtmlErrors {

  Optional<MutableHttpResponse<?>> render(HttpRequest<?> request, HttpStatus status);
}
