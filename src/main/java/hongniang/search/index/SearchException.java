package hongniang.search.index;

import hongniang.common.Unavailable;

/** The index or its source failed; the service answers 503 for searches while it lasts. */
public class SearchException extends Unavailable {

  private static final long serialVersionUID = 1L;

  public SearchException(String message, Throwable cause) {
    super("search is not available right now", message, cause);
  }
}
