package hongniang.search;

import hongniang.search.index.IndexSchema;
import hongniang.search.index.SearchIndex;
import hongniang.search.query.PostingQuery;
import hongniang.search.query.PostingSearch;
import hongniang.search.query.QueryText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Version;

/**
 * Benchmark-only access to what {@link PostingSearch} finds beyond its 1000-hit paging limit:
 * recall needs every match. It reuses the search's own text queries and filters (the filters by
 * reflection, so that the benchmark cannot drift from the product); a renamed member fails loudly
 * here.
 */
public final class SearchProbe {

  private final SearchIndex index;
  private final PostingSearch postings;
  private final Method combine;

  public SearchProbe(SearchIndex index, PostingSearch postings) {
    this.index = index;
    this.postings = postings;
    try {
      this.combine =
          PostingSearch.class.getDeclaredMethod(
              "combine", IndexSearcher.class, Query.class, PostingQuery.class);
      this.combine.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("PostingSearch changed shape: update SearchProbe", e);
    }
  }

  /**
   * The ids of every open posting the search matches, unpaged: its words query, or, when that finds
   * fewer than the backstop threshold, its query with character pairs, as the search does.
   */
  public Set<Long> allPostingIds(PostingQuery request) {
    String clean = QueryText.clean(request.q());
    QueryText.Passes passes = PostingSearch.textQueries(clean, index.analysis());
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
            Query query = (Query) combine.invoke(postings, searcher, text, request);
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
          } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("PostingSearch.combine failed", e);
          }
        });
  }

  /** The Lucene version on the class path. */
  public static String luceneVersion() {
    return Version.LATEST.toString();
  }
}
