package hongniang.screening;

import java.util.List;

/** What screening found in a posting's texts, in field order and then by position. */
public record Screening(List<Finding> findings) {

  public static final Screening NONE = new Screening(List.of());

  public Screening {
    findings = List.copyOf(findings);
  }

  /** True when some finding blocks. */
  public boolean blocking() {
    return findings.stream().anyMatch(Finding::blocks);
  }

  /** The blocking findings only. */
  public List<Finding> blocks() {
    return findings.stream().filter(Finding::blocks).toList();
  }
}
