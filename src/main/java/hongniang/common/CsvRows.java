package hongniang.common;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV text with a header row (as community offices' spreadsheets export it) into rows of
 * column name to cell. Header names are mapped through {@code aliases} (e.g. 岗位名称 to title), so
 * Chinese headers work as well as the API's field names.
 */
public final class CsvRows {

  private CsvRows() {}

  /** Parses the text; a 400 names the problem when the text is not CSV with a header. */
  public static List<Map<String, String>> parse(String text, Map<String, String> aliases) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty()) {
        throw ApiProblem.invalid("body", "CsvHeader", "the first line must name the columns");
      }
      List<String> columns = new ArrayList<>();
      for (String name : header) {
        String column = aliases.getOrDefault(name.trim(), name.trim());
        if (columns.contains(column)) {
          throw ApiProblem.invalid(column, "CsvHeader", "column " + column + " appears twice");
        }
        columns.add(column);
      }
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size() && i < record.size(); i++) {
          String cell = record.get(i);
          if (cell != null && !cell.isEmpty()) {
            row.put(columns.get(i), cell);
          }
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw ApiProblem.invalid("body", "Csv", "not readable as CSV: " + e.getMessage());
    }
  }
}
