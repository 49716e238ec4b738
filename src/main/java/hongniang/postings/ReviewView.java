package hongniang.postings;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Where a posting stands with screening: {@code CLEAR} (no finding), {@code WARNINGS} (warnings
 * only), {@code BLOCKED} (a blocking finding no admin approved for this text: it cannot open) or
 * {@code APPROVED} (blocking findings an admin approved for this text); and the latest approval, if
 * any, with whether it covers the text as it is now.
 */
@Serdeable
public record ReviewView(String state, Approved approval) {

  public static final String CLEAR = "CLEAR";
  public static final String WARNINGS = "WARNINGS";
  public static final String BLOCKED = "BLOCKED";
  public static final String APPROVED = "APPROVED";

  /** An admin's approval: the reason given, by whom, when, and whether it covers today's text. */
  @Serdeable
  public record Approved(String reason, String approvedBy, Instant approvedAt, boolean current) {}
}
