package hongniang.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What one kind of record looks like in an import: its JSON type, the header names a spreadsheet
 * may use for each field ({@code aliases}, e.g. 岗位名称 for title; the field names work too), and how
 * a row's cells become a request ({@code reader}, which records every bad cell).
 */
public record ImportSheet<T>(
    Class<T> type, Map<String, String> aliases, Function<RowReader, T> reader) {

  /** The fields a header may name. */
  public Set<String> fields() {
    return Set.copyOf(aliases.values());
  }

  /**
   * Reads a sheet's rows. The header is checked once for the file: an unknown or repeated column is
   * a 400 naming it (with the nearest known name), never an error on every row.
   */
  public List<BulkImport.Parsed<T>> read(Sheet sheet) {
    List<String> columns = columns(sheet);
    List<BulkImport.Parsed<T>> rows = new ArrayList<>();
    for (Sheet.Row row : sheet.rows()) {
      Map<String, String> cells = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        String value = row.cell(i);
        if (columns.get(i) != null && value != null) {
          cells.put(columns.get(i), value);
        }
      }
      RowReader reader = new RowReader(cells);
      T request = this.reader.apply(reader);
      rows.add(BulkImport.Parsed.read(row.number(), request, reader.errors(), reader.unread()));
    }
    return rows;
  }

  /**
   * The field of each header cell (null for an unnamed, empty column); a 400 on a bad header, and
   * on values in a column without a name, which would otherwise be dropped unseen.
   */
  private List<String> columns(Sheet sheet) {
    List<String> columns = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    Set<String> fields = fields();
    Set<String> seen = new LinkedHashSet<>();
    int width = sheet.rows().stream().mapToInt(r -> r.cells().size()).max().orElse(0);
    for (int i = 0; i < Math.max(width, sheet.header().size()); i++) {
      String name = i < sheet.header().size() ? sheet.header().get(i) : null;
      String field =
          name == null ? null : aliases.getOrDefault(name, fields.contains(name) ? name : null);
      columns.add(field);
      if (name == null) {
        int column = i;
        if (sheet.rows().stream().anyMatch(r -> r.cell(column) != null)) {
          errors.add(
              new FieldError(
                  "column " + (i + 1),
                  "CsvHeader",
                  "column " + (i + 1) + " has values but no name"));
        }
      } else if (field == null) {
        errors.add(unknown(name));
      } else if (!seen.add(field)) {
        errors.add(new FieldError(name, "CsvHeader", "column " + name + " appears twice"));
      }
    }
    ApiProblem.throwIfAny(errors);
    return columns;
  }

  private FieldError unknown(String name) {
    String nearest = nearest(name);
    FieldError error =
        new FieldError(
                name,
                "UnknownColumn",
                "unknown column "
                    + name
                    + (nearest == null ? "" : " — did you mean " + nearest + "?"))
            .with("name", name);
    return nearest == null
        ? error
        : error.with("nearest", nearest).saying("rule.UnknownColumn.nearest");
  }

  /**
   * The known header nearest the name by edit distance, if it is near enough to be a slip: at most
   * one edit in three characters (期望工钟 for 期望工种, wageMn for wageMin).
   */
  String nearest(String name) {
    List<String> known = new ArrayList<>(new TreeSet<>(aliases.keySet()));
    known.addAll(new TreeSet<>(aliases.values()));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int allowed = Math.max(1, name.length() / 3);
    return bestDistance <= allowed && bestDistance < name.length() ? best : null;
  }

  /** Levenshtein distance: insertions, deletions and substitutions of one character each. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
