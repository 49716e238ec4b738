package hongniang.pages.admin;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.ReadErrors;
import hongniang.pages.Form;
import hongniang.pages.Texts;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the admin's pages share: a view as a model, the redirect after a post, a refused form shown
 * again, and a form's numbers and dates read into field errors (letters in a number are the field's
 * message, never a 500).
 */
final class Admin {

  private Admin() {}

  static ModelAndView<Map<String, Object>> view(String name, Object view) {
    return new ModelAndView<>("admin/" + name, Map.of("view", view));
  }

  static MutableHttpResponse<?> seeOther(String path) {
    return HttpResponse.seeOther(URI.create(path));
  }

  /** A page with a status other than 200: a refused form, its problem's status. */
  static MutableHttpResponse<?> status(int status, String name, Object view) {
    return HttpResponse.status(HttpStatus.valueOf(status))
        .contentType(MediaType.TEXT_HTML_TYPE)
        .body(view(name, view));
  }

  /** The form's values, stripped, the CSRF token left out. */
  static Form form(Map<String, String> body) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    body.forEach(
        (k, v) -> {
          if (!"_csrf".equals(k) && v != null) {
            values.put(k, v.strip());
          }
        });
    return Form.of(values);
  }

  /** The form refused for these field errors, in the reader's language. */
  static Form failed(Form form, List<FieldError> errors, Texts t) {
    return form.failed(ApiProblem.invalid(errors), t);
  }

  /** A form's text, null when blank. */
  static String text(Form form, String field) {
    String v = form.value(field);
    return v.isEmpty() ? null : v;
  }

  /** A form's whole number, null when blank; letters are the field's error. */
  static Long number(Form form, String field, List<FieldError> errors) {
    String v = form.value(field);
    if (v.isEmpty()) {
      return null;
    }
    if (v.matches("\\d{1,15}")) {
      return Long.parseLong(v);
    }
    errors.add(ReadErrors.expected(field, Argument.of(Long.class)));
    return null;
  }

  /** A form's date (yyyy-mm-dd, as a date input sends it), null when blank. */
  static LocalDate date(Form form, String field, List<FieldError> errors) {
    String v = form.value(field);
    if (v.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      errors.add(ReadErrors.expected(field, Argument.of(LocalDate.class)));
      return null;
    }
  }

  static List<FieldError> errors() {
    return new ArrayList<>();
  }
}
