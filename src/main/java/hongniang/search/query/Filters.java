package hongniang.search.query;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Exact-field filters: they narrow a search without touching its scores. */
final class Filters {

  private Filters() {}

  /** Adds the filter. */
  static void filter(BooleanQuery.Builder b, Query q) {
    b.add(q, BooleanClause.Occur.FILTER);
  }

  /** Filters on one exact value, if one is given. */
  static void term(BooleanQuery.Builder b, String field, String value) {
    if (value != null && !value.isBlank()) {
      filter(b, new TermQuery(new Term(field, value.trim())));
    }
  }

  /** Filters a yes/no field, if a value is given. */
  static void flag(BooleanQuery.Builder b, String field, Boolean on) {
    if (on != null) {
      filter(b, new TermQuery(new Term(field, on ? "1" : "0")));
    }
  }
}
