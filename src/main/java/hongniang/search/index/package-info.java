/**
 * The two Lucene indexes, postings and jobseekers, derived from PostgreSQL: their schema, the
 * documents built from {@code documents}' rows, generations and rebuilds, the outbox and the one
 * indexer that applies it, and the bit sets searches combine.
 *
 * <p>From outside: {@link hongniang.search.index.SearchIndex} (the front: searchers, rebuild,
 * counts), {@link hongniang.search.index.IndexSchema} (field names), {@link
 * hongniang.search.index.HitSets} and {@link hongniang.search.index.ShownValues} (how searches read
 * it), {@link hongniang.search.index.LuceneDocuments} (a document as the index holds it), the hooks
 * {@link hongniang.search.index.SegmentWarmer} and {@link hongniang.search.index.IndexListener},
 * {@link hongniang.search.index.Indexer}, and {@link hongniang.search.index.SearchException}.
 */
package hongniang.search.index;
