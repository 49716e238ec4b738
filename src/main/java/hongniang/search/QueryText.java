package hongniang.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a person typed into a query, safely: the text is analysed, never parsed, so quotes,
 * {@code *}, {@code field:value} and control characters are just text; it is cut to {@value
 * #MAX_CHARS} characters so that even a 10 kB string costs little.
 */
final class QueryText {

  static final int MAX_CHARS = 100;

  /**
   * Fewer hits than this from the words alone and a search runs again with the character-pair
   * backstop: pair phrases cost a walk over every match, so they run only when words find little.
   */
  static final int BACKSTOP_BELOW = 20;

  private QueryText() {}

  /** The text, without control characters, trimmed and cut to the limit. */
  static String clean(String q) {
    if (q == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < q.length() && sb.length() < MAX_CHARS; i++) {
      char c = q.charAt(i);
      sb.append(Character.isISOControl(c) || Character.isSurrogate(c) ? ' ' : c);
    }
    return sb.toString().trim();
  }

  /**
   * A query over the weighted text fields (synonyms expanded by the query analyzer) and, when the
   * text is pinyin, over the fields' pinyin companions by prefix. Null when nothing is left.
   */
  static Query build(
      String clean, Analysis analysis, List<Weighted> fields, List<String> shortFields) {
    return build(clean, analysis, fields, shortFields, true);
  }

  /** The query, with the character-pair phrases only when {@code pairs}. */
  static Query build(
      String clean,
      Analysis analysis,
      List<Weighted> fields,
      List<String> shortFields,
      boolean pairs) {
    if (clean.isEmpty()) {
      return null;
    }
    // phrases for multi-word synonyms: 服务员 must not match 服务 ... 员 far apart
    QueryBuilder builder = analysis.analyzers().queryBuilder();
    QueryBuilder pairBuilder = new QueryBuilder(analysis.bigrams());
    List<Query> parts = new ArrayList<>();
    for (Weighted f : fields) {
      Query q = builder.createBooleanQuery(f.field(), clean, BooleanClause.Occur.SHOULD);
      if (q != null) {
        parts.add(new BoostQuery(q, f.boost()));
      }
    }
    for (String field : shortFields) {
      PinyinFields.prefixQuery(field, clean).ifPresent(q -> parts.add(new BoostQuery(q, 2f)));
      // the typed text as a run of characters: a backstop for context-dependent word splits
      Query run = pairs ? pairBuilder.createPhraseQuery(IndexSchema.bigrams(field), clean) : null;
      if (run != null) {
        parts.add(new BoostQuery(run, 0.5f));
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Query part : parts) {
      any.add(part, BooleanClause.Occur.SHOULD);
    }
    any.setMinimumNumberShouldMatch(1);
    return any.build();
  }

  /**
   * The two passes of a text search: the words on the primary fields, and the wider query (every
   * field, character pairs too) for when the words find little. Both null without text.
   */
  record Passes(Query words, Query wider) {}

  /** The two passes for the cleaned text. */
  static Passes passes(
      String clean,
      Analysis analysis,
      List<Weighted> primary,
      List<Weighted> all,
      List<String> shortFields) {
    return new Passes(
        build(clean, analysis, primary, shortFields, false),
        build(clean, analysis, all, shortFields, true));
  }

  /** A text field and its weight. */
  record Weighted(String field, float boost) {}
}
