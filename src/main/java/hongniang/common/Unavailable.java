package hongniang.common;

/**
 * A part the service leans on failed (the search index, a read of PostgreSQL): the request gets a
 * 503 saying {@link #publicMessage()}; the cause goes to the log, never to the caller.
 */
public class Unavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String publicMessage;

  /** {@code publicMessage} is what the caller reads; {@code message} and the cause are logged. */
  public Unavailable(String publicMessage, String message, Throwable cause) {
    super(message, cause);
    this.publicMessage = publicMessage;
  }

  /** What the caller is told. */
  public String publicMessage() {
    return publicMessage;
  }
}
