package hongniang.pages.staff;

import hongniang.common.ApiProblem;
import hongniang.pages.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Map;

/** What the matchmaker's pages share: reading ids and typed text, answering with a view. */
final class Staff {

  private Staff() {}

  /** An id as typed in a path or a form: digits only, else null (a bad id is a 404). */
  static @Nullable Long id(@Nullable String value) {
    if (value == null || !value.strip().matches("\\d{1,18}")) {
      return null;
    }
    return Long.parseLong(value.strip());
  }

  /** A form's text: stripped, without control characters, null when empty. */
  static @Nullable String text(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String v = value.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
    return v.isEmpty() ? null : v;
  }

  /** A 404 from a service. */
  static boolean notFound(ApiProblem problem) {
    return problem.status() == 404;
  }

  static HttpResponse<ModelAndView<Map<String, Object>>> ok(String view, Object model) {
    return HttpResponse.ok(new ModelAndView<>(view, Map.of("view", model)));
  }

  static HttpResponse<ModelAndView<Map<String, Object>>> status(
      int status, String view, Object model) {
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(
            io.micronaut.http.HttpStatus.valueOf(status))
        .body(new ModelAndView<>(view, Map.of("view", model)));
  }

  static HttpResponse<?> seeOther(String location) {
    return HttpResponse.seeOther(URI.create(location));
  }

  /** The frame of a page titled by a key. */
  static Page frame(io.micronaut.http.HttpRequest<?> request, String titleKey, String path) {
    return Page.of(request, Page.texts(request).t(titleKey), path);
  }

  /** The constant of that name, or null (none given, or not one of them). */
  static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value) {
    if (value == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    return null;
  }
}
