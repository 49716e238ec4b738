package hongniang.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pattern language on a stand-in analysis whose words are written out: {@code 限·女性} is the two
 * words 限 and 女性 (the dot only separates them), so each case says exactly which words it has. The
 * real smartcn words are {@link ScreeningCategoriesTest}'s.
 */
class ScreeningPatternTest {

  /** Words between dots and marks; 保洁 and 清洁工 share a synonym token, as in synonyms.txt. */
  private static final TextWords WORDS =
      text -> {
        Map<String, String> groups = Map.of("保洁", "≡0", "清洁工", "≡0");
        List<TextWords.Word> words = new ArrayList<>();
        int position = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
          boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
          if (inWord && start < 0) {
            start = i;
          } else if (!inWord && start >= 0) {
            String term = text.substring(start, i);
            words.add(new TextWords.Word(term, start, i, position));
            if (groups.containsKey(term)) {
              words.add(new TextWords.Word(groups.get(term), start, i, position));
            }
            position++;
            start = -1;
          }
        }
        return words;
      };

  private static String match(String pattern, String dotted) {
    WordPattern p = WordPattern.parse(pattern, w -> RuleBook.literal(w, WORDS));
    String text = dotted.replace("·", "");
    List<TextWords.Word> words = new ArrayList<>();
    for (TextWords.Word w : WORDS.words(dotted)) {
      int dots = (int) dotted.substring(0, w.start()).chars().filter(c -> c == '·').count();
      words.add(new TextWords.Word(w.term(), w.start() - dots, w.end() - dots, w.position()));
    }
    AnalysedText analysed = new AnalysedText(text, words);
    List<String> found = new ArrayList<>();
    for (WordPattern.Match m : p.matches(analysed, "保安"::equals)) {
      String spelled = text.substring(analysed.start(m.first()), analysed.end(m.last()));
      found.add(m.numbers().isEmpty() ? spelled : spelled + m.numbers());
    }
    return String.join(" | ", found);
  }

  @Test
  void aWordMatchesWholeWordsOnly() {
    assertEquals("限女", match("限 女", "限·女"));
    assertEquals("", match("限 女", "限·女装"));
    assertEquals("", match("女", "女装·店"));
    // a rule word may span several words of the text, never part of one
    assertEquals("限女性", match("限女性", "限·女性"));
    assertEquals("", match("限女", "限·女性"));
  }

  @Test
  void optionalWordsAlternativesAndGapsStayInTheClause() {
    assertEquals("由公司承担 | 公司承担", match("由? 公司|单位 承担", "由·公司·承担"));
    assertEquals("限三元区户籍", match("限 ~2 户籍", "限·三元·区·户籍"));
    assertEquals("", match("限 ~1 户籍", "限·三元·区·户籍"));
    assertEquals("", match("限 ~2 户籍", "限，户籍"));
    assertEquals("体检，费用自理", match("体检 ~~2 费用 自理", "体检，费用·自理"));
    assertEquals("", match("体检 ~~2 费用 自理", "体检，而且，费用·自理"));
  }

  @Test
  void numbersAreReadInDigitsAndChineseNumerals() {
    assertEquals("35岁[35]", match("#19-99 岁", "35·岁"));
    assertEquals("", match("#19-99 岁", "18·岁"));
    assertEquals("三十五岁[35]", match("# 岁", "三·十·五·岁"));
    assertEquals("月入3万[30000]", match("月入 #10000-99999999", "月入·3·万"));
    assertEquals(30000, WordPattern.chineseNumber("三万"));
    assertEquals(10000, WordPattern.chineseNumber("万"));
    assertEquals(105, WordPattern.chineseNumber("一百零五"));
  }

  @Test
  void marksDashColonAndClauseEdges() {
    assertEquals("18-35岁[18, 35]", match("# - # 岁", "18-35·岁"));
    assertEquals("", match("# - # 岁", "18、35·岁"));
    assertEquals("女", match(": 女 $", "前台：女，形象·好"));
    assertEquals("", match(": 女 $", "前台：女·服务员"));
    assertEquals("女性", match("^ 女性 $", "女性，初中"));
    assertEquals("", match("^ 女性 $", "关爱·女性·员工"));
  }

  @Test
  void jobNamesAndSynonymsComeFromTheAnalysis() {
    assertEquals("男保安", match("男 @job", "男·保安"));
    assertEquals("", match("男 @job", "男·老人"));
    assertEquals("清洁工", match("保洁", "清洁工"));
  }

  @Test
  void aRuleWordThatAnalysisWouldNotKeepWholeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RuleBook.literal("限，女", WORDS));
    assertThrows(
        IllegalArgumentException.class,
        () -> WordPattern.parse("~2 #", w -> RuleBook.literal(w, WORDS)));
    assertThrows(
        IllegalArgumentException.class,
        () -> WordPattern.parse("限 女 ~2", w -> RuleBook.literal(w, WORDS)));
    assertThrows(
        IllegalArgumentException.class,
        () -> WordPattern.parse("月入 过万|#10000-99999", w -> RuleBook.literal(w, WORDS)));
  }
}
