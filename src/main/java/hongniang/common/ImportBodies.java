package hongniang.common;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an import body, a JSON array or a CSV text with a header row, into parsed rows. A row that
 * cannot be read (an unknown field, a word where a number belongs) becomes a rejected row naming
 * the field; the other rows still parse.
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
   * Parses a body by its content type: CSV (text/csv or text/plain) through {@code fromRow},
   * anything else as a JSON array of {@code type}.
   */
  public <T> List<BulkImport.Parsed<T>> parse(
      io.micronaut.http.HttpRequest<?> request,
      String body,
      Class<T> type,
      Map<String, String> aliases,
      java.util.Set<String> columns,
      Function<RowReader, T> fromRow) {
    boolean csv = request.getContentType().map(t -> !t.getSubtype().equals("json")).orElse(false);
    return csv ? fromCsv(body, aliases, fromRow, columns) : fromJson(body, type);
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
      try {
        if (!node.isObject()) {
          throw new IOException("not an object");
        }
        rows.add(BulkImport.Parsed.ok(n, json.readValueFromTree(node, type)));
      } catch (IOException | RuntimeException e) {
        rows.add(BulkImport.Parsed.failed(n, List.of(readError(e))));
      }
    }
    return rows;
  }

  /** Parses CSV rows, each through {@code toRequest}, which reports its bad cells. */
  public <T> List<BulkImport.Parsed<T>> fromCsv(
      String body,
      Map<String, String> aliases,
      Function<RowReader, T> toRequest,
      java.util.Set<String> columns) {
    List<Map<String, String>> cells = CsvRows.parse(body, aliases);
    checkSize(cells.size());
    List<BulkImport.Parsed<T>> rows = new ArrayList<>();
    int n = 0;
    for (Map<String, String> row : cells) {
      n++;
      RowReader reader = new RowReader(row, columns);
      T request = toRequest.apply(reader);
      rows.add(
          reader.errors().isEmpty()
              ? BulkImport.Parsed.ok(n, request)
              : BulkImport.Parsed.failed(n, List.copyOf(reader.errors())));
    }
    return rows;
  }

  private static void checkSize(int size) {
    if (size == 0) {
      throw ApiProblem.invalid("body", "NotEmpty", "there are no rows to import");
    }
    if (size > MAX_ROWS) {
      throw ApiProblem.invalid(
          new FieldError(
                  "body", "MaxRows", "at most " + MAX_ROWS + " rows per import; split the file")
              .with("max", MAX_ROWS));
    }
  }

  private static FieldError readError(Exception e) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = e; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append(' ');
    }
    Matcher m = UNKNOWN.matcher(all);
    if (m.find()) {
      return new FieldError(m.group(1), "UnknownField", "this field is not part of the record");
    }
    return new FieldError("", "Type", "the record could not be read: a value has the wrong type");
  }
}
