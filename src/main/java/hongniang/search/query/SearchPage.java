package hongniang.search.query;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;

/** Page and size of a search, with the limits that keep it cheap: depth at most 1000 hits. */
record SearchPage(int page, int size) {

  static final int MAX_SIZE = 50;
  static final int MAX_DEPTH = 1000;

  /** Checks the request; a 400 names the parameter and the limit. */
  static SearchPage of(Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? 20 : size;
    if (s < 1 || s > MAX_SIZE) {
      throw ApiProblem.invalid(FieldError.range("size", 1, MAX_SIZE));
    }
    if (p < 0 || ((long) p + 1) * s > MAX_DEPTH) {
      throw ApiProblem.invalid(
          new FieldError(
                  "page",
                  "Depth",
                  "search results go "
                      + MAX_DEPTH
                      + " hits deep: page must be between 0 and "
                      + (MAX_DEPTH / s - 1)
                      + " for size "
                      + s
                      + "; narrow the query instead")
              .with("depth", MAX_DEPTH)
              .with("max", MAX_DEPTH / s - 1)
              .with("size", s));
    }
    return new SearchPage(p, s);
  }

  /** The sort asked for, lower case, or null for the default; a 400 when it is unknown. */
  static String sortName(String sort, java.util.Set<String> allowed) {
    String name = sort == null || sort.isBlank() ? null : sort.trim().toLowerCase();
    if (name != null && !allowed.contains(name)) {
      throw ApiProblem.invalid(FieldError.oneOf("sort", allowed));
    }
    return name;
  }

  int end() {
    return (page + 1) * size;
  }

  int start() {
    return page * size;
  }
}
