package hongniang.screening;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A rule's words: a sequence of elements, separated by spaces, matched against the slots of one
 * clause of an analysed text. Elements:
 *
 * <ul>
 *   <li>{@code 限|仅限|只招}: one of the words. A word matches when the text spells it from a word's
 *       start to a word's end (so 女 never matches inside 女装), or, for a word in a synonym group,
 *       any word of its group;
 *   <li>{@code ~} or {@code ~2}: up to 3 (or 2) words of any kind;
 *   <li>{@code ~~} or {@code ~~2}: the same, and the words after it may stand in the next clause
 *       (体检 ~~ 费用 自理 reads 「入职体检，费用自理」);
 *   <li>{@code -}: a dash or tilde between the words before and after (18-35, 22~35);
 *   <li>{@code :}: a colon before the next word (「前台：女」);
 *   <li>{@code #} or {@code #19-99}: a number, in digits or Chinese numerals (三十五), in a range;
 *   <li>{@code @job}: a job name the vocabulary knows (服务员, 保安);
 *   <li>{@code ^} and {@code $}: the clause's start and end;
 * </ul>
 *
 * A {@code ?} after an element makes it optional: {@code 由? 公司 承担}.
 */
final class WordPattern {

  /** How many words a bare {@code ~} skips at most. */
  static final int DEFAULT_GAP = 3;

  private static final String NUMERALS = "零〇一二两三四五六七八九十百千万";

  private static final String DASHES = "-~－～—–―";

  /** A word of a rule, folded, with the synonym tokens it also matches. */
  record Literal(String text, Set<String> synonyms) {}

  private sealed interface Element
      permits Words, Gap, Dash, Colon, Number, Job, ClauseStart, ClauseEnd {}

  private record Words(List<Literal> literals) implements Element {}

  private record Gap(int max, boolean crossesClause) implements Element {}

  private record Dash() implements Element {}

  private record Colon() implements Element {}

  private record Number(int min, int max) implements Element {}

  private record Job() implements Element {}

  private record ClauseStart() implements Element {}

  private record ClauseEnd() implements Element {}

  private record Step(Element element, boolean optional) {}

  /** A match: its first and last slot (inclusive) and the numbers read. */
  record Match(int first, int last, List<Integer> numbers) {}

  private final String source;
  private final List<Step> steps;
  // the characters a match can start with, or null for any: most slots are passed over at a glance
  private final Set<Character> firstChars;

  private WordPattern(String source, List<Step> steps) {
    this.source = source;
    this.steps = List.copyOf(steps);
    this.firstChars = startingChars(this.steps);
  }

  /**
   * Parses a pattern; {@code literal} folds and checks each word (and throws on a word analysis
   * would not keep whole).
   */
  static WordPattern parse(String source, Function<String, Literal> literal) {
    List<Step> steps = new ArrayList<>();
    for (String token : source.strip().split("\\s+")) {
      boolean optional = token.length() > 1 && token.endsWith("?");
      String body = optional ? token.substring(0, token.length() - 1) : token;
      steps.add(new Step(element(body, source, literal), optional));
    }
    if (steps.stream().noneMatch(s -> s.element() instanceof Words && !s.optional())) {
      throw new IllegalArgumentException("a pattern needs at least one word that must be there");
    }
    if (steps.get(0).element() instanceof Gap
        || steps.get(steps.size() - 1).element() instanceof Gap) {
      throw new IllegalArgumentException("a gap stands between words, not at an end: " + source);
    }
    return new WordPattern(source, steps);
  }

  private static Element element(String body, String source, Function<String, Literal> literal) {
    if (body.equals("^")) {
      return new ClauseStart();
    }
    if (body.equals("$")) {
      return new ClauseEnd();
    }
    if (body.equals("@job")) {
      return new Job();
    }
    if (body.equals("-")) {
      return new Dash();
    }
    if (body.equals(":")) {
      return new Colon();
    }
    if (body.startsWith("~")) {
      boolean crosses = body.startsWith("~~");
      String max = body.substring(crosses ? 2 : 1);
      return new Gap(max.isEmpty() ? DEFAULT_GAP : Integer.parseInt(max), crosses);
    }
    if (body.startsWith("#")) {
      if (body.length() == 1) {
        return new Number(0, Integer.MAX_VALUE);
      }
      String[] range = body.substring(1).split("-");
      if (range.length != 2) {
        throw new IllegalArgumentException("a number range is #min-max: " + body);
      }
      return new Number(Integer.parseInt(range[0]), Integer.parseInt(range[1]));
    }
    List<Literal> literals = new ArrayList<>();
    for (String word : body.split("\\|")) {
      if (word.isEmpty()) {
        throw new IllegalArgumentException("an empty alternative in " + source);
      }
      if (body.contains("|") && "#@~^$:-".indexOf(word.charAt(0)) >= 0) {
        throw new IllegalArgumentException(
            "a number, gap, @job or mark stands alone, not among words: " + body);
      }
      literals.add(literal.apply(word));
    }
    return new Words(literals);
  }

  /** The first characters this pattern can start with, or null when it can start anywhere. */
  Set<Character> firstChars() {
    return firstChars;
  }

  private static Set<Character> startingChars(List<Step> steps) {
    Step first = steps.get(0);
    if (first.optional() || !(first.element() instanceof Words words)) {
      return null;
    }
    Set<Character> chars = new HashSet<>();
    for (Literal l : words.literals()) {
      if (!l.synonyms().isEmpty()) {
        return null;
      }
      chars.add(l.text().charAt(0));
    }
    return Set.copyOf(chars);
  }

  /** Every longest match, one per start slot, within one clause. */
  List<Match> matches(AnalysedText text, Predicate<String> jobName) {
    List<Match> found = new ArrayList<>();
    for (int slot = 0; slot < text.size(); slot++) {
      if (firstChars != null && !firstChars.contains(text.firstChar(slot))) {
        continue;
      }
      Match m = longestAt(text, slot, jobName);
      if (m != null) {
        found.add(m);
      }
    }
    return found;
  }

  /** The longest match starting at a slot, or null. */
  Match longestAt(AnalysedText text, int slot, Predicate<String> jobName) {
    Search search = new Search(text, jobName, slot);
    search.walk(0, slot, -1, text.clause(slot), new ArrayList<>());
    return search.best;
  }

  @Override
  public String toString() {
    return source;
  }

  /** One backtracking walk over the steps from a start slot, keeping the longest match. */
  private final class Search {
    private final AnalysedText text;
    private final Predicate<String> jobName;
    private final int first;
    Match best;

    Search(AnalysedText text, Predicate<String> jobName, int first) {
      this.text = text;
      this.jobName = jobName;
      this.first = first;
    }

    private boolean in(int slot, int clause) {
      return slot < text.size() && text.clause(slot) == clause;
    }

    /**
     * Walks from step {@code k} at {@code slot}; {@code last} is the last slot matched so far and
     * {@code clause} the clause the words must stand in.
     */
    void walk(int k, int slot, int last, int clause, List<Integer> numbers) {
      if (k == steps.size()) {
        if (last >= first && (best == null || last > best.last())) {
          best = new Match(first, last, List.copyOf(numbers));
        }
        return;
      }
      Step step = steps.get(k);
      if (step.optional()) {
        walk(k + 1, slot, last, clause, numbers);
      }
      Element element = step.element();
      if (element instanceof Words words) {
        if (in(slot, clause)) {
          for (Literal l : words.literals()) {
            int end = text.spelled(slot, l.text());
            if (end < 0 && !l.synonyms().isEmpty() && shares(text.forms(slot), l.synonyms())) {
              end = slot;
            }
            if (end >= 0) {
              walk(k + 1, end + 1, end, clause, numbers);
            }
          }
        }
      } else if (element instanceof Gap gap) {
        // skipped words do not extend the match by themselves
        walk(k + 1, slot, last, clause, numbers);
        if (gap.crossesClause() && slot < text.size() && text.clause(slot) == clause + 1) {
          walk(k + 1, slot, last, clause + 1, numbers);
        }
        int now = clause;
        for (int skip = 1; skip <= gap.max() && slot + skip - 1 < text.size(); skip++) {
          int skipped = text.clause(slot + skip - 1);
          if (skipped != now && !(gap.crossesClause() && skipped == clause + 1)) {
            break;
          }
          now = skipped;
          walk(k + 1, slot + skip, last, now, numbers);
          if (gap.crossesClause() && now == clause && in(slot + skip, clause + 1)) {
            walk(k + 1, slot + skip, last, clause + 1, numbers);
          }
        }
      } else if (element instanceof Dash) {
        if (last >= 0 && slot < text.size() && between(text.end(last), text.start(slot), DASHES)) {
          walk(k + 1, slot, last, clause, numbers);
        }
      } else if (element instanceof Colon) {
        int from = slot == 0 ? 0 : text.end(slot - 1);
        if (slot < text.size() && between(from, text.start(slot), ":：")) {
          walk(k + 1, slot, last, clause, numbers);
        }
      } else if (element instanceof Number number) {
        int end = in(slot, clause) ? numberEnd(slot, clause) : -1;
        if (end >= 0) {
          long value = value(slot, end);
          if (value >= number.min() && value <= number.max()) {
            numbers.add((int) value);
            walk(k + 1, end + 1, end, clause, numbers);
            numbers.remove(numbers.size() - 1);
          }
        }
      } else if (element instanceof Job) {
        if (in(slot, clause) && jobName.test(text.term(slot))) {
          walk(k + 1, slot + 1, slot, clause, numbers);
        }
      } else if (element instanceof ClauseStart) {
        if (slot == first && (slot == 0 || text.clause(slot - 1) != clause)) {
          walk(k + 1, slot, last, clause, numbers);
        }
      } else if (element instanceof ClauseEnd) {
        if (slot >= text.size() || text.clause(slot) != clause) {
          walk(k + 1, slot, last, clause, numbers);
        }
      }
    }

    private boolean between(int from, int to, String marks) {
      for (int i = from; i < to; i++) {
        if (marks.indexOf(text.original.charAt(i)) >= 0) {
          return true;
        }
      }
      return false;
    }

    private static boolean shares(Set<String> a, Set<String> b) {
      for (String s : b) {
        if (a.contains(s)) {
          return true;
        }
      }
      return false;
    }

    /**
     * The last slot of a number starting at {@code slot}: digits, maybe with a following 万, 千 or 百
     * (3万), or a run of numeral words (三十五).
     */
    private int numberEnd(int slot, int clause) {
      String term = text.term(slot);
      if (digits(term)) {
        if (term.length() > 6) {
          return -1;
        }
        int next = slot + 1;
        boolean unit =
            in(next, clause)
                && text.start(next) == text.end(slot)
                && (text.term(next).equals("万")
                    || text.term(next).equals("千")
                    || text.term(next).equals("百"));
        return unit ? next : slot;
      }
      if (slot > 0
          && text.end(slot - 1) == text.start(slot)
          && (numeral(text.term(slot - 1)) || digits(text.term(slot - 1)))) {
        // inside a number (the 五 of 三十五, the 万 of 3万), not the start of one
        return -1;
      }
      int end = -1;
      for (int s = slot; in(s, clause) && numeral(text.term(s)); s++) {
        if (s > slot && text.start(s) != text.end(s - 1)) {
          break;
        }
        end = s;
      }
      return end;
    }

    private static boolean numeral(String term) {
      return term.length() == 1 && NUMERALS.indexOf(term.charAt(0)) >= 0;
    }

    private static boolean digits(String term) {
      return !term.isEmpty() && term.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private long value(int from, int to) {
      if (digits(text.term(from))) {
        long value = Long.parseLong(text.term(from));
        return from == to ? value : value * chineseNumber(text.term(to));
      }
      StringBuilder chars = new StringBuilder();
      for (int s = from; s <= to; s++) {
        chars.append(text.term(s));
      }
      return chineseNumber(chars.toString());
    }
  }

  /** A Chinese numeral: 三十五 is 35, 两千 2000, 万 10000 (一万二, colloquial for 12000, reads 10002). */
  static long chineseNumber(String s) {
    long total = 0;
    long section = 0;
    long digit = 0;
    for (char c : s.toCharArray()) {
      int d = "零一二三四五六七八九".indexOf(c);
      if (c == '〇') {
        d = 0;
      } else if (c == '两') {
        d = 2;
      }
      if (d >= 0) {
        digit = d;
        continue;
      }
      long unit =
          switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            case '万' -> 10000;
            default -> 1;
          };
      if (unit == 10000) {
        total = Math.max(1, section + digit) * unit;
        section = 0;
      } else {
        section += (digit == 0 ? 1 : digit) * unit;
      }
      digit = 0;
    }
    return total + section + digit;
  }
}
