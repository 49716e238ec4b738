package hongniang.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Bean-validation violations as field errors, named as the client wrote them. */
public final class Validation {

  private Validation() {}

  /**
   * The constraint violations of a bean, as field errors sorted by field, and for a record every
   * text (or text in a list) holding a control character: PostgreSQL refuses a NUL, and none
   * belongs in a name or a description.
   */
  public static List<FieldError> check(Validator validator, Object bean) {
    List<FieldError> errors = new ArrayList<>(toFieldErrors(validator.validate(bean)));
    if (bean != null && bean.getClass().isRecord()) {
      for (RecordComponent c : bean.getClass().getRecordComponents()) {
        Object value;
        try {
          value = c.getAccessor().invoke(bean);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + c.getName(), e);
        }
        if (value instanceof String text && hasControlCharacters(text)) {
          errors.add(controlCharacter(c.getName()));
        } else if (value instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String text && hasControlCharacters(text)) {
              errors.add(controlCharacter(c.getName() + "[" + i + "]"));
            }
          }
        }
      }
      errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::rule));
    }
    return errors;
  }

  private static FieldError controlCharacter(String field) {
    return new FieldError(
        field, "NoControlCharacters", "must not hold control characters (NUL and the like)");
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
