package hongniang.common;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;

/** Page parameters with limits: page from 0, size 1 to {@value #MAX_SIZE} (default 20). */
public final class Paging {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 200;
  public static final int MAX_PAGE = 10_000;

  private Paging() {}

  /** A pageable sorted by id, or a 400 naming the parameter that is out of range. */
  public static Pageable of(Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? DEFAULT_SIZE : size;
    if (p < 0 || p > MAX_PAGE) {
      throw ApiProblem.invalid(FieldError.range("page", 0, MAX_PAGE));
    }
    if (s < 1 || s > MAX_SIZE) {
      throw ApiProblem.invalid(FieldError.range("size", 1, MAX_SIZE));
    }
    return Pageable.from(p, s, Sort.of(Sort.Order.asc("id")));
  }
}
