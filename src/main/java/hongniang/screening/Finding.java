package hongniang.screening;

import java.util.List;

/**
 * One finding in one field of a text: where it is ({@code start} to {@code end}, UTF-16 offsets in
 * that field's text, end exclusive: what pages underline), the words found, the rule and its
 * category, severity, legal basis and suggested rewording, and any numbers the rule read (35 of
 * 35岁以下, 200 of 押金200元).
 */
public record Finding(
    String field,
    int start,
    int end,
    String text,
    String rule,
    String category,
    String categoryZh,
    String categoryEn,
    Severity severity,
    String basisZh,
    String basisEn,
    String suggestionZh,
    String suggestionEn,
    List<Integer> numbers) {

  /** True for a finding that holds a posting. */
  public boolean blocks() {
    return severity == Severity.BLOCK;
  }
}
