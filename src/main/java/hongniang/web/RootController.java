package hongniang.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;

/** The root URL: until the pages arrive, the API's own documentation is the front door. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class RootController {

  @Get(produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
  @Hidden
  HttpResponse<?> root() {
    return HttpResponse.seeOther(URI.create("/swagger-ui/index.html"));
  }
}
