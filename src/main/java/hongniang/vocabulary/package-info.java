/**
 * The street office's own job names: how any name is read ({@code GET
 * /api/v1/occupations/resolve}), and the local names and aliases admins add to the shipped
 * vocabulary, kept in PostgreSQL, applied at once and re-indexed where they change a reading.
 *
 * <p>From outside: {@link hongniang.vocabulary.VocabularyService}.
 */
package hongniang.vocabulary;
