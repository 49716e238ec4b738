package hongniang.common;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates every row first, then stores: all accepted rows in one transaction. With {@code
 * atomic}, one rejected row means nothing is stored. A row the database still refuses (a rare race
 * on a unique value) rolls the whole batch back, so nothing is ever half-written.
 */
public final class BulkImport {

  private BulkImport() {}

  /**
   * A parsed row: its value (null when nothing could be read), the errors met reading it, and the
   * fields its bad cells left empty, which validation does not report again.
   */
  public record Parsed<T>(int row, T value, List<FieldError> errors, Set<String> unread) {

    public static <T> Parsed<T> ok(int row, T value) {
      return new Parsed<>(row, value, List.of(), Set.of());
    }

    public static <T> Parsed<T> failed(int row, List<FieldError> errors) {
      return new Parsed<>(row, null, errors, Set.of());
    }

    /** A row read cell by cell: its value as far as it could be read, and its bad cells. */
    public static <T> Parsed<T> read(
        int row, T value, List<FieldError> errors, Set<String> unread) {
      return new Parsed<>(row, value, List.copyOf(errors), Set.copyOf(unread));
    }
  }

  /**
   * Runs the import.
   *
   * @param validate returns the row's field errors, empty when it may be stored
   * @param store stores one valid row and returns its id; runs inside the batch transaction
   */
  public static <T> ImportReport run(
      List<Parsed<T>> rows,
      boolean atomic,
      Function<T, List<FieldError>> validate,
      Function<T, Long> store,
      TransactionOperations<Connection> tx) {
    List<ImportReport.Row> results = new ArrayList<>();
    List<Parsed<T>> valid = new ArrayList<>();
    for (Parsed<T> row : rows) {
      List<FieldError> errors = new ArrayList<>(row.errors());
      if (row.value() != null) {
        // every error of the row at once: validation runs on what could be read
        validate.apply(row.value()).stream()
            .filter(e -> !row.unread().contains(fieldName(e.field())))
            .forEach(errors::add);
      }
      if (errors.isEmpty()) {
        valid.add(row);
      } else {
        results.add(
            new ImportReport.Row(row.row(), ImportReport.Row.REJECTED, null, prefix(row, errors)));
      }
    }
    int rejected = results.size();
    if (atomic && rejected > 0) {
      for (Parsed<T> row : valid) {
        results.add(new ImportReport.Row(row.row(), ImportReport.Row.NOT_STORED, null, List.of()));
      }
      return report(rows.size(), 0, rejected, atomic, false, results);
    }
    List<ImportReport.Row> stored =
        tx.execute(
            TransactionDefinition.DEFAULT,
            status -> {
              List<ImportReport.Row> out = new ArrayList<>();
              for (Parsed<T> row : valid) {
                out.add(
                    new ImportReport.Row(
                        row.row(), ImportReport.Row.ACCEPTED, store.apply(row.value()), List.of()));
              }
              return out;
            });
    results.addAll(stored);
    return report(rows.size(), stored.size(), rejected, atomic, !stored.isEmpty(), results);
  }

  /** {@code skills} of {@code skills[2]}: the record field a path starts with. */
  private static String fieldName(String path) {
    int end = path.length();
    for (char c : new char[] {'[', '.'}) {
      int i = path.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return path.substring(0, end);
  }

  private static <T> List<FieldError> prefix(Parsed<T> row, List<FieldError> errors) {
    return errors.stream().map(e -> e.at("[" + row.row() + "]." + e.field())).toList();
  }

  private static ImportReport report(
      int total,
      int accepted,
      int rejected,
      boolean atomic,
      boolean stored,
      List<ImportReport.Row> results) {
    List<ImportReport.Row> sorted = new ArrayList<>(results);
    sorted.sort(java.util.Comparator.comparingInt(ImportReport.Row::row));
    return new ImportReport(total, accepted, rejected, atomic, stored, sorted);
  }
}
