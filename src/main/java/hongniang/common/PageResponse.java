package hongniang.common;

import io.micronaut.data.model.Page;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, where the page is, and how many there are in all. */
@Serdeable
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

  /** Maps a repository page to a response page. */
  public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
    return new PageResponse<>(
        page.getContent().stream().map(mapper).toList(),
        page.getPageNumber(),
        page.getSize(),
        page.getTotalSize(),
        page.getTotalPages());
  }
}
