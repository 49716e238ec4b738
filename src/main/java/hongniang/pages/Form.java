package hongniang.pages;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.Problem;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form as the reader filled it in, with what was wrong: each field's message (shown beside the
 * field and tied to it) and a summary at the top. A refused form is shown again with its values, so
 * nothing typed is lost.
 */
public record Form(
    Map<String, String> values, Map<String, String> errors, @Nullable String summary) {

  public static Form empty() {
    return new Form(Map.of(), Map.of(), null);
  }

  public static Form of(Map<String, String> values) {
    return new Form(values, Map.of(), null);
  }

  /** The form with the problem the service found, in the reader's language. */
  public Form failed(ApiProblem problem, Texts t) {
    Problem rendered =
        t.messages()
            .render(
                new Problem(
                    "about:blank",
                    problem.title(),
                    problem.status(),
                    problem.getMessage(),
                    null,
                    problem.errors(),
                    problem.detailText(),
                    null));
    Map<String, String> byField = new LinkedHashMap<>();
    List<FieldError> errors = rendered.errors() == null ? List.of() : rendered.errors();
    for (FieldError e : errors) {
      byField.merge(e.field(), e.message(), (a, b) -> a + " " + b);
    }
    return new Form(values, byField, rendered.detail());
  }

  /** The form with one message of its own, not from a service (a wrong password). */
  public Form failed(String summary) {
    return new Form(values, errors, summary);
  }

  /** What the reader typed in a field, or "". */
  public String value(String name) {
    String v = values.get(name);
    return v == null ? "" : v;
  }

  /** The message for a field, or null. */
  public @Nullable String error(String name) {
    return errors.get(name);
  }

  public boolean failed() {
    return summary != null || !errors.isEmpty();
  }
}
