package hongniang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The benchmark's Markdown: printed, and written as one section of docs/benchmarks.md. */
final class Report {

  /** One target of the issue, what was measured and whether it was met. */
  record Target(int rank, String name, String target, String measured, boolean met) {}

  private final String heading;
  private final StringBuilder body = new StringBuilder();
  private final List<Target> targets = new ArrayList<>();

  Report(String heading) {
    this.heading = heading;
  }

  /** A target; rank orders the table as the issue lists them. */
  void target(int rank, String name, String target, String measured, boolean met) {
    targets.add(new Target(rank, name, target, measured, met));
  }

  List<Target> targets() {
    return targets;
  }

  void section(String title) {
    body.append("\n### ").append(title).append("\n\n");
  }

  void line(String text) {
    body.append(text).append('\n');
  }

  void table(List<String> headers, List<List<String>> rows) {
    body.append("| ").append(String.join(" | ", headers)).append(" |\n");
    body.append("|").append(" --- |".repeat(headers.size())).append('\n');
    for (List<String> row : rows) {
      body.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    body.append('\n');
  }

  /** The whole section, targets first. */
  String markdown(String preamble) {
    StringBuilder out = new StringBuilder();
    out.append("## ").append(heading).append("\n\n").append(preamble).append('\n');
    out.append("\n### Targets\n\n");
    out.append("| target | goal | measured | result |\n| --- | --- | --- | --- |\n");
    List<Target> ordered = new ArrayList<>(targets);
    ordered.sort(Comparator.comparingInt(Target::rank));
    for (Target t : ordered) {
      out.append("| ")
          .append(t.name())
          .append(" | ")
          .append(t.target())
          .append(" | ")
          .append(t.measured())
          .append(" | ")
          .append(t.met() ? "PASS" : "**MISS**")
          .append(" |\n");
    }
    out.append(body);
    return out.toString();
  }

  /** Replaces this report's section of the file (or appends it), keeping the other sections. */
  void writeInto(Path file, String section) throws IOException {
    String marker = "## " + heading;
    String existing =
        Files.exists(file)
            ? Files.readString(file, StandardCharsets.UTF_8)
            : "# Benchmarks\n\nMeasured figures, newest run of each benchmark. Each section says how"
                + " to rerun it.\n\n";
    int start = existing.indexOf(marker);
    String updated;
    if (start < 0) {
      updated = existing.stripTrailing() + "\n\n" + section;
    } else {
      int next = existing.indexOf("\n## ", start + marker.length());
      updated =
          existing.substring(0, start)
              + section
              + (next < 0 ? "" : "\n" + existing.substring(next + 1));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, updated.stripTrailing() + "\n", StandardCharsets.UTF_8);
  }
}
