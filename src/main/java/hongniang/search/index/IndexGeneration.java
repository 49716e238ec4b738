package hongniang.search.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/**
 * One generation of the two indexes in its own folder: a writer and a searcher manager each. A
 * rebuild makes a new generation beside the current one and the service switches to it at once.
 */
final class IndexGeneration implements Closeable {

  final Path folder;
  final Part postings;
  final Part jobseekers;

  private IndexGeneration(Path folder, Part postings, Part jobseekers) {
    this.folder = folder;
    this.postings = postings;
    this.jobseekers = jobseekers;
  }

  /**
   * Opens (or creates, when {@code create}) the generation in the folder; commits record {@code
   * stamp} as their schema.
   */
  static IndexGeneration open(Path folder, Analyzer analyzer, boolean create, String stamp)
      throws IOException {
    Files.createDirectories(folder);
    Part postings =
        Part.open(
            folder.resolve("postings"), analyzer, create, IndexSchema.POSTING_ORDER, SERIAL, stamp);
    try {
      return new IndexGeneration(
          folder,
          postings,
          Part.open(
              folder.resolve("jobseekers"),
              analyzer,
              create,
              IndexSchema.JOBSEEKER_ORDER,
              PARALLEL,
              stamp));
    } catch (IOException | RuntimeException e) {
      postings.close();
      throw e;
    }
  }

  /** The schema version both parts were last committed with, or null if they disagree. */
  String schemaVersion() {
    String p = postings.committed().get(IndexSchema.VERSION_KEY);
    String j = jobseekers.committed().get(IndexSchema.VERSION_KEY);
    return p != null && p.equals(j) ? p : null;
  }

  /**
   * From now on each part hands a merged segment to its warmer before searches see it (set once the
   * generation is live: a rebuild's many merges would decode segments no search ever reads).
   */
  void warmMerges(
      IndexWriter.IndexReaderWarmer postingsWarmer,
      IndexWriter.IndexReaderWarmer jobseekersWarmer) {
    postings.writer.getConfig().setMergedSegmentWarmer(postingsWarmer);
    jobseekers.writer.getConfig().setMergedSegmentWarmer(jobseekersWarmer);
  }

  /** Commits both parts with the schema version, then makes the changes searchable. */
  void commitAndRefresh() throws IOException {
    commit();
    refresh();
  }

  /** Makes applied changes searchable (near-real-time: no fsync, not yet durable). */
  void refresh() throws IOException {
    postings.searchers.maybeRefreshBlocking();
    jobseekers.searchers.maybeRefreshBlocking();
  }

  /** Makes applied changes durable: after this they survive a crash. */
  void commit() throws IOException {
    postings.commit();
    jobseekers.commit();
  }

  @Override
  public void close() throws IOException {
    try {
      postings.close();
    } finally {
      jobseekers.close();
    }
  }

  /**
   * Searchers that search an index's segments in parallel, one task per slice, on a pool as wide as
   * the machine: on two cores a search of the million-profile index takes about half as long. A
   * one-segment index is searched on the caller's thread as before.
   */
  private static final java.util.concurrent.ExecutorService POOL =
      java.util.concurrent.Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          r -> {
            Thread t = new Thread(r, "search-worker");
            t.setDaemon(true);
            return t;
          });

  /**
   * Filters used again and again (today's validity range, a community, "not outside the district")
   * are kept as bit sets per segment. Lucene's default skips segments under 10,000 documents or 3%
   * of the index, which is most of the 72,000-posting index between merges; at one bit per document
   * every segment is worth it. At most 1,000 filters and 64 MB.
   */
  private static final org.apache.lucene.search.LRUQueryCache FILTERS =
      new org.apache.lucene.search.LRUQueryCache(1_000, 64L << 20, leaf -> true, 10f);

  /**
   * Lucene's usage-tracking policy, except that a term on an exact filter field (a community, a
   * schedule, a flag) is cached on first use; Lucene never caches a single term, taking its
   * postings to be cheap to walk. A search without text combines its filters' bit sets 64 documents
   * at a time ({@link HitSets}), and reading one term's postings document by document cost more
   * than that whole combination. Such terms are few (one per value of a filter field). The same
   * goes for match keys (occupation codes and groups, skills, licences): a match call combines the
   * sets of a few of them per ring, and the next call for the same occupation reuses them; the
   * cache's size bound evicts the rarely asked. Words are left to Lucene's policy.
   */
  private static final org.apache.lucene.search.QueryCachingPolicy FILTER_POLICY =
      new org.apache.lucene.search.QueryCachingPolicy() {
        private final org.apache.lucene.search.UsageTrackingQueryCachingPolicy usage =
            new org.apache.lucene.search.UsageTrackingQueryCachingPolicy();

        @Override
        public void onUse(org.apache.lucene.search.Query query) {
          usage.onUse(query);
        }

        @Override
        public boolean shouldCache(org.apache.lucene.search.Query query)
            throws java.io.IOException {
          return query instanceof org.apache.lucene.search.TermQuery t
                  && (IndexSchema.FILTER_FIELDS.contains(t.getTerm().field())
                      || IndexSchema.MATCH_KEY.equals(t.getTerm().field()))
              || usage.shouldCache(query);
        }
      };

  private static final org.apache.lucene.search.SearcherFactory PARALLEL = searchers(true);

  /**
   * Searchers on the caller's thread alone, for the postings: one large segment and the small ones
   * near-real-time refreshes add. Handing a 2 ms search to pool threads costs more than it saves,
   * and while changes stream in, one task per small segment competes with the indexer for the two
   * cores.
   */
  private static final org.apache.lucene.search.SearcherFactory SERIAL = searchers(false);

  /** Searchers with the shared filter cache, one task per segment on the pool when parallel. */
  private static org.apache.lucene.search.SearcherFactory searchers(boolean parallel) {
    return new org.apache.lucene.search.SearcherFactory() {
      @Override
      public org.apache.lucene.search.IndexSearcher newSearcher(
          org.apache.lucene.index.IndexReader reader,
          org.apache.lucene.index.IndexReader previous) {
        org.apache.lucene.search.IndexSearcher searcher =
            parallel
                ? new org.apache.lucene.search.IndexSearcher(reader, POOL) {
                  // a task per segment (Lucene groups small segments into one task)
                  @Override
                  protected LeafSlice[] slices(
                      java.util.List<org.apache.lucene.index.LeafReaderContext> leaves) {
                    return slices(leaves, 1, 1);
                  }
                }
                : new org.apache.lucene.search.IndexSearcher(reader);
        searcher.setQueryCache(FILTERS);
        searcher.setQueryCachingPolicy(FILTER_POLICY);
        return searcher;
      }
    };
  }

  /** One index: its directory, its single writer, and a near-real-time searcher manager. */
  static final class Part implements Closeable {
    final Directory directory;
    final IndexWriter writer;
    final SearcherManager searchers;
    private final String stamp;

    private Part(Directory directory, IndexWriter writer, SearcherManager searchers, String stamp) {
      this.directory = directory;
      this.writer = writer;
      this.searchers = searchers;
      this.stamp = stamp;
    }

    static Part open(
        Path path,
        Analyzer analyzer,
        boolean create,
        org.apache.lucene.search.Sort indexSort,
        org.apache.lucene.search.SearcherFactory searchers,
        String stamp)
        throws IOException {
      // the small segments each near-real-time refresh writes stay in memory until a commit or a
      // merge makes them big: a refresh 20 times a second no longer creates, maps and deletes a
      // dozen files each time (most of the indexer's time went there)
      Directory dir =
          new org.apache.lucene.store.NRTCachingDirectory(TrashDirectory.open(path), 8.0, 64.0);
      try {
        if (!create && !DirectoryReader.indexExists(dir)) {
          throw new IOException("no index in " + path);
        }
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(
            create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
        config.setRAMBufferSizeMB(64);
        if (indexSort != null) {
          config.setIndexSort(indexSort);
        }
        config.setCommitOnClose(false);
        // no compound file for a freshly flushed segment: it would be copied once more
        config.setUseCompoundFile(false);
        // Lucene merges small segments as part of a refresh or commit and waits up to 500 ms for
        // it by default: with a refresh after every batch, that wait was most of the time a change
        // took to become searchable (p99 over a second). Merges run in the background instead.
        config.setMaxFullFlushMergeWaitMillis(0);
        IndexWriter writer = new IndexWriter(dir, config);
        // applyAllDeletes: an update must hide the old version at once
        return new Part(dir, writer, new SearcherManager(writer, true, false, searchers), stamp);
      } catch (IOException | RuntimeException e) {
        dir.close();
        throw e;
      }
    }

    Map<String, String> committed() {
      try {
        java.util.List<org.apache.lucene.index.IndexCommit> commits =
            DirectoryReader.listCommits(directory);
        return commits.get(commits.size() - 1).getUserData();
      } catch (IOException | IndexOutOfBoundsException e) {
        return Map.of();
      }
    }

    void commit() throws IOException {
      writer.setLiveCommitData(Map.of(IndexSchema.VERSION_KEY, stamp).entrySet());
      writer.commit();
    }

    @Override
    public void close() throws IOException {
      try {
        searchers.close();
        writer.close();
      } finally {
        directory.close();
      }
    }
  }
}
