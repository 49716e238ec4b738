package hongniang.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Runs one query for a page of hits, the total, facet counts and highlighted snippets. The facet
 * state is built once per index reader and reused until the next refresh.
 */
final class FacetedSearch {

  private final FacetsConfig config;
  private final Analyzer highlightAnalyzer;
  private final AtomicReference<ReaderState> state = new AtomicReference<>();

  FacetedSearch(FacetsConfig config, Analyzer highlightAnalyzer) {
    this.config = config;
    this.highlightAnalyzer = highlightAnalyzer;
  }

  /** A page of results. */
  record Result(
      long total,
      boolean totalExact,
      ScoreDoc[] page,
      Map<String, List<FacetCount>> facets,
      Map<String, String[]> snippets) {

    /** The snippets of the i-th hit that hold a match, by field. */
    Map<String, String> highlightsOf(int i, String[] fields) {
      Map<String, String> out = new LinkedHashMap<>();
      for (String field : fields) {
        String[] values = snippets.get(field);
        if (values != null && values[i] != null && values[i].contains("<b>")) {
          out.put(field, values[i]);
        }
      }
      return out;
    }
  }

  private record ReaderState(IndexReader reader, SortedSetDocValuesReaderState state) {}

  /**
   * Runs the words query under the filters; when it finds fewer than {@link
   * QueryText#BACKSTOP_BELOW} hits, runs the wider one (with character pairs) instead.
   */
  Result run(
      IndexSearcher searcher,
      java.util.function.Function<Query, Query> filtered,
      Query words,
      Query wider,
      Sort sort,
      SearchPage page,
      List<String> facetDims,
      String[] highlightFields) {
    Result result =
        runOnce(searcher, filtered.apply(words), words, sort, page, facetDims, highlightFields);
    if (words != null && wider != null && result.total() < QueryText.BACKSTOP_BELOW) {
      result =
          runOnce(searcher, filtered.apply(wider), wider, sort, page, facetDims, highlightFields);
    }
    return result;
  }

  private Result runOnce(
      IndexSearcher searcher,
      Query query,
      Query textQuery,
      Sort sort,
      SearchPage page,
      List<String> facetDims,
      String[] highlightFields) {
    try {
      TopDocs top;
      Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
      if (facetDims.isEmpty()) {
        // no facets: count hits only up to the depth limit, so collection can stop early
        top =
            sort == null
                ? searcher.search(
                    query, new TopScoreDocCollectorManager(page.end(), SearchPage.MAX_DEPTH))
                : searcher.search(
                    query, new TopFieldCollectorManager(sort, page.end(), SearchPage.MAX_DEPTH));
      } else {
        FacetsCollectorManager.FacetsResult result =
            sort == null
                ? FacetsCollectorManager.search(
                    searcher, query, page.end(), new FacetsCollectorManager())
                : FacetsCollectorManager.search(
                    searcher, query, page.end(), sort, new FacetsCollectorManager());
        top = result.topDocs();
        facets = facets(searcher, result.facetsCollector(), facetDims);
      }
      ScoreDoc[] docs =
          top.scoreDocs.length <= page.start()
              ? new ScoreDoc[0]
              : Arrays.copyOfRange(top.scoreDocs, page.start(), top.scoreDocs.length);
      Map<String, String[]> snippets = Map.of();
      if (textQuery != null && docs.length > 0) {
        // offsets come from the postings and terms from the query: no per-hit query rewrite
        // (weight matches), no phrase span checks; the highlighted fields hold words, not pairs
        UnifiedHighlighter highlighter =
            UnifiedHighlighter.builder(searcher, highlightAnalyzer)
                .withMaxLength(2000)
                .withWeightMatches(false)
                .withHighlightPhrasesStrictly(false)
                .withHandleMultiTermQuery(false)
                .build();
        // only the fields the query searched: loading a long text the query never touched (a work
        // history in the first pass) would cost as much as the search
        String[] fields = searchedFields(textQuery, highlightFields);
        int[] passages = new int[fields.length];
        Arrays.fill(passages, 1);
        snippets =
            fields.length == 0
                ? Map.of()
                : highlighter.highlightFields(
                    fields, textQuery, new TopDocs(top.totalHits, docs), passages);
      }
      return new Result(
          top.totalHits.value,
          top.totalHits.relation == TotalHits.Relation.EQUAL_TO,
          docs,
          facets,
          snippets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] searchedFields(Query query, String[] candidates) {
    java.util.Set<String> searched = new java.util.HashSet<>();
    query.visit(
        new org.apache.lucene.search.QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            searched.add(field);
            return true;
          }
        });
    return Arrays.stream(candidates).filter(searched::contains).toArray(String[]::new);
  }

  private Map<String, List<FacetCount>> facets(
      IndexSearcher searcher, FacetsCollector collector, List<String> dims) throws IOException {
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    SortedSetDocValuesReaderState readerState = stateFor(searcher.getIndexReader());
    if (readerState == null) {
      dims.forEach(d -> out.put(d, List.of()));
      return out;
    }
    SortedSetDocValuesFacetCounts counts =
        new SortedSetDocValuesFacetCounts(readerState, collector);
    for (String dim : dims) {
      List<FacetCount> values = new ArrayList<>();
      FacetResult r;
      try {
        r = counts.getTopChildren(50, dim);
      } catch (IllegalArgumentException e) {
        r = null; // no document has this dimension yet
      }
      if (r != null) {
        for (LabelAndValue lv : r.labelValues) {
          values.add(new FacetCount(lv.label, lv.value.longValue()));
        }
      }
      out.put(dim, values);
    }
    return out;
  }

  private SortedSetDocValuesReaderState stateFor(IndexReader reader) throws IOException {
    ReaderState cached = state.get();
    if (cached != null && cached.reader() == reader) {
      return cached.state();
    }
    SortedSetDocValuesReaderState fresh;
    try {
      fresh = new DefaultSortedSetDocValuesReaderState(reader, config);
    } catch (IllegalArgumentException e) {
      return null; // an empty index has no facet field yet
    }
    state.set(new ReaderState(reader, fresh));
    return fresh;
  }
}
