package hongniang.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of one CSV row's cells. A cell that cannot be read records a field error and yields
 * null, so one pass reports every bad cell of the row.
 */
public final class RowReader {

  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
  private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "是", "有", "√");
  private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否", "无", "×");

  private final Map<String, String> cells;
  private final Set<String> known;
  private final List<FieldError> errors = new ArrayList<>();

  public RowReader(Map<String, String> cells, Set<String> knownColumns) {
    this.cells = cells;
    this.known = new HashSet<>(knownColumns);
    for (String column : cells.keySet()) {
      if (!known.contains(column)) {
        errors.add(new FieldError(column, "UnknownField", "this column is not part of the record"));
      }
    }
  }

  public List<FieldError> errors() {
    return errors;
  }

  public String text(String column) {
    return cells.get(column);
  }

  public Integer integer(String column) {
    String v = cells.get(column);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v.replace(",", ""));
    } catch (NumberFormatException e) {
      errors.add(
          new FieldError(column, "Type", "not a whole number: " + v)
              .with("expected", MessageKey.of("type.Integer"))
              .with("value", v));
      return null;
    }
  }

  public Long id(String column) {
    Integer v = integer(column);
    return v == null ? null : v.longValue();
  }

  public Boolean bool(String column) {
    String v = cells.get(column);
    if (v == null) {
      return null;
    }
    String s = v.toLowerCase(Locale.ROOT);
    if (TRUE.contains(s)) {
      return Boolean.TRUE;
    }
    if (FALSE.contains(s)) {
      return Boolean.FALSE;
    }
    errors.add(
        new FieldError(column, "Type", "not yes/no: " + v)
            .with("expected", MessageKey.of("type.Boolean"))
            .with("value", v));
    return null;
  }

  /** ISO dates (2026-12-31) and spreadsheet dates (2026/12/31). */
  public LocalDate date(String column) {
    String v = cells.get(column);
    if (v == null) {
      return null;
    }
    try {
      return v.contains("/") ? LocalDate.parse(v, SLASHED) : LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(column, "Type", "not a date (yyyy-mm-dd): " + v)
              .with("expected", MessageKey.of("type.LocalDate"))
              .with("value", v));
      return null;
    }
  }

  /** A list written with ; ， 、 or | between items. */
  public List<String> list(String column) {
    String v = cells.get(column);
    if (v == null) {
      return null;
    }
    return Arrays.stream(v.split("[;；,，、|]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** An enum by its name or by one of its labels (e.g. 全职 for FULL_TIME). */
  public <E extends Enum<E>> E choice(String column, Class<E> type, Map<String, E> labels) {
    String v = cells.get(column);
    return v == null ? null : parseChoice(column, v, type, labels);
  }

  /** A list of enums by names or labels. */
  public <E extends Enum<E>> List<E> choices(String column, Class<E> type, Map<String, E> labels) {
    List<String> items = list(column);
    if (items == null) {
      return null;
    }
    List<E> out = new ArrayList<>();
    for (String item : items) {
      E e = parseChoice(column, item, type, labels);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  private <E extends Enum<E>> E parseChoice(
      String column, String v, Class<E> type, Map<String, E> labels) {
    E labelled = labels.get(v);
    if (labelled != null) {
      return labelled;
    }
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      errors.add(
          new FieldError(
                  column,
                  "OneOf",
                  "must be one of " + Arrays.toString(type.getEnumConstants()) + ": " + v)
              .with("allowed", List.of(type.getEnumConstants()))
              .with("value", v));
      return null;
    }
  }
}
