package hongniang.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Rows in PostgreSQL's COPY text format: tab-separated, backslash escapes, {@code \N} for null. */
final class CopyText {

  private final StringBuilder buffer = new StringBuilder(1 << 17);
  private boolean rowStarted;

  /** Adds a column; null stores NULL, anything else its {@code toString()}. */
  CopyText add(Object value) {
    separate();
    if (value == null) {
      buffer.append("\\N");
    } else {
      escape(value.toString());
    }
    return this;
  }

  /** Adds an array column from the elements' {@code toString()}. */
  CopyText addArray(List<?> elements) {
    separate();
    StringBuilder literal = new StringBuilder(16 * elements.size() + 2).append('{');
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        literal.append(',');
      }
      // quoted elements survive commas, braces and blanks inside them
      literal.append('"');
      String element = elements.get(i).toString();
      for (int j = 0; j < element.length(); j++) {
        char c = element.charAt(j);
        if (c == '"' || c == '\\') {
          literal.append('\\');
        }
        literal.append(c);
      }
      literal.append('"');
    }
    escape(literal.append('}').toString());
    return this;
  }

  /** Ends the current row. */
  void endRow() {
    buffer.append('\n');
    rowStarted = false;
  }

  /** Characters held, to decide when to send them. */
  int length() {
    return buffer.length();
  }

  /** The rows so far as UTF-8, emptying the buffer. */
  byte[] drain() {
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    buffer.setLength(0);
    return bytes;
  }

  private void separate() {
    if (rowStarted) {
      buffer.append('\t');
    }
    rowStarted = true;
  }

  private void escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> buffer.append("\\\\");
        case '\t' -> buffer.append("\\t");
        case '\n' -> buffer.append("\\n");
        case '\r' -> buffer.append("\\r");
        default -> buffer.append(c);
      }
    }
  }
}
