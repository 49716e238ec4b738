package hongniang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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

  /**
   * A benchmark's preamble: when the run was and how long it took, how to rerun it (the command and
   * what data it uses), its source file, the machine, the data, and the facts of the run as a list.
   */
  static String preamble(
      long seconds, String command, String rerun, String source, String data, List<String> facts) {
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Run %s; the whole run took %d min %02d s. Rerun with `%s` (%s). Source: `%s`.%n%n",
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx")),
                seconds / 60,
                seconds % 60,
                command,
                rerun,
                source));
    out.append("Machine and software:\n\n").append(Machine.describe()).append('\n');
    out.append(data).append("\n\n");
    facts.forEach(f -> out.append("- ").append(f).append('\n'));
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
