package hongniang.search.analysis;

import hongniang.common.ResourceFiles;
import hongniang.occupations.Occupations;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.QueryBuilder;

/**
 * The index's Chinese analyzers: smartcn words for indexing, the same plus synonyms for queries.
 */
final class ChineseAnalyzers implements Closeable {

  /** Words that are never a term. */
  static final String STOPWORDS = "stopwords.txt";

  private final Analyzer plain;
  private final Analyzer index;
  private final Analyzer query;
  private final Analyzer bigrams = new Bigrams();

  private ChineseAnalyzers(Collection<String> stopWords, Occupations vocabulary) {
    CharArraySet stopSet = stopSet(stopWords);
    this.plain = new SmartChain(stopSet, null, null, false);
    CompoundFilter.Names names = new CompoundFilter.Names();
    for (String name : vocabulary.names()) {
      names.add(words(plain, name));
    }
    for (Set<String> group : vocabulary.synonymGroups()) {
      for (String term : group) {
        names.add(words(plain, term));
      }
    }
    Analyzer joining = new SmartChain(stopSet, null, names, false);
    SynonymGroups groups =
        new SynonymGroups(vocabulary.synonymGroups(), member -> words(joining, member));
    joining.close();
    this.index = new SmartChain(stopSet, groups, names, true);
    this.query = new SmartChain(stopSet, groups, names, false);
  }

  private static CharArraySet stopSet(Collection<String> stopWords) {
    return CharArraySet.unmodifiableSet(new CharArraySet(stopWords, false));
  }

  /**
   * smartcn's words with the stop words shipped under {@code search-index/}, nothing joined and no
   * synonyms: what every other analyzer here starts from.
   */
  static Analyzer plainWords() {
    return new SmartChain(stopSet(ResourceFiles.lines(STOPWORDS)), null, null, false);
  }

  /**
   * The analyzers with the stop words shipped under {@code search-index/} and the vocabulary's job
   * names and synonyms.
   */
  static ChineseAnalyzers load(Occupations vocabulary) {
    return new ChineseAnalyzers(ResourceFiles.lines(STOPWORDS), vocabulary);
  }

  /**
   * The analyzer for documents: smartcn's HMM word segmentation, lower-cased, without punctuation
   * and stop words, each known job name that smartcn splits also as one word (保洁 保洁员 员), and beside
   * each word of a synonym group the group's token ({@link SynonymGroups}).
   */
  Analyzer index() {
    return index;
  }

  /**
   * The analyzer for query text: the words, known job names joined into one word (保洁员), and beside
   * each word of a synonym group the group's token, so a query term and its group token form one
   * synonym query that finds every member of the group.
   */
  Analyzer query() {
    return query;
  }

  /**
   * Overlapping character pairs (保洁员 is 保洁 洁员), for one companion field queried next to the word
   * field: smartcn's words depend on their neighbours (三明月嫂 is 三 明月 嫂, 超市收银 has 收银 but 收银 alone is
   * 收 银), so a word query can miss what a pair query finds. Same analyzer for documents and
   * queries; no synonyms.
   */
  Analyzer bigrams() {
    return bigrams;
  }

  /**
   * A query builder on the query analyzer: a word and its group token at one position become one
   * synonym query.
   */
  QueryBuilder queryBuilder() {
    return new QueryBuilder(query);
  }

  /** smartcn's words of a text, in order, nothing joined: 小区保洁员 gives [小区, 保洁, 员]. */
  List<String> words(String text) {
    return words(plain, text);
  }

  static List<String> words(Analyzer analyzer, String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        words.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      // a StringReader does not fail; anything else is a bug worth seeing
      throw new UncheckedIOException(e);
    }
    return words;
  }

  @Override
  public void close() {
    bigrams.close();
    query.close();
    index.close();
    plain.close();
  }

  /**
   * HMMChineseTokenizer, punctuation dropped, lower-cased, stop words dropped, maybe known names
   * joined, maybe synonyms.
   */
  private static final class SmartChain extends Analyzer {
    private final CharArraySet stopWords;
    private final SynonymGroups synonyms;
    private final CompoundFilter.Names names;
    private final boolean keepParts;

    SmartChain(
        CharArraySet stopWords,
        SynonymGroups synonyms,
        CompoundFilter.Names names,
        boolean keepParts) {
      this.stopWords = stopWords;
      this.synonyms = synonyms;
      this.names = names;
      this.keepParts = keepParts;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new HMMChineseTokenizer();
      TokenStream stream = new LetterOrDigitFilter(tokenizer);
      // smartcn already lower-cases Basic Latin; this covers the rest (Ä, Greek, full width)
      stream = new LowerCaseFilter(stream);
      stream = new StopFilter(stream, stopWords);
      if (names != null && !names.isEmpty()) {
        stream = new CompoundFilter(stream, names, keepParts);
      }
      if (synonyms != null) {
        stream = synonyms.filter(stream);
      }
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }

  /** Unicode words, full width folded, lower-cased, Chinese as overlapping pairs (CJKAnalyzer). */
  private static final class Bigrams extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new CJKWidthFilter(tokenizer);
      stream = new LowerCaseFilter(stream);
      // no English stop words, unlike CJKAnalyzer: "it" or "a" may be part of a job title
      return new TokenStreamComponents(tokenizer, new CJKBigramFilter(stream));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(new CJKWidthFilter(in));
    }
  }

  /**
   * Drops tokens without a letter or digit. smartcn folds every punctuation mark to "," and passes
   * control characters through as tokens; neither is worth a term.
   */
  private static final class LetterOrDigitFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    LetterOrDigitFilter(TokenStream in) {
      super(in);
    }

    @Override
    protected boolean accept() {
      char[] buffer = term.buffer();
      int length = term.length();
      for (int i = 0; i < length; ) {
        // by code point, so a word of rare characters outside the BMP (𠮷) survives
        int c = Character.codePointAt(buffer, i, length);
        if (Character.isLetterOrDigit(c)) {
          return true;
        }
        i += Character.charCount(c);
      }
      return false;
    }
  }
}
