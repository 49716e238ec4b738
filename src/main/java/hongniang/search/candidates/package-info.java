/**
 * Matching's candidate source on the index: the exact top as {@code matching.ranking} plans it,
 * each ring's documents from bit sets and each segment's columns decoded once, and the looser "why
 * not" query, with matching's conditions turned into queries on the index's fields.
 *
 * <p>From outside: {@link hongniang.search.candidates.IndexCandidates}, the bean behind {@code
 * matching.CandidateSource}; nothing else.
 */
package hongniang.search.candidates;
