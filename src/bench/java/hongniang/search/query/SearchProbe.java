package hongniang.search.query;

import hongniang.search.analysis.Analysis;
import hongniang.search.index.IndexSchema;
import hongniang.search.index.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Version;

/**
 * Benchmark-only access to what {@link PostingSearch} finds beyond its 1000-hit paging limit:
 * recall needs every match. It lives in the search's package and builds a posting search of its
 * own, so that it reuses the search's own text queries and filters and cannot drift from the
 * product; a renamed member fails the build here.
 */
public final class SearchProbe {

  private final SearchIndex index;
  private final Analysis analysis;
  private final PostingSearch postings;

  /** A probe on the service's index, analysis and clock, as {@link Searches} has them. */
  public SearchProbe(SearchIndex index, Analysis analysis, Clock clock) {
    this.index = index;
    this.analysis = analysis;
    this.postings = new PostingSearch(index, analysis, clock);
  }

  /**
   * The ids of every open posting the search matches, unpaged: its words query, or, when that finds
   * fewer than the backstop threshold, its query with character pairs, as the search does.
   */
  public Set<Long> allPostingIds(PostingQuery request) {
    String clean = QueryText.clean(request.q());
    QueryText.Passes passes = PostingSearch.textQueries(clean, analysis);
    Set<Long> words = allPostingIds(request, passes.words());
    if (words.size() >= QueryText.BACKSTOP_BELOW || clean.isEmpty()) {
      return words;
    }
    return allPostingIds(request, passes.wider());
  }

  private Set<Long> allPostingIds(PostingQuery request, Query text) {
    return index.withPostings(
        searcher -> {
          try {
            Query query = postings.combine(searcher, text, request);
            TopDocs top = searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc()));
            StoredFields stored = searcher.storedFields();
            Set<Long> ids = new HashSet<>();
            Set<String> only = Set.of(IndexSchema.ID);
            for (ScoreDoc sd : top.scoreDocs) {
              ids.add(Long.parseLong(stored.document(sd.doc, only).get(IndexSchema.ID)));
            }
            return ids;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** The Lucene version on the class path. */
  public static String luceneVersion() {
    return Version.LATEST.toString();
  }
}
