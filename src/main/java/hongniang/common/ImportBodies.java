package hongniang.common;

import io.micronaut.core.type.Argument;
import io.micronaut.http.MediaType;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an import body into parsed rows: a JSON array, a CSV text (UTF-8 or GBK, see {@link
 * Encodings}) or an XLSX workbook, sent as the body or as the {@code file} part of a form. A row
 * that cannot be read (an unknown field, a word where a number belongs) becomes a rejected row
 * naming the field; the other rows still parse.
 */
@Singleton
public class ImportBodies {

  /** The most rows one import takes; larger files should be split. */
  public static final int MAX_ROWS = 5000;

  private static final Pattern UNKNOWN = Pattern.compile("Unknown property \\[([^\\]]+)\\]");

  private final JsonMapper json;

  ImportBodies(JsonMapper json) {
    this.json = json;
  }

  /**
   * Parses a body by its content type and bytes: JSON when the type says so (or there is none, as
   * before spreadsheets); otherwise an XLSX workbook when the bytes are one (whatever the type
   * claims), else CSV text.
   */
  public <T> List<BulkImport.Parsed<T>> parse(MediaType type, byte[] body, ImportSheet<T> sheet) {
    if (type == null || type.getSubtype().endsWith("json")) {
      return fromJson(new String(body, StandardCharsets.UTF_8), sheet.type());
    }
    if (XlsxRows.isXlsx(body)) {
      return checked(sheet.read(XlsxRows.read(body)));
    }
    if (XlsxRows.isXls(body)) {
      throw ApiProblem.invalid(
          "body", "Xls", "an old .xls workbook is not read: save it as .xlsx or CSV");
    }
    if (type.toString().startsWith(ImportTemplate.XLSX)) {
      throw ApiProblem.invalid("body", "Xlsx", "not readable as an XLSX workbook");
    }
    return checked(sheet.read(CsvRows.read(Encodings.decode(body))));
  }

  /** Parses the {@code file} part of a form (what a browser's file input sends). */
  public <T> List<BulkImport.Parsed<T>> parse(CompletedFileUpload file, ImportSheet<T> sheet) {
    try {
      return parse(
          file.getContentType().orElse(MediaType.APPLICATION_OCTET_STREAM_TYPE),
          file.getBytes(),
          sheet);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a JSON array of objects into requests of the given type. */
  public <T> List<BulkImport.Parsed<T>> fromJson(String body, Class<T> type) {
    JsonNode array;
    try {
      array = json.readValue(body, JsonNode.class);
    } catch (IOException e) {
      throw ApiProblem.invalid("body", "Json", "not readable as JSON");
    }
    if (array == null || !array.isArray()) {
      throw ApiProblem.invalid("body", "JsonArray", "the body must be a JSON array of records");
    }
    checkSize(array.size());
    List<BulkImport.Parsed<T>> rows = new ArrayList<>();
    int n = 0;
    for (JsonNode node : array.values()) {
      n++;
      List<FieldError> control = new ArrayList<>();
      controlCharacters(node, "", control);
      if (!control.isEmpty()) {
        rows.add(BulkImport.Parsed.failed(n, control));
        continue;
      }
      try {
        if (!node.isObject()) {
          throw new IOException("not an object");
        }
        rows.add(BulkImport.Parsed.ok(n, json.readValueFromTree(node, type)));
      } catch (IOException | RuntimeException e) {
        rows.add(BulkImport.Parsed.failed(n, List.of(readError(e, Argument.of(type)))));
      }
    }
    return rows;
  }

  /** Finds strings with a control character (a NUL, say), which no text column can hold. */
  private static void controlCharacters(JsonNode node, String path, List<FieldError> errors) {
    if (node.isString()) {
      int bad = RowReader.controlCharacter(node.getStringValue());
      if (bad >= 0) {
        errors.add(
            new FieldError(
                path,
                "NoControlCharacters",
                String.format("contains the control character U+%04X", bad)));
      }
    } else if (node.isArray()) {
      int i = 0;
      for (JsonNode item : node.values()) {
        controlCharacters(item, path + "[" + i++ + "]", errors);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.entries()) {
        controlCharacters(
            field.getValue(),
            path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
            errors);
      }
    }
  }

  private static <T> List<BulkImport.Parsed<T>> checked(List<BulkImport.Parsed<T>> rows) {
    checkSize(rows.size());
    return rows;
  }

  private static void checkSize(int size) {
    if (size == 0) {
      throw ApiProblem.invalid("body", "NotEmpty", "there are no rows to import");
    }
    if (size > MAX_ROWS) {
      throw tooManyRows();
    }
  }

  /** The 400 for a file over {@link #MAX_ROWS}, which a reader throws as soon as it knows. */
  static ApiProblem tooManyRows() {
    return ApiProblem.invalid(
        new FieldError(
                "body", "MaxRows", "at most " + MAX_ROWS + " rows per import; split the file")
            .with("max", MAX_ROWS));
  }

  private static FieldError readError(Exception e, Argument<?> row) {
    StringBuilder all = new StringBuilder();
    SerdeException serde = null;
    for (Throwable c = e; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append(' ');
      if (serde == null && c instanceof SerdeException s) {
        serde = s;
      }
    }
    Matcher m = UNKNOWN.matcher(all);
    if (m.find()) {
      return new FieldError(m.group(1), "UnknownField", "this field is not part of the record");
    }
    // the value the reader could not take, named by its path: headcount, skills[0]
    FieldError at = serde == null ? null : ReadErrors.of(serde, row);
    return at != null
        ? at
        : new FieldError("", "Type", "the record could not be read: a value has the wrong type");
  }
}
