package hongniang.pages.employer;

import hongniang.pages.Snippet;
import hongniang.pages.Texts;
import hongniang.screening.Finding;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What screening found in a posting's texts, as a page shows it: each text again with the words
 * found marked (as parts the template escapes one by one, never as HTML built from the text), and a
 * list of the findings: the words, the reason, the legal basis and a better wording.
 *
 * @param checked whether the texts were screened at all (nothing to show before)
 * @param blocking whether a finding holds the posting from opening
 * @param texts each screened text that has findings, marked
 * @param items every finding, in the order of the texts
 * @param problem why the texts could not be screened (too long), or null
 */
public record Findings(
    boolean checked,
    boolean blocking,
    List<Marked> texts,
    List<Item> items,
    @Nullable String problem) {

  /** One text with its findings marked: which field (its label) and the parts. */
  public record Marked(String label, List<Snippet> parts) {}

  /** One finding as a reader needs it. */
  public record Item(
      String phrase,
      String where,
      String reason,
      String basis,
      String suggestion,
      boolean blocks) {}

  static Findings none() {
    return new Findings(false, false, List.of(), List.of(), null);
  }

  static Findings refused(String problem) {
    return new Findings(true, false, List.of(), List.of(), problem);
  }

  /** The findings in these texts (field name to text), in the reader's language. */
  static Findings of(List<Finding> findings, Map<String, String> texts, Texts t) {
    boolean english = t.english();
    List<Marked> marked = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    boolean blocking = false;
    for (Map.Entry<String, String> field : texts.entrySet()) {
      String text = field.getValue() == null ? "" : field.getValue();
      List<Finding> here =
          findings.stream()
              .filter(f -> field.getKey().equals(f.field()))
              .sorted(Comparator.comparingInt(Finding::start))
              .toList();
      if (here.isEmpty()) {
        continue;
      }
      String label = t.t("page.unit.field." + field.getKey());
      marked.add(new Marked(label, parts(text, here)));
      for (Finding f : here) {
        blocking |= f.blocks();
        items.add(
            new Item(
                f.text(),
                label,
                english ? f.categoryEn() : f.categoryZh(),
                english ? f.basisEn() : f.basisZh(),
                english ? f.suggestionEn() : f.suggestionZh(),
                f.blocks()));
      }
    }
    return new Findings(true, blocking, marked, items, null);
  }

  /** The text cut at each finding's start and end; a finding inside an earlier one is not cut. */
  static List<Snippet> parts(String text, List<Finding> sorted) {
    List<Snippet> parts = new ArrayList<>();
    int at = 0;
    for (Finding f : sorted) {
      int start = Math.max(f.start(), at);
      int end = Math.min(f.end(), text.length());
      if (start >= end) {
        continue;
      }
      if (start > at) {
        parts.add(new Snippet(text.substring(at, start), false));
      }
      parts.add(new Snippet(text.substring(start, end), true));
      at = end;
    }
    if (at < text.length()) {
      parts.add(new Snippet(text.substring(at), false));
    }
    return parts;
  }
}
