package hongniang.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Screens posting texts for unfair wording (招聘信息合规): every rule of the {@link RuleBook} is matched
 * against the analysed words of each field; a match is cleared by a negation cue in reach (不限性别,
 * 无需押金), by a context it lies in (女装店, 孕妇瑜伽), or by a job reason anywhere in the posting (高空作业 for
 * an age limit). Overlapping findings of one category keep the weightiest. Immutable and
 * thread-safe.
 */
public final class Screener {

  /** A field's name as findings name it ({@code title}, {@code skills[0]}) and its text. */
  public record Text(String field, String text) {}

  private final RuleBook book;
  private final TextWords words;
  private final Predicate<String> jobName;
  private final Map<Character, List<RuleBook.Rule>> rulesByFirstChar = new HashMap<>();
  private final List<RuleBook.Rule> rulesAnywhere = new ArrayList<>();

  private Screener(RuleBook book, TextWords words, Predicate<String> jobName) {
    this.book = book;
    this.words = words;
    this.jobName = jobName;
    for (RuleBook.Rule rule : book.rules) {
      Set<Character> first = rule.pattern().firstChars();
      if (first == null) {
        rulesAnywhere.add(rule);
      } else {
        first.forEach(c -> rulesByFirstChar.computeIfAbsent(c, k -> new ArrayList<>()).add(rule));
      }
    }
  }

  /**
   * The screener of the rules shipped in {@code screening/}.
   *
   * @param words the analysis the rules' words and the texts are read with
   * @param jobName whether a word is a job name the vocabulary knows (for {@code @job})
   */
  public static Screener load(TextWords words, Predicate<String> jobName) {
    return new Screener(RuleBook.load(words), words, jobName);
  }

  /** The categories, in the rule book's order. */
  public Collection<Category> categories() {
    return book.categories.values();
  }

  /** Screens a posting's title, description and skills (null or blank ones are skipped). */
  public Screening screen(String title, String description, List<String> skills) {
    List<Text> texts = new ArrayList<>();
    texts.add(new Text("title", title));
    texts.add(new Text("description", description));
    if (skills != null) {
      for (int i = 0; i < skills.size(); i++) {
        texts.add(new Text("skills[" + i + "]", skills.get(i)));
      }
    }
    return screen(texts);
  }

  /** Screens texts that belong together: a job reason in one clears a finding in another. */
  public Screening screen(List<Text> texts) {
    List<Field> fields = new ArrayList<>();
    for (Text t : texts) {
      if (t.text() != null && !t.text().isBlank()) {
        fields.add(new Field(t.field(), new AnalysedText(t.text(), words.words(t.text()))));
      }
    }
    Map<WordPattern, Boolean> reasons = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (Field field : fields) {
      List<Candidate> candidates = new ArrayList<>();
      for (int slot = 0; slot < field.text.size(); slot++) {
        for (RuleBook.Rule rule :
            rulesByFirstChar.getOrDefault(field.text.firstChar(slot), List.of())) {
          candidate(field, rule, slot, candidates);
        }
        for (RuleBook.Rule rule : rulesAnywhere) {
          candidate(field, rule, slot, candidates);
        }
      }
      candidates.removeIf(c -> cleared(field, c));
      candidates.removeIf(
          c ->
              c.rule.unless() != null
                  && reasons.computeIfAbsent(c.rule.unless(), p -> anywhere(fields, p)));
      findings.addAll(weightiest(field, candidates));
    }
    return new Screening(findings);
  }

  /** A field's analysed text, and the matches of cues and contexts in it, found once. */
  private final class Field {
    final String name;
    final AnalysedText text;
    private final Map<WordPattern, List<WordPattern.Match>> matches = new HashMap<>();

    Field(String name, AnalysedText text) {
      this.name = name;
      this.text = text;
    }

    List<WordPattern.Match> matches(WordPattern pattern) {
      return matches.computeIfAbsent(pattern, p -> p.matches(text, jobName));
    }
  }

  private record Candidate(RuleBook.Rule rule, WordPattern.Match match) {}

  private void candidate(Field field, RuleBook.Rule rule, int slot, List<Candidate> out) {
    WordPattern.Match m = rule.pattern().longestAt(field.text, slot, jobName);
    if (m != null) {
      out.add(new Candidate(rule, m));
    }
  }

  /** True when a negation cue in reach or a context around it clears the finding. */
  private boolean cleared(Field field, Candidate c) {
    String category = c.rule.category().id();
    AnalysedText text = field.text;
    int first = c.match.first();
    int last = c.match.last();
    for (RuleBook.Negation n : book.negations) {
      if (!n.categories().contains(category)) {
        continue;
      }
      for (WordPattern.Match cue : field.matches(n.pattern())) {
        if (text.clause(cue.first()) != text.clause(first)) {
          continue;
        }
        boolean before =
            n.side() == RuleBook.Side.BEFORE
                && cue.first() < first
                && cue.last() >= first - n.reach() - 1
                && cue.last() <= last;
        boolean after =
            n.side() == RuleBook.Side.AFTER
                && cue.last() > last
                && cue.first() <= last + n.reach() + 1
                && cue.first() >= first;
        if (before || after) {
          return true;
        }
      }
    }
    for (RuleBook.Context context : book.contexts) {
      if (!context.categories().contains(category)) {
        continue;
      }
      for (WordPattern.Match around : field.matches(context.pattern())) {
        if (around.first() <= last && around.last() >= first) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean anywhere(List<Field> fields, WordPattern pattern) {
    for (Field f : fields) {
      if (!f.matches(pattern).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Of findings of one category that overlap, the weightiest: a block before a warning, then the
   * longer, then the earlier. Findings of different categories may overlap (已婚女性优先 is both).
   */
  private static List<Finding> weightiest(Field field, List<Candidate> candidates) {
    AnalysedText text = field.text;
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(
        Comparator.comparing((Candidate c) -> c.rule.severity())
            .thenComparing(c -> -(text.end(c.match.last()) - text.start(c.match.first())))
            .thenComparing(c -> text.start(c.match.first())));
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : sorted) {
      boolean overlaps =
          kept.stream()
              .anyMatch(
                  k ->
                      k.rule.category().equals(c.rule.category())
                          && k.match.first() <= c.match.last()
                          && k.match.last() >= c.match.first());
      if (!overlaps) {
        kept.add(c);
      }
    }
    kept.sort(
        Comparator.comparing((Candidate c) -> text.start(c.match.first()))
            .thenComparing(c -> c.rule.category().id()));
    return kept.stream().map(c -> finding(field, c)).toList();
  }

  private static Finding finding(Field field, Candidate c) {
    AnalysedText text = field.text;
    int start = text.start(c.match.first());
    int end = text.end(c.match.last());
    Category category = c.rule.category();
    return new Finding(
        field.name,
        start,
        end,
        text.original.substring(start, end),
        c.rule.id(),
        category.id(),
        category.zh(),
        category.en(),
        c.rule.severity(),
        category.basisZh(),
        category.basisEn(),
        c.rule.suggestionZh(),
        c.rule.suggestionEn(),
        c.match.numbers());
  }
}
