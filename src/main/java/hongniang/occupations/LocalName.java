package hongniang.occupations;

/**
 * A name the street office added to the vocabulary: an alias of a listed occupation (its code), or
 * a local occupation of its own (a code of its own in a group).
 */
public record LocalName(String name, String code, String group) {}
