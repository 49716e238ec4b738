package hongniang.vocabulary;

import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;

/**
 * How job names are read: anyone signed in may ask; staff see the local names; admins add and
 * remove them.
 */
@Controller("/api/v1/occupations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Occupations")
class VocabularyController {

  private final VocabularyService vocabulary;

  VocabularyController(VocabularyService vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** How a name is read: listed, local, read as a listed name, or unknown. */
  @Get("/resolve")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  ResolutionView resolve(HttpRequest<?> request, @Nullable @QueryValue String name) {
    return vocabulary.resolve(name, locale(request));
  }

  @Get("/local-names")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  List<LocalNameView> list(HttpRequest<?> request) {
    return vocabulary.list(locale(request));
  }

  @Post("/local-names")
  @Secured(Role.ADMIN_NAME)
  HttpResponse<LocalNameView> add(
      HttpRequest<?> request, Authentication auth, @Body LocalNameRequest body) {
    return HttpResponse.created(vocabulary.add(Caller.of(auth), body, locale(request)));
  }

  @Delete("/local-names/{id}")
  @Secured(Role.ADMIN_NAME)
  LocalNameView.Reindexed remove(@PathVariable long id) {
    return vocabulary.remove(id);
  }

  private static Locale locale(HttpRequest<?> request) {
    // as errors are: English when asked for, Chinese otherwise (fr gets Chinese, not a mix)
    return request
        .getLocale()
        .filter(l -> "en".equals(l.getLanguage()))
        .orElse(Locale.SIMPLIFIED_CHINESE);
  }
}
