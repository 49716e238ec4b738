package hongniang.screening;

import hongniang.common.ResourceFiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The screening rules as data, read from the class path folder {@code screening/} ({@code
 * src/main/resources/screening/}, described in its README): the categories and their legal basis,
 * the rules, the negation cues and the contexts that clear a finding. Every word of every pattern
 * is checked against the analysis at load, so a rule that could never match fails the start, not a
 * posting.
 */
final class RuleBook {

  static final String FOLDER = "screening/";
  static final String CATEGORIES = "categories.tsv";
  static final String RULES = "rules.tsv";
  static final String NEGATIONS = "negations.tsv";
  static final String CONTEXTS = "contexts.tsv";

  /** A rule: its words, and words anywhere in the posting that give the job reason it lacks. */
  record Rule(
      String id,
      Category category,
      Severity severity,
      WordPattern pattern,
      WordPattern unless,
      String suggestionZh,
      String suggestionEn) {}

  /** Which side of a finding a negation cue stands on. */
  enum Side {
    BEFORE,
    AFTER
  }

  /**
   * A negation cue: words that, on their side of a finding and at most {@code reach} words from it
   * within its clause, clear it (不限, 无需, 由公司承担).
   */
  record Negation(Side side, int reach, Set<String> categories, WordPattern pattern) {}

  /** A context: words that, where they overlap a finding, show it is no restriction (女装店). */
  record Context(Set<String> categories, WordPattern pattern) {}

  final Map<String, Category> categories;
  final List<Rule> rules;
  final List<Negation> negations;
  final List<Context> contexts;

  private RuleBook(
      Map<String, Category> categories,
      List<Rule> rules,
      List<Negation> negations,
      List<Context> contexts) {
    this.categories = categories;
    this.rules = rules;
    this.negations = negations;
    this.contexts = contexts;
  }

  /** The rule book shipped in {@code screening/}, its words analysed by {@code words}. */
  static RuleBook load(TextWords words) {
    Function<String, WordPattern.Literal> literal = w -> literal(w, words);
    List<String> problems = new ArrayList<>();
    Map<String, Category> categories = new LinkedHashMap<>();
    for (String[] row :
        ResourceFiles.tableAt(
            FOLDER + CATEGORIES, "category", "zh", "en", "basis_zh", "basis_en")) {
      categories.put(row[0], new Category(row[0], row[1], row[2], row[3], row[4]));
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (String[] row :
        ResourceFiles.tableAt(
            FOLDER + RULES,
            "id",
            "category",
            "severity",
            "pattern",
            "unless",
            "suggestion_zh",
            "suggestion_en")) {
      String where = RULES + " " + row[0];
      if (!ids.add(row[0])) {
        throw new IllegalStateException(where + ": the id is listed twice");
      }
      rules.add(
          new Rule(
              row[0],
              category(categories, row[1], where),
              severity(row[2], where),
              pattern(row[3], literal, where, problems),
              row[4].equals("-") ? null : pattern(row[4], literal, where, problems),
              row[5],
              row[6]));
    }
    List<Negation> negations = new ArrayList<>();
    for (String[] row :
        ResourceFiles.tableAt(FOLDER + NEGATIONS, "side", "reach", "categories", "pattern")) {
      String where = NEGATIONS + " " + row[3];
      negations.add(
          new Negation(
              side(row[0], where),
              Integer.parseInt(row[1]),
              categoryIds(categories, row[2], where),
              pattern(row[3], literal, where, problems)));
    }
    List<Context> contexts = new ArrayList<>();
    for (String[] row : ResourceFiles.tableAt(FOLDER + CONTEXTS, "categories", "pattern", "why")) {
      String where = CONTEXTS + " " + row[1];
      contexts.add(
          new Context(
              categoryIds(categories, row[0], where), pattern(row[1], literal, where, problems)));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("\n", problems));
    }
    return new RuleBook(
        Collections.unmodifiableMap(categories),
        List.copyOf(rules),
        List.copyOf(negations),
        List.copyOf(contexts));
  }

  /**
   * A rule's word, folded, with its synonym tokens. It must stay whole words under analysis: a stop
   * word (的, 招聘) or a punctuation mark in it would never be matched, so it is refused.
   */
  static WordPattern.Literal literal(String word, TextWords words) {
    String folded = AnalysedText.fold(word);
    List<TextWords.Word> analysed = words.words(word);
    int covered = 0;
    Set<String> forms = new LinkedHashSet<>();
    Integer position = null;
    boolean onePosition = true;
    for (TextWords.Word w : analysed) {
      if (position == null || w.position() != position) {
        if (w.start() != covered) {
          break;
        }
        covered = w.end();
        onePosition = position == null;
        position = w.position();
      }
      if (onePosition) {
        forms.add(w.term());
      }
    }
    if (covered != word.length()) {
      throw new IllegalArgumentException(
          "\"" + word + "\" is not whole words under analysis (a stop word or a mark in it?)");
    }
    // the word itself is matched by its spelling; its synonym tokens by the analysed forms
    forms.remove(folded);
    if (!onePosition) {
      forms.clear();
    }
    return new WordPattern.Literal(folded, Set.copyOf(forms));
  }

  /** The pattern, or null with the problem noted: a load reports every bad pattern at once. */
  private static WordPattern pattern(
      String source,
      Function<String, WordPattern.Literal> literal,
      String where,
      List<String> problems) {
    try {
      return WordPattern.parse(source, literal);
    } catch (IllegalArgumentException e) {
      problems.add(where + ": " + e.getMessage());
      return null;
    }
  }

  private static Category category(Map<String, Category> categories, String id, String where) {
    Category c = categories.get(id);
    if (c == null) {
      throw new IllegalStateException(where + ": unknown category " + id);
    }
    return c;
  }

  private static Set<String> categoryIds(
      Map<String, Category> categories, String list, String where) {
    if (list.equals("*")) {
      return Set.copyOf(categories.keySet());
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String id : list.split(",")) {
      ids.add(category(categories, id.strip(), where).id());
    }
    return Set.copyOf(ids);
  }

  private static Severity severity(String value, String where) {
    try {
      return Severity.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ": severity is BLOCK or WARN, not " + value, e);
    }
  }

  private static Side side(String value, String where) {
    try {
      return Side.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ": side is before or after, not " + value, e);
    }
  }
}
