package hongniang.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.occupations.Occupations;
import hongniang.screening.TextWords;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScreeningWordsTest {

  private static Analysis analysis;
  private static ScreeningWords words;

  @BeforeAll
  static void load() {
    analysis = new Analysis(Occupations.load());
    words = new ScreeningWords(analysis);
  }

  @AfterAll
  static void close() {
    analysis.close();
  }

  @Test
  void wordsKeepTheirOffsetsInTheOriginalText() {
    String text = "车间保洁员（限女性，35岁以下）";
    List<TextWords.Word> found =
        words.words(text).stream().filter(w -> !Analysis.isGroupToken(w.term())).toList();
    for (TextWords.Word w : found) {
      assertEquals(w.term(), text.substring(w.start(), w.end()).toLowerCase(), w.toString());
    }
    assertEquals(
        List.of("车间", "保洁员", "限", "女性", "35", "岁", "以下"),
        found.stream().map(TextWords.Word::term).toList());
  }

  @Test
  void aSynonymTokenStandsAtItsWordsPositionAndOffsets() {
    List<TextWords.Word> found = words.words("招聘女服务员3名");
    TextWords.Word server = found.get(1);
    TextWords.Word group = found.get(2);
    assertEquals("服务员", server.term());
    assertTrue(Analysis.isGroupToken(group.term()), group.toString());
    assertEquals(server.position(), group.position());
    assertEquals(server.start(), group.start());
    assertEquals(server.end(), group.end());
    // 招聘 is a stop word: it gives no word, and the offsets still count its characters
    assertEquals("女", found.get(0).term());
    assertEquals(2, found.get(0).start());
  }
}
