/**
 * Postings and jobseekers as search and matching read them: one SQL source of rows for each ({@code
 * posting_document(today)}, {@code jobseeker_document}, in {@code migrations/}), one reader of
 * them, and one resolution of their names into matching's records, so that the index's candidates
 * and matching's scores come from the same rows.
 *
 * <p>From outside: {@link hongniang.documents.DocumentSource} (the rows, for the index), {@link
 * hongniang.documents.MatchRecords} (matching's records, fresh from PostgreSQL; the front for
 * matching), {@link hongniang.documents.Resolution}, and the row records.
 */
package hongniang.documents;
