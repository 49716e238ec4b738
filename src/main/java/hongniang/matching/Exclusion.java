package hongniang.matching;

/**
 * Why a pair can never be proposed: the hard rule (a stable name such as {@code LicenceMissing})
 * and a reason.
 */
public record Exclusion(String rule, Reason reason) {}
