package hongniang.matches;

import hongniang.matching.Exclusion;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A hard rule that excluded a pair, with its reason in both languages. */
@Serdeable
public record ExclusionView(String rule, String zh, String en) {

  static List<ExclusionView> of(List<Exclusion> exclusions) {
    return exclusions.stream()
        .map(e -> new ExclusionView(e.rule(), e.reason().zh(), e.reason().en()))
        .toList();
  }
}
