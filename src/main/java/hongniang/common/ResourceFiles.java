package hongniang.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the data files that ship on the class path under {@code search-index/} (the occupation
 * vocabulary, stop words): as text, as lines, or as a tab-separated table. A missing or malformed
 * file fails loudly: search and matching without their vocabulary would be wrong, not slow.
 */
public final class ResourceFiles {

  /** The class-path folder of the files ({@code search-index/} in the repository). */
  public static final String FOLDER = "search-index/";

  private ResourceFiles() {}

  /** The whole file as text, without a byte-order mark. */
  public static String text(String name) {
    String path = FOLDER + name;
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

  /** The file's lines, trimmed, without blank lines and {@code #} comments. */
  public static List<String> lines(String name) {
    return text(name)
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /** The rows of a tab-separated file whose first line is the given header. */
  public static List<String[]> table(String name, String... header) {
    List<String> lines = lines(name);
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
