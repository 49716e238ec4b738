package hongniang.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first worksheet of an XLSX workbook into a {@link Sheet}: the first row with a value is
 * the header. Cells become the text an office would type: whole numbers without ".0", dates as
 * yyyy-mm-dd, and a formula as its text ({@code =SUM(B2:B3)}), never its computed value.
 */
public final class XlsxRows {

  /** Excel's built-in date formats, the Chinese locales' among them (27 to 31, 36, 50 to 58). */
  private static final Set<Integer> DATE_FORMATS =
      Set.of(14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58);

  /**
   * The most rows read, blank ones included: a workbook is small when zipped and may be huge
   * inside, so reading stops well before a file of empty rows could keep a thread busy.
   */
  private static final int ROWS_READ = 10 * ImportBodies.MAX_ROWS;

  private XlsxRows() {}

  /** Whether the bytes are a ZIP container, as every XLSX workbook is. */
  public static boolean isXlsx(byte[] bytes) {
    return ReadableWorkbook.isOOXMLZipHeader(bytes);
  }

  /** Whether the bytes are an old binary workbook (.xls), which is not read. */
  public static boolean isXls(byte[] bytes) {
    return ReadableWorkbook.isOLE2Header(bytes);
  }

  /** Parses the workbook; a 400 when it cannot be read. */
  public static Sheet read(byte[] bytes) {
    try (ReadableWorkbook workbook =
            new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
        Stream<Row> stream = workbook.getFirstSheet().openStream()) {
      List<String> header = null;
      int headerRow = 0;
      List<Sheet.Row> rows = new ArrayList<>();
      Iterator<Row> it = stream.iterator();
      int read = 0;
      while (it.hasNext()) {
        Row row = it.next();
        if (++read > ROWS_READ) {
          throw ImportBodies.tooManyRows();
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
          cells.add(text(row.getCell(i)));
        }
        if (!Sheet.hasValues(cells)) {
          continue;
        }
        if (header == null) {
          header = cells;
          headerRow = row.getRowNum();
        } else {
          rows.add(new Sheet.Row(row.getRowNum() - headerRow, cells));
          if (rows.size() > ImportBodies.MAX_ROWS) {
            throw ImportBodies.tooManyRows();
          }
        }
      }
      if (header == null) {
        throw ApiProblem.invalid("body", "CsvHeader", "the first row must name the columns");
      }
      return new Sheet(header, rows);
    } catch (ApiProblem p) {
      throw p;
    } catch (IOException | RuntimeException e) {
      // a ZIP that is no workbook, a truncated file, broken XML: the reader throws all sorts
      throw ApiProblem.invalid("body", "Xlsx", "not readable as an XLSX workbook");
    }
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return null;
    }
    return Sheet.clean(
        switch (cell.getType()) {
          case FORMULA -> "=" + cell.getFormula();
          case NUMBER -> isDate(cell) ? cell.asDate().toLocalDate().toString() : number(cell);
          case BOOLEAN -> cell.asBoolean().toString();
          case EMPTY -> null;
          case STRING, ERROR -> cell.getText();
        });
  }

  private static String number(Cell cell) {
    BigDecimal n = cell.asNumber();
    return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
  }

  /** A number shown as a date: a built-in date format, or a custom one that names a year or day. */
  private static boolean isDate(Cell cell) {
    Integer id = cell.getDataFormatId();
    if (id != null && DATE_FORMATS.contains(id)) {
      return true;
    }
    String format = cell.getDataFormatString();
    if (format == null) {
      return false;
    }
    String bare = format.replaceAll("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "").toLowerCase();
    return bare.contains("y") || bare.contains("d");
  }
}
