package hongniang.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A text as the rules read it: its words as slots (a slot is one position: the word and the synonym
 * tokens beside it), each slot's clause, and the text folded for comparing (lower case, full width
 * ASCII as half width) with every character where it was, so offsets stay those of the original.
 */
final class AnalysedText {

  /**
   * Characters that end a clause: a negation or a rule reaches no further. The enumeration comma
   * (、) and the colon do not: 「押金、培训费均免」 and 「性别：女」 are one clause each. A space ends one only
   * between Chinese characters (「限女性 年龄不限」), not beside a number (「年龄 18-35岁」).
   */
  private static final String CLAUSE_BREAKS = "，,。．.；;！!？?（）()【】[]《》<>|｜\r\n";

  final String original;
  final String folded;
  private final int[] starts;
  private final int[] ends;
  private final String[] terms;
  private final List<Set<String>> forms;
  private final int[] clauses;
  // the slot that ends at a character offset, or -1
  private final int[] slotEndingAt;

  AnalysedText(String text, List<TextWords.Word> words) {
    this.original = text;
    this.folded = fold(text);
    List<TextWords.Word> firsts = new ArrayList<>();
    List<Set<String>> forms = new ArrayList<>();
    int position = Integer.MIN_VALUE;
    for (TextWords.Word w : words) {
      if (w.position() == position && !forms.isEmpty()) {
        forms.get(forms.size() - 1).add(w.term());
        continue;
      }
      position = w.position();
      firsts.add(w);
      Set<String> own = new HashSet<>();
      own.add(w.term());
      forms.add(own);
    }
    int n = firsts.size();
    this.starts = new int[n];
    this.ends = new int[n];
    this.terms = new String[n];
    this.clauses = new int[n];
    this.forms = forms;
    this.slotEndingAt = new int[text.length() + 1];
    Arrays.fill(slotEndingAt, -1);
    int clause = 0;
    for (int i = 0; i < n; i++) {
      TextWords.Word w = firsts.get(i);
      starts[i] = w.start();
      ends[i] = w.end();
      terms[i] = w.term();
      if (i > 0 && breaksBetween(ends[i - 1], starts[i])) {
        clause++;
      }
      clauses[i] = clause;
      if (w.end() <= text.length() && slotEndingAt[w.end()] < 0) {
        slotEndingAt[w.end()] = i;
      }
    }
  }

  private boolean breaksBetween(int from, int to) {
    for (int i = Math.max(0, from); i < to && i < original.length(); i++) {
      char c = original.charAt(i);
      if (CLAUSE_BREAKS.indexOf(c) >= 0
          || (Character.isWhitespace(c) || c == '\u3000') && han(from - 1) && han(to)) {
        return true;
      }
    }
    return false;
  }

  private boolean han(int at) {
    return at >= 0
        && at < original.length()
        && Character.UnicodeScript.of(original.codePointAt(at)) == Character.UnicodeScript.HAN;
  }

  /** Lower case, full-width ASCII and the ideographic space as half width; length kept. */
  static String fold(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= '\uFF01' && c <= '\uFF5E') {
        c = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        c = ' ';
      }
      chars[i] = Character.toLowerCase(c);
    }
    return new String(chars);
  }

  int size() {
    return terms.length;
  }

  int start(int slot) {
    return starts[slot];
  }

  int end(int slot) {
    return ends[slot];
  }

  String term(int slot) {
    return terms[slot];
  }

  int clause(int slot) {
    return clauses[slot];
  }

  /** The word and its synonym tokens. */
  Set<String> forms(int slot) {
    return forms.get(slot);
  }

  /** The slot a folded literal spells from the start of {@code slot} on, ending on a word's end. */
  int spelled(int slot, String literal) {
    int from = starts[slot];
    int to = from + literal.length();
    if (to > folded.length() || !folded.startsWith(literal, from)) {
      return -1;
    }
    int last = slotEndingAt[to];
    return last >= slot ? last : -1;
  }

  /** The first character of a slot, folded: rules are indexed by it. */
  char firstChar(int slot) {
    return folded.charAt(starts[slot]);
  }
}
