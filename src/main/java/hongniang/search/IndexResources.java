package hongniang.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Reads the analyzer resources that ship on the class path under {@code search-index/}. */
final class IndexResources {

  static final String FOLDER = "search-index/";

  /** The resources that change the indexed terms or facets, as opposed to query-time ones. */
  private static final List<String> INDEX_TIME =
      // synonyms too: job names are joined into words, and matching's skill keys and occupation
      // codes resolved, through them when documents are built
      List.of("stopwords.txt", "occupations.tsv", "occupation-groups.tsv", "synonyms.txt");

  private IndexResources() {}

  /** The whole resource as text; fails loudly, since search without its resources is wrong. */
  static String text(String name) {
    String path = FOLDER + name;
    try (InputStream in = IndexResources.class.getClassLoader().getResourceAsStream(path)) {
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

  /** The resource's lines, trimmed, without blank lines and {@code #} comments. */
  static List<String> lines(String name) {
    return text(name)
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /**
   * A SHA-256 over the resources that shape what goes into the index (stop words, occupations and
   * their groups), to keep in the index's commit data: when it differs, the index is stale and
   * needs a rebuild. synonyms.txt is left out on purpose; it only acts at query time.
   */
  static String indexTimeFingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String name : INDEX_TIME) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(text(name).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The rows of a tab-separated resource whose first line is the given header. */
  static List<String[]> table(String name, String... header) {
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
