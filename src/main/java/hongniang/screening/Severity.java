package hongniang.screening;

/** How much a finding weighs: a BLOCK holds a posting from opening, a WARN only shows. */
public enum Severity {
  BLOCK,
  WARN
}
