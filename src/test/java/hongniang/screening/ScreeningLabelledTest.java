package hongniang.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.ResourceFiles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules against {@code src/test/resources/screening/labelled.tsv}: every sentence screened as a
 * posting's description, its categories compared with the labels. Prints precision and recall per
 * category and overall (run it alone: {@code ./mvnw -o test -Dtest=ScreeningLabelledTest}), and
 * holds the two targets: no negative sentence blocked, recall at least 0.95 on the positive ones.
 */
class ScreeningLabelledTest {

  private record Example(String text, Set<String> categories, String severity) {}

  /** Counts of one category: found and labelled, found but not labelled, labelled but missed. */
  private static final class Counts {
    int truePositives;
    int falsePositives;
    int falseNegatives;

    double precision() {
      int found = truePositives + falsePositives;
      return found == 0 ? 1.0 : (double) truePositives / found;
    }

    double recall() {
      int labelled = truePositives + falseNegatives;
      return labelled == 0 ? 1.0 : (double) truePositives / labelled;
    }
  }

  private static List<Example> examples() {
    List<Example> examples = new ArrayList<>();
    for (String[] row :
        ResourceFiles.tableAt("screening/labelled.tsv", "text", "categories", "severity")) {
      Set<String> categories =
          row[1].equals("-") ? Set.of() : new LinkedHashSet<>(List.of(row[1].split(",")));
      examples.add(new Example(row[0], categories, row[2]));
    }
    return examples;
  }

  @Test
  void meetsTheTargetsOnTheLabelledSentences() {
    List<Example> examples = examples();
    assertTrue(
        examples.size() >= Integer.getInteger("screening.minExamples", 150),
        "at least 150 labelled sentences: " + examples.size());
    Map<String, Counts> byCategory = new TreeMap<>();
    TestScreener.get().categories().forEach(c -> byCategory.put(c.id(), new Counts()));
    Counts all = new Counts();
    List<String> blockedNegatives = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    List<String> extras = new ArrayList<>();
    List<String> otherSeverity = new ArrayList<>();
    int severityAgrees = 0;
    int positives = 0;
    for (Example e : examples) {
      Screening s = TestScreener.description(e.text());
      Set<String> found = s.findings().stream().map(Finding::category).collect(Collectors.toSet());
      String severity = s.blocking() ? "BLOCK" : found.isEmpty() ? "-" : "WARN";
      if (severity.equals(e.severity())) {
        severityAgrees++;
      } else {
        otherSeverity.add(severity + " not " + e.severity() + ": " + e.text());
      }
      if (!e.categories().isEmpty()) {
        positives++;
      } else if (s.blocking()) {
        blockedNegatives.add(e.text() + " " + s.blocks());
      }
      for (String c : e.categories()) {
        Counts counts = byCategory.get(c);
        if (found.contains(c)) {
          counts.truePositives++;
          all.truePositives++;
        } else {
          counts.falseNegatives++;
          all.falseNegatives++;
          misses.add(c + ": " + e.text());
        }
      }
      for (String c : found) {
        if (!e.categories().contains(c)) {
          byCategory.get(c).falsePositives++;
          all.falsePositives++;
          extras.add(c + ": " + e.text() + " " + s.findings());
        }
      }
    }
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "Screening on %d labelled sentences (%d positive, %d negative)%n",
            examples.size(),
            positives,
            examples.size() - positives));
    report.append(
        String.format(
            Locale.ROOT,
            "%-12s %4s %4s %4s %9s %7s%n",
            "category",
            "tp",
            "fp",
            "fn",
            "precision",
            "recall"));
    byCategory.forEach((c, n) -> report.append(line(c, n)));
    report.append(line("overall", all));
    report.append(
        String.format(
            Locale.ROOT,
            "severity as labelled: %d of %d; negatives blocked: %d%n",
            severityAgrees,
            examples.size(),
            blockedNegatives.size()));
    misses.forEach(m -> report.append("  missed   ").append(m).append('\n'));
    extras.forEach(m -> report.append("  unlabelled ").append(m).append('\n'));
    otherSeverity.forEach(m -> report.append("  severity ").append(m).append('\n'));
    System.out.print(report);

    assertEquals(List.of(), blockedNegatives, "negative sentences blocked");
    assertTrue(all.recall() >= 0.95, "recall below 0.95:\n" + report);
  }

  private static String line(String name, Counts n) {
    return String.format(
        Locale.ROOT,
        "%-12s %4d %4d %4d %9.3f %7.3f%n",
        name,
        n.truePositives,
        n.falsePositives,
        n.falseNegatives,
        n.precision(),
        n.recall());
  }
}
