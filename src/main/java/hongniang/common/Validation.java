package hongniang.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Bean-validation violations as field errors, named as the client wrote them. */
public final class Validation {

  private Validation() {}

  /** The constraint violations of a bean, as field errors sorted by field. */
  public static List<FieldError> check(Validator validator, Object bean) {
    return toFieldErrors(validator.validate(bean));
  }

  /** Violations as field errors, sorted by field and rule. */
  public static List<FieldError> toFieldErrors(
      Collection<? extends ConstraintViolation<?>> violations) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : violations) {
      String rule = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
      Map<String, Object> limits = v.getConstraintDescriptor().getAttributes();
      FieldError error = new FieldError(fieldOf(v.getPropertyPath()), rule, v.getMessage());
      if (rule.equals("Size")) {
        error =
            error.with(
                "limit",
                sizeLimit(
                    ((Number) limits.get("min")).intValue(),
                    ((Number) limits.get("max")).intValue(),
                    !(v.getInvalidValue() instanceof CharSequence)));
      } else if (rule.equals("Min") || rule.equals("Max")) {
        error = error.with("value", limits.get("value"));
      }
      errors.add(error);
    }
    errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::rule));
    return errors;
  }

  /**
   * How long a text or list may be, as a message argument: "at most 30 characters", "1 to 2000
   * items".
   */
  public static MessageKey sizeLimit(int min, int max, boolean items) {
    MessageKey unit = MessageKey.of(items ? "unit.items" : "unit.characters");
    if (min <= 0) {
      return MessageKey.of("limit.atMost").with("max", max).with("unit", unit);
    }
    if (max == Integer.MAX_VALUE) {
      return MessageKey.of("limit.atLeast").with("min", min).with("unit", unit);
    }
    return MessageKey.of("limit.between").with("min", min).with("max", max).with("unit", unit);
  }

  /**
   * Drops Java method and argument names: {@code create.body.wageMax} becomes {@code wageMax}; a
   * violation on a query parameter keeps the parameter's name.
   */
  static String fieldOf(Path path) {
    List<String> parts = new ArrayList<>();
    String lastName = "";
    for (Path.Node node : path) {
      if (node.getName() != null) {
        lastName = node.getName();
      }
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> parts.clear();
        default -> {
          String name = node.getName();
          String index = node.getIndex() != null ? "[" + node.getIndex() + "]" : "";
          if (name != null && !name.isEmpty() && !name.startsWith("<")) {
            parts.add(name + index);
          } else if (!index.isEmpty() && !parts.isEmpty()) {
            parts.set(parts.size() - 1, parts.get(parts.size() - 1) + index);
          }
        }
      }
    }
    return parts.isEmpty() ? lastName : String.join(".", parts);
  }

  /** True when a text holds a control character (NUL, escape…) other than tab and line breaks. */
  public static boolean hasControlCharacters(String text) {
    return text != null
        && text.chars()
            .anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
  }
}
