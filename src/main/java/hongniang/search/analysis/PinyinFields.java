package hongniang.search.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The pinyin companions of a short text field, so that {@code baojie} and {@code bj} find 保洁.
 *
 * <p>For a field {@code title} the index gets two keyword fields: {@code title_py} with full pinyin
 * and {@code title_pyi} with initials. Each holds, for every word smartcn finds, the pinyin of that
 * word and of up to {@value #WINDOW} - 1 words after it joined together, plus the whole text: 小区保洁员
 * (words 小区 保洁 员) gives {@code xiaoqubaojieyuan, baojieyuan, yuan} and {@code xqbjy, bjy, y}, each
 * with all its prefixes. A term query on lower-case ASCII input then finds any run of words typed
 * from a word's start: {@code bao}, {@code baojie}, {@code baojieyuan}, {@code bj}, {@code bjy},
 * {@code xiaoqubao}. Keyword terms rather than a pinyin analyzer: no analyzer has to be wired per
 * field, and prefix matching on whole-word runs is exactly what phone input needs.
 *
 * <p>Meant for titles, occupations and skills, not descriptions: a text gives at most {@value
 * #MAX_WORDS} words and each term at most {@value #MAX_TERM} characters.
 */
public final class PinyinFields {

  /** Suffix of the full-pinyin field. */
  static final String FULL = "_py";

  /** Suffix of the initials field. */
  static final String INITIALS = "_pyi";

  /** Words joined into one term: enough for a job title typed in one go (小区 保洁 员). */
  static final int WINDOW = 4;

  /** Words of a text that get pinyin; the rest is ignored (titles have fewer than 30). */
  static final int MAX_WORDS = 64;

  /** Characters of a term; longer query input is cut to the same length, so it still matches. */
  static final int MAX_TERM = 64;

  /**
   * The longest prefix indexed: six or so syllables. Longer input is cut to it, so it finds what
   * starts the same way.
   */
  static final int MAX_PREFIX = 24;

  private final ChineseAnalyzers analyzers;

  PinyinFields(ChineseAnalyzers analyzers) {
    this.analyzers = analyzers;
  }

  /** The two term lists of a text: full pinyin and initials. */
  record Tokens(List<String> full, List<String> initials) {}

  /** The terms a text gives in the two pinyin fields. */
  Tokens tokens(String text) {
    List<String> words = analyzers.words(text);
    if (words.size() > MAX_WORDS) {
      words = words.subList(0, MAX_WORDS);
    }
    List<String> full = new ArrayList<>(words.size());
    List<String> initials = new ArrayList<>(words.size());
    for (String word : words) {
      StringBuilder f = new StringBuilder();
      StringBuilder i = new StringBuilder();
      Pinyin.spell(word, f, i);
      if (!f.isEmpty()) {
        full.add(f.toString());
        initials.add(i.toString());
      }
    }
    return new Tokens(windows(full), windows(initials));
  }

  /**
   * Adds {@code field_py} and {@code field_pyi} terms for the text to a document: every prefix (up
   * to {@value #MAX_PREFIX} characters) of every term, so that a typed prefix is one exact term
   * lookup instead of a scan over every term it starts.
   */
  public void addTo(Document document, String field, String text) {
    addTo(document, field, text, null);
  }

  /**
   * What a pinyin term is written as in a field shared with words (the index's {@code match}
   * field): the prefix keeps {@code bao} the pinyin prefix apart from {@code bao} a word typed in a
   * title. The word analyzer splits at punctuation, so no word carries it.
   */
  public static final String IN_SHARED_FIELD = "py|";

  /** The same, each term also added to {@code terms} (marked as pinyin) when it is not null. */
  public void addTo(Document document, String field, String text, Set<String> terms) {
    Tokens tokens = tokens(text);
    // not stored, no norms, docs only: they exist to be matched, never shown or scored
    for (String t : prefixes(tokens.full())) {
      document.add(new StringField(field + FULL, t, Field.Store.NO));
      if (terms != null) {
        terms.add(IN_SHARED_FIELD + t);
      }
    }
    for (String t : prefixes(tokens.initials())) {
      document.add(new StringField(field + INITIALS, t, Field.Store.NO));
      if (terms != null) {
        terms.add(IN_SHARED_FIELD + t);
      }
    }
  }

  /** Every prefix of every term, at most {@value #MAX_PREFIX} characters long, once each. */
  static Set<String> prefixes(List<String> terms) {
    Set<String> out = new LinkedHashSet<>();
    for (String term : terms) {
      for (int length = 1; length <= Math.min(term.length(), MAX_PREFIX); length++) {
        out.add(term.substring(0, length));
      }
    }
    return out;
  }

  /**
   * The pinyin query for what someone typed, or empty when it is not pinyin (it holds Chinese
   * characters, or nothing of letters and digits). Spaces, apostrophes and case are ignored: {@code
   * Bao jie}, {@code bao'jie} and {@code baojie} are the same query.
   */
  public static Optional<Query> prefixQuery(String field, String input) {
    String typed = normalize(input);
    if (typed.isEmpty()) {
      return Optional.empty();
    }
    // the documents hold every prefix, so what was typed is one term (cut like the prefixes);
    // constant scores: a full-pinyin hit is worth more than an initials one, which short inputs
    // (bj) hit by accident more often
    String prefix = term(typed);
    return Optional.of(
        new BooleanQuery.Builder()
            .add(
                new ConstantScoreQuery(new TermQuery(new Term(field + FULL, prefix))),
                BooleanClause.Occur.SHOULD)
            .add(
                new BoostQuery(
                    new ConstantScoreQuery(new TermQuery(new Term(field + INITIALS, prefix))),
                    0.5f),
                BooleanClause.Occur.SHOULD)
            .build());
  }

  /** The term a pinyin query looks up for typed input, "" when the input is not pinyin. */
  public static String queryTerm(String input) {
    return term(normalize(input));
  }

  private static String term(String typed) {
    return typed.length() > MAX_PREFIX ? typed.substring(0, MAX_PREFIX) : typed;
  }

  /** Typed input as a pinyin term: lower-case ASCII letters and digits, "" if it is not pinyin. */
  static String normalize(String input) {
    if (input == null) {
      return "";
    }
    // look at no more than could matter; a 10 kB paste must not cost 10 kB of work
    String head = input.length() > MAX_TERM * 4 ? input.substring(0, MAX_TERM * 4) : input;
    if (Pinyin.hasHan(head)) {
      return "";
    }
    String typed = Pinyin.full(head);
    return typed.length() > MAX_TERM ? typed.substring(0, MAX_TERM) : typed;
  }

  private static List<String> windows(List<String> words) {
    Set<String> terms = new LinkedHashSet<>();
    for (int start = 0; start < words.size(); start++) {
      int end = Math.min(words.size(), start + WINDOW);
      terms.add(cut(String.join("", words.subList(start, end))));
    }
    if (words.size() > WINDOW) {
      terms.add(cut(String.join("", words)));
    }
    return List.copyOf(terms);
  }

  private static String cut(String term) {
    return term.length() > MAX_TERM ? term.substring(0, MAX_TERM) : term;
  }
}
