package hongniang.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of one spreadsheet row's cells. A cell that cannot be read records a field error and
 * yields null, so one pass reports every bad cell of the row; the fields it left empty are {@link
 * #unread()}, so that validation does not report them a second time as missing.
 */
public final class RowReader {

  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
  private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "是", "有", "√");
  private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否", "无", "×");

  private final Map<String, String> cells;
  private final List<FieldError> errors = new ArrayList<>();
  private final Set<String> unread = new HashSet<>();

  /**
   * Reads the cells, by field name. A cell with a control character (a NUL, say) is refused here:
   * it is the row's error, and no lookup or store ever sees the text.
   */
  public RowReader(Map<String, String> cells) {
    this.cells = new HashMap<>(cells);
    for (Map.Entry<String, String> cell : cells.entrySet()) {
      int bad = controlCharacter(cell.getValue());
      if (bad >= 0) {
        this.cells.remove(cell.getKey());
        reject(
            cell.getKey(),
            "NoControlCharacters",
            String.format("contains the control character U+%04X", bad));
      }
    }
  }

  /** The first control character of the text (tabs and line breaks are text), or -1. */
  static int controlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return c;
      }
    }
    return -1;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The fields left empty because their cell could not be read. */
  public Set<String> unread() {
    return unread;
  }

  /**
   * Records that the cell in {@code column} could not be read; {@code alsoUnread} names fields it
   * would have filled under another name (a community's name fills its id).
   */
  public void reject(String column, String rule, String message, String... alsoUnread) {
    reject(new FieldError(column, rule, message), alsoUnread);
  }

  /** Records a refused cell's error as given (with its message's arguments). */
  public void reject(FieldError error, String... alsoUnread) {
    errors.add(error);
    unread.add(error.field());
    unread.addAll(Arrays.asList(alsoUnread));
  }

  /** Marks {@code field} unread too when {@code column}'s cell could not be read. */
  public void unreadWith(String column, String field) {
    if (unread.contains(column)) {
      unread.add(field);
    }
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
      reject(
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
    reject(
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
      reject(
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
      reject(
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
