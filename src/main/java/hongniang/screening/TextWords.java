package hongniang.screening;

import java.util.List;

/**
 * The port screening reads text through: the analysed words of a text, in order, each with its
 * character offsets in the text as given. The search's analysis implements it, so a rule reads the
 * same words a search would ({@code search.analysis.ScreeningWords}).
 */
public interface TextWords {

  /**
   * The words of a text. Words at one {@code position} are alternatives of one word: a synonym
   * group's token stands beside its member, with the member's offsets. Punctuation and stop words
   * give no word; the offsets of what is left still point into the original text.
   */
  List<Word> words(String text);

  /**
   * One analysed word: the term (lower case, full width folded), its offsets in the text ({@code
   * end} exclusive, UTF-16 units) and its position (ascending; equal for alternatives).
   */
  record Word(String term, int start, int end, int position) {}
}
