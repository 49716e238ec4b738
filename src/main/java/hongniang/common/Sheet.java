package hongniang.common;

import java.util.List;

/**
 * A spreadsheet as an import reads it, whatever file it came from: the header row's names as
 * written, and the data rows below it, each numbered from 1 under the header. Rows with no value at
 * all are left out but keep their number, so row 3 is always the third row under the header.
 */
public record Sheet(List<String> header, List<Row> rows) {

  /** One data row: its number under the header and its cells, trimmed, blank ones as null. */
  public record Row(int number, List<String> cells) {

    /** The cell in column {@code i}, or null when the row is shorter. */
    public String cell(int i) {
      return i < cells.size() ? cells.get(i) : null;
    }
  }

  /** A trimmed cell value, or null for a missing or blank one. */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  /** Whether any cell of the row holds a value. */
  static boolean hasValues(List<String> cells) {
    return cells.stream().anyMatch(c -> c != null);
  }
}
