package hongniang.search.analysis;

import hongniang.screening.TextWords;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Screening's words: the query analyzer's (smartcn words, known job names joined, each synonym
 * group's token beside its member at the same position), with offsets into the text as given. So a
 * screening rule reads a posting as a search for it would.
 */
@Singleton
public class ScreeningWords implements TextWords {

  private final Analysis analysis;

  public ScreeningWords(Analysis analysis) {
    this.analysis = analysis;
  }

  @Override
  public List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    try (TokenStream stream = analysis.query().tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        words.add(new Word(term.toString(), offset.startOffset(), offset.endOffset(), position));
      }
      stream.end();
    } catch (IOException e) {
      // a StringReader does not fail; anything else is a bug worth seeing
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
