package hongniang.common;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One broken rule: the field (JSON path, e.g. {@code wageMax} or {@code [3].idNumber}), the rule it
 * broke (a stable machine word such as {@code check-digit}), and a readable message.
 */
@Serdeable
public record FieldError(String field, String rule, String message) {}
