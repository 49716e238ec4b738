package hongniang.search.query;

import hongniang.search.analysis.Analysis;
import hongniang.search.analysis.PinyinFields;
import hongniang.search.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
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
    return build(clean, analysis, fields, shortFields, true, null);
  }

  /**
   * The query, with the character-pair phrases only when {@code pairs}. With a {@code matchField}
   * (which must hold every word, group token and pinyin prefix of the fields, as {@link
   * IndexSchema#MATCH} does for postings) it is a {@link SizedQuery}: the same documents and
   * scores, with a size Lucene can trust when it chooses what leads the search.
   */
  static Query build(
      String clean,
      Analysis analysis,
      List<Weighted> fields,
      List<String> shortFields,
      boolean pairs,
      String matchField) {
    if (clean.isEmpty()) {
      return null;
    }
    // phrases for multi-word synonyms: 服务员 must not match 服务 ... 员 far apart
    QueryBuilder builder = analysis.queryBuilder();
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
    List<Term> bound = matchField == null ? List.of() : matchTerms(clean, analysis, matchField);
    return bound.isEmpty() ? any.build() : new SizedQuery(any.build(), bound);
  }

  /**
   * The terms of the text in the match field: at each position the word's synonym group tokens when
   * it has some (a document with the word has its group token too), else the word; and the pinyin
   * term when the text is pinyin. A document the per-field clauses match holds one of them.
   */
  static List<Term> matchTerms(String clean, Analysis analysis, String matchField) {
    Set<String> terms = new LinkedHashSet<>();
    List<String> position = new ArrayList<>();
    try (TokenStream stream = analysis.query().tokenStream(matchField, clean)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (increment.getPositionIncrement() > 0) {
          addPosition(position, terms);
        }
        position.add(term.toString());
      }
      stream.end();
      addPosition(position, terms);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String pinyin = PinyinFields.queryTerm(clean);
    if (!pinyin.isEmpty()) {
      terms.add(PinyinFields.IN_SHARED_FIELD + pinyin);
    }
    return terms.stream().map(t -> new Term(matchField, t)).toList();
  }

  /** One position's terms: a single word with group tokens counts as its group tokens. */
  private static void addPosition(List<String> position, Set<String> terms) {
    List<String> groups = position.stream().filter(Analysis::isGroupToken).toList();
    if (!groups.isEmpty() && position.size() - groups.size() == 1) {
      terms.addAll(groups);
    } else {
      terms.addAll(position);
    }
    position.clear();
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
      List<String> shortFields,
      String matchField) {
    return new Passes(
        build(clean, analysis, primary, shortFields, false, matchField),
        build(clean, analysis, all, shortFields, true, null));
  }

  /** A text field and its weight. */
  record Weighted(String field, float boost) {}
}
