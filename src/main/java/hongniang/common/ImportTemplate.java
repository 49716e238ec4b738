package hongniang.common;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A spreadsheet to fill in for an import: the Chinese headers and one example row that imports as
 * it stands. {@code example} maps each header, in order, to its example value: a text, a number or
 * a date, written as such. {@code fileName} is the Chinese file name, {@code asciiName} its
 * fallback for clients that cannot read an encoded one.
 */
public record ImportTemplate(
    String fileName, String asciiName, String sheetName, Map<String, Object> example) {

  /** The media type of an XLSX workbook. */
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The formats a template comes in, by the {@code format} parameter's value. */
  public static final List<String> FORMATS = List.of("xlsx", "csv");

  /** An example row from header and value pairs, in order; an empty text leaves the cell empty. */
  public static Map<String, Object> example(Object... headersAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < headersAndValues.length; i += 2) {
      Object value = headersAndValues[i + 1];
      row.put((String) headersAndValues[i], value == null ? "" : value);
    }
    return row;
  }

  /** The template in the format asked for (XLSX when none is); a 400 for any other format. */
  public HttpResponse<byte[]> download(String format) {
    String f = format == null ? "xlsx" : format.trim().toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(f)) {
      throw ApiProblem.invalid(FieldError.oneOf("format", FORMATS).with("value", format));
    }
    boolean xlsx = f.equals("xlsx");
    String disposition =
        "attachment; filename=\""
            + asciiName
            + "."
            + f
            + "\"; filename*=UTF-8''"
            + URLEncoder.encode(fileName + "." + f, StandardCharsets.UTF_8).replace("+", "%20");
    return HttpResponse.ok(xlsx ? xlsx() : csv())
        .contentType(xlsx ? MediaType.of(XLSX) : MediaType.of("text/csv; charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition);
  }

  /** UTF-8 with a BOM, which is how Excel knows the text is not in the ANSI code page. */
  byte[] csv() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
      writer.write('\uFEFF');
      printer.printRecord(example.keySet());
      List<String> row = new ArrayList<>();
      for (Object value : example.values()) {
        row.add(value instanceof String s ? Formulas.neutralise(s) : String.valueOf(value));
      }
      printer.printRecord(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A workbook with a bold, frozen header. A column whose example is a text is formatted as text,
   * so an 18-digit ID number or a phone number typed into it keeps every digit.
   */
  byte[] xlsx() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "Hongniang", "1.0");
      Worksheet sheet = workbook.newWorksheet(sheetName);
      int c = 0;
      for (Map.Entry<String, Object> column : example.entrySet()) {
        sheet.value(0, c, column.getKey());
        sheet.style(0, c).bold().fillColor("FDE9D9").set();
        Object value = column.getValue();
        if (value instanceof Number n) {
          sheet.value(1, c, n);
        } else if (value instanceof LocalDate d) {
          sheet.value(1, c, d);
          sheet.style(1, c).format("yyyy-mm-dd").set();
        } else {
          sheet.style(c).format("@").set();
          if (!String.valueOf(value).isEmpty()) {
            sheet.value(1, c, Formulas.neutralise(String.valueOf(value)));
          }
          sheet.style(1, c).format("@").set();
        }
        int chars = Math.max(column.getKey().length(), String.valueOf(value).length());
        sheet.width(c, Math.min(60, 2.2 * chars + 2));
        c++;
      }
      sheet.freezePane(0, 1);
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
