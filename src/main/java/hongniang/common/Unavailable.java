package hongniang.common;

/**
 * A part the service leans on failed (the search index, a read of PostgreSQL): the request gets a
 * 503 that says, in the caller's language, to try again shortly; {@link #publicMessage()} is the
 * English detail and the cause goes to the log, never to the caller.
 */
public class Unavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String publicMessage;

  /** {@code publicMessage} says what failed, without internals; all three go to the log. */
  public Unavailable(String publicMessage, String message, Throwable cause) {
    super(message, cause);
    this.publicMessage = publicMessage;
  }

  /** What failed, without internals. */
  public String publicMessage() {
    return publicMessage;
  }
}
