package hongniang.pages;

import hongniang.common.PageResponse;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * Where a list's page stands, for the pager under every list that can grow: page numbers as a
 * person counts them (from 1), and the links to the pages before and after (null at either end).
 */
public record Pager(
    int page, int pages, long total, @Nullable String previous, @Nullable String next) {

  /** Lists on pages are this long unless said otherwise. */
  public static final int SIZE = 20;

  /** The page a request asks for (1 when missing, not a number, or below 1), counted from 1. */
  public static int asked(@Nullable String page) {
    if (page == null || !page.matches("\\d{1,6}")) {
      return 1;
    }
    return Math.max(1, Integer.parseInt(page));
  }

  /** The API's page (counted from 0) with links on the path with these parameters. */
  public static Pager of(PageResponse<?> list, String path, Map<String, Object> params) {
    int page = list.page() + 1;
    int pages = Math.max(1, list.totalPages());
    String previous = page > 1 ? Links.of(path, Links.with(params, "page", page - 1)) : null;
    String next = page < pages ? Links.of(path, Links.with(params, "page", page + 1)) : null;
    return new Pager(page, pages, list.totalItems(), previous, next);
  }

  /** More than one page: the pager is shown. */
  public boolean shown() {
    return previous != null || next != null;
  }
}
