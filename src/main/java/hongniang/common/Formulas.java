package hongniang.common;

/**
 * Formula injection (CSV injection): a text that starts with {@code =}, {@code +}, {@code -} or
 * {@code @} (or a tab or carriage return before one) is run as a formula by Excel and WPS when a
 * file holding it is opened. Imports store such text as written and never evaluate it; every CSV or
 * XLSX the service writes passes its texts through {@link #neutralise} first.
 */
public final class Formulas {

  private Formulas() {}

  /** Whether a spreadsheet would read the text as a formula. */
  public static boolean looksLikeFormula(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  /**
   * The text to write into a CSV or XLSX cell: prefixed with {@code '} when it looks like a
   * formula, so the spreadsheet shows it as text; any other text unchanged. Numbers are written as
   * numbers, not through here, so -5 stays -5.
   */
  public static String neutralise(String text) {
    return looksLikeFormula(text) ? "'" + text : text;
  }
}
