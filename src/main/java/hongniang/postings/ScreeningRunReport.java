package hongniang.postings;

import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a screening run over the stored postings found: every posting that is not closed screened
 * with today's rules, open ones with an unapproved blocking finding moved to REVIEW, held ones that
 * no longer have one released to DRAFT; the counts overall and per partner unit.
 */
@Serdeable
public record ScreeningRunReport(Counts total, List<Unit> units) {

  /**
   * Counts of postings: screened, with a blocking finding, of those approved for their text, with a
   * warning, moved to REVIEW, released from it; and findings by category.
   */
  @Serdeable
  public record Counts(
      int screened,
      int withBlock,
      int approved,
      int withWarn,
      int movedToReview,
      int released,
      Map<String, Integer> findingsByCategory) {}

  /** One partner unit's counts. */
  @Serdeable
  public record Unit(long partnerUnitId, String name, Counts counts) {}

  /** The report as lines of text, for the command line; names last, as Chinese is double width. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%-8s %8s %6s %8s %5s %9s %8s  %s",
            "unit",
            "screened",
            "block",
            "approved",
            "warn",
            "to REVIEW",
            "released",
            "name: findings by category"));
    for (Unit u : units) {
      lines.add(line(String.valueOf(u.partnerUnitId()), u.name(), u.counts()));
    }
    lines.add(line("all", "all units", total));
    return lines;
  }

  private static String line(String unit, String name, Counts c) {
    return String.format(
        Locale.ROOT,
        "%-8s %8d %6d %8d %5d %9d %8d  %s: %s",
        unit,
        c.screened(),
        c.withBlock(),
        c.approved(),
        c.withWarn(),
        c.movedToReview(),
        c.released(),
        name,
        c.findingsByCategory());
  }
}
