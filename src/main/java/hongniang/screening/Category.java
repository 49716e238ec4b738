package hongniang.screening;

/**
 * A kind of unfair posting text, with its labels and the legal basis that forbids (or, for the
 * warnings, discourages) it, in Chinese and English.
 */
public record Category(String id, String zh, String en, String basisZh, String basisEn) {}
