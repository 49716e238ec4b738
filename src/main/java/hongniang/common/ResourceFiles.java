package hongniang.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the data files that ship on the class path: under {@code search-index/} (the occupation
 * vocabulary, stop words) by name, elsewhere (the screening rules) by path; as text, as lines, or
 * as a tab-separated table. A missing or malformed file fails loudly: search, matching and
 * screening without their data would be wrong, not slow.
 */
public final class ResourceFiles {

  /** The class-path folder of the files ({@code search-index/} in the repository). */
  public static final String FOLDER = "search-index/";

  private ResourceFiles() {}

  /** The whole file under {@link #FOLDER} as text, without a byte-order mark. */
  public static String text(String name) {
    return textAt(FOLDER + name);
  }

  /** The whole file at a class-path path as text, without a byte-order mark. */
  public static String textAt(String path) {
    try (InputStream in = ResourceFiles.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + path);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // editors on Windows like to add a BOM, which would glue itself to the first term
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The lines of a file under {@link #FOLDER}, trimmed, without blank lines and comments. */
  public static List<String> lines(String name) {
    return linesAt(FOLDER + name);
  }

  /** The lines of a file at a class-path path, trimmed, without blank lines and comments. */
  public static List<String> linesAt(String path) {
    return textAt(path)
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /** The rows of a tab-separated file under {@link #FOLDER} whose first line is the header. */
  public static List<String[]> table(String name, String... header) {
    return tableAt(FOLDER + name, header);
  }

  /** The rows of a tab-separated file at a class-path path whose first line is the header. */
  public static List<String[]> tableAt(String name, String... header) {
    List<String> lines = linesAt(name);
    if (lines.isEmpty() || !Arrays.equals(lines.get(0).split("\t"), header)) {
      throw new IllegalStateException(
          name + " must start with the header " + String.join("<tab>", header));
    }
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t");
      if (cells.length != header.length) {
        throw new IllegalStateException(
            name + ": expected " + header.length + " tab-separated columns in: " + line);
      }
      for (int i = 0; i < cells.length; i++) {
        cells[i] = cells[i].strip();
      }
      rows.add(cells);
    }
    return rows;
  }
}
