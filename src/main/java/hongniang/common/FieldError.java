package hongniang.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One broken rule: the field (JSON path, e.g. {@code wageMax} or {@code [3].idNumber}), the rule it
 * broke (a stable machine word such as {@code CheckDigit}), and a readable message. The message a
 * client reads is rendered from the bundles in its language by {@link #text()}: the key {@code
 * rule.<rule>} unless a call site names a more precise one, with the arguments the call site gave
 * ({@link #with}); {@code message} is the English the code logs.
 */
@Serdeable
public record FieldError(
    String field, String rule, String message, @JsonIgnore @Nullable MessageKey text) {

  public FieldError(String field, String rule, String message) {
    this(field, rule, message, null);
  }

  /** A number outside {@code min} to {@code max}: rule {@code Range}, the limits as arguments. */
  public static FieldError range(String field, long min, long max) {
    return new FieldError(field, "Range", field + " must be between " + min + " and " + max)
        .with("min", min)
        .with("max", max);
  }

  /** A value that is none of {@code allowed}: rule {@code OneOf}, the allowed values listed. */
  public static FieldError oneOf(String field, Collection<?> allowed) {
    // a set is listed in a stable order; a list (enum constants, say) keeps its own
    List<?> listed =
        allowed instanceof List<?> list
            ? List.copyOf(list)
            : allowed.stream().sorted(Comparator.comparing(String::valueOf)).toList();
    return new FieldError(field, "OneOf", field + " must be one of " + listed)
        .with("allowed", listed);
  }

  /**
   * A status that does not allow the action: rule {@code Transition} on {@code status}; {@code
   * action} is an enum constant or a key such as {@code action.change}.
   */
  public static FieldError transition(Enum<?> from, Object action, String message) {
    return new FieldError("status", "Transition", message)
        .with("from", from)
        .with("action", action);
  }

  /** The bundle key and arguments of the message: {@code rule.<rule>} by default. */
  @Override
  @JsonIgnore
  public MessageKey text() {
    return text != null ? text : MessageKey.of(ruleKey());
  }

  /** The default key of this rule's message, {@code rule.<rule>}. */
  @JsonIgnore
  public String ruleKey() {
    return "rule." + rule;
  }

  /** This error with one more message argument (a limit, the allowed values, the value given). */
  public FieldError with(String name, Object value) {
    return new FieldError(field, rule, message, text().with(name, value));
  }

  /** This error told by another key of the bundles (e.g. {@code rule.NotNull.withoutIdNumber}). */
  public FieldError saying(String key) {
    return new FieldError(field, rule, message, new MessageKey(key, text().args()));
  }

  /** The same error on another field, e.g. prefixed with its row. */
  public FieldError at(String otherField) {
    return new FieldError(otherField, rule, message, text);
  }
}
