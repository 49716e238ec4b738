package hongniang.matches;

import hongniang.matching.Part;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One part of a score as the API shows it: points to one decimal, the reason in both languages. */
@Serdeable
public record PartView(String name, double points, double max, String zh, String en) {

  static List<PartView> of(List<Part> parts) {
    return parts.stream()
        .map(
            p ->
                new PartView(
                    p.name(), round(p.points()), p.max(), p.reason().zh(), p.reason().en()))
        .toList();
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
