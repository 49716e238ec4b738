package hongniang.search;

/** The index or its source failed; the service answers 503 for searches while it lasts. */
public class SearchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
