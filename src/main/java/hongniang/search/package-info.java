/**
 * Search: the only code that imports Lucene. The index of postings and jobseekers, derived from
 * PostgreSQL through the outbox, in rooms by job:
 *
 * <ul>
 *   <li>{@code analysis}: Chinese words, synonyms, character pairs and pinyin;
 *   <li>{@code index}: the two indexes, their schema, documents, the outbox and the indexer;
 *   <li>{@code query}: searches with filters, facets and highlights;
 *   <li>{@code suggest}: suggestions as one types;
 *   <li>{@code candidates}: matching's candidate source, on the index;
 *   <li>{@code api}: the HTTP endpoints.
 * </ul>
 *
 * Each has one front class; arrows run from {@code api} down to {@code analysis}, never back.
 */
package hongniang.search;
