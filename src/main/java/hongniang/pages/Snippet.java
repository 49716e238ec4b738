package hongniang.pages;

import java.util.ArrayList;
import java.util.List;

/**
 * A highlighted snippet from search ({@code <b>} around the matches) as parts a template escapes
 * one by one: the posting's own text is never written to a page unescaped.
 */
public record Snippet(String text, boolean match) {

  static List<Snippet> parts(String highlighted) {
    List<Snippet> parts = new ArrayList<>();
    if (highlighted == null) {
      return parts;
    }
    int at = 0;
    while (at < highlighted.length()) {
      int open = highlighted.indexOf("<b>", at);
      int close = open < 0 ? -1 : highlighted.indexOf("</b>", open + 3);
      if (open < 0 || close < 0) {
        parts.add(new Snippet(highlighted.substring(at), false));
        break;
      }
      if (open > at) {
        parts.add(new Snippet(highlighted.substring(at, open), false));
      }
      parts.add(new Snippet(highlighted.substring(open + 3, close), true));
      at = close + 4;
    }
    return parts;
  }
}
