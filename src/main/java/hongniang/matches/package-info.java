/**
 * The matching API: ranked, explained matches both ways and the match board, with who may ask for
 * whose. It asks {@code matching}'s {@code Matcher}, with the search index as its candidate source
 * and {@code documents} as its records.
 */
package hongniang.matches;
