package hongniang.common;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The outcome of a bulk import: each row accepted (with the new id) or rejected (with its field
 * errors). In an all-or-nothing import with any rejected row, {@code stored} is false and no row
 * was written.
 */
@Serdeable
public record ImportReport(
    int total, int accepted, int rejected, boolean atomic, boolean stored, List<Row> rows) {

  /** One input row: its 1-based number (the CSV line's data row), outcome, id, errors. */
  @Serdeable
  public record Row(int row, String outcome, Long id, List<FieldError> errors) {

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String NOT_STORED = "not-stored";
  }
}
