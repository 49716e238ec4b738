package hongniang.common;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV text with a header row (as community offices' spreadsheets export it) into a {@link
 * Sheet}. A text that is not CSV is a 400 naming the line where reading stopped.
 */
public final class CsvRows {

  private static final Pattern START_LINE = Pattern.compile("\\(startline ([0-9,]+)\\)");
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

  private CsvRows() {}

  /** Parses the text, a BOM already removed; a 400 names the problem and its line. */
  public static Sheet read(String text) {
    List<String> header = null;
    List<Sheet.Row> rows = new ArrayList<>();
    long line = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      Iterator<CSVRecord> records = parser.iterator();
      int number = 0;
      while (true) {
        line = parser.getCurrentLineNumber() + 1;
        if (!records.hasNext()) {
          break;
        }
        List<String> cells = records.next().stream().map(Sheet::clean).toList();
        if (header == null) {
          header = cells;
        } else {
          number++;
          if (Sheet.hasValues(cells)) {
            rows.add(new Sheet.Row(number, cells));
          }
        }
        if (rows.size() > ImportBodies.MAX_ROWS) {
          throw ImportBodies.tooManyRows();
        }
      }
    } catch (IOException
        | UncheckedIOException
        | IllegalArgumentException
        | IllegalStateException e) {
      throw unreadable(e, line);
    }
    if (header == null || !Sheet.hasValues(header)) {
      throw ApiProblem.invalid("body", "CsvHeader", "the first line must name the columns");
    }
    return new Sheet(header, rows);
  }

  /** A 400 naming the line where the bad record starts: an unclosed quote runs to the end. */
  private static ApiProblem unreadable(Exception e, long line) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = e; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append(' ');
    }
    Matcher start = START_LINE.matcher(all);
    long at = start.find() ? Long.parseLong(start.group(1).replace(",", "")) : line;
    if (all.indexOf("EOF reached before encapsulated token finished") >= 0) {
      return ApiProblem.invalid(
          new FieldError(
                  "body",
                  "CsvQuote",
                  "line " + at + ": a quoted cell is never closed (a \" without its closing \")")
              .with("line", at));
    }
    return ApiProblem.invalid(
        new FieldError("body", "Csv", "line " + at + ": not readable as CSV").with("line", at));
  }
}
