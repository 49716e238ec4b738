package hongniang.search.query;

import hongniang.search.index.HitSets;
import hongniang.search.index.ShownValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Runs one query for a page of hits, the total, facet counts and highlighted snippets. Each hit's
 * values are read once, for both its snippets and its display: from the index's copy of them
 * ({@link ShownValues}) where it has one, else from its stored document.
 */
final class FacetedSearch {

  private static final int TOP_FACET_VALUES = 50;

  private final Analyzer highlightAnalyzer;
  private final Set<String> shown;
  private final Set<String> copied;
  private final FacetOrdinals ordinals = new FacetOrdinals();

  /**
   * {@code shown}: the stored fields a hit displays; {@code copied}: those of them (and of the
   * highlighted fields) the index also holds in {@link ShownValues}, read from there.
   */
  FacetedSearch(Analyzer highlightAnalyzer, Set<String> shown, Set<String> copied) {
    this.highlightAnalyzer = highlightAnalyzer;
    this.shown = Set.copyOf(shown);
    this.copied = Set.copyOf(copied);
  }

  /** A page of results: the hits, their stored documents and snippets, total and facets. */
  record Result(
      long total,
      boolean totalExact,
      ScoreDoc[] page,
      Document[] documents,
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

  /**
   * Runs the words query under the filters; when it finds fewer than {@link
   * QueryText#BACKSTOP_BELOW} hits, runs the wider one (with character pairs) instead.
   */
  Result run(
      IndexSearcher searcher,
      Function<Query, Query> filtered,
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
      Map<String, List<FacetCount>> facets = Map.of();
      if (facetDims.isEmpty()) {
        // no facets: count hits only up to the depth limit, so collection can stop early
        top = searcher.search(query, topDocs(sort, page.end(), SearchPage.MAX_DEPTH));
      } else if (textQuery == null) {
        // filters only: the total and the facets from the filters' bit sets, combined 64
        // documents at a time; the page from the front of the hits (or what may enter it)
        HitSets hits = HitSets.of(searcher, query);
        facets = ordinals.counts(hits, facetDims, TOP_FACET_VALUES);
        TopDocs found = searcher.search(hits.asFilter(), topDocs(sort, page.end(), page.end()));
        top =
            new TopDocs(new TotalHits(hits.total(), TotalHits.Relation.EQUAL_TO), found.scoreDocs);
      } else {
        // text: one walk, led by the smaller side, scores every hit and notes it; facets see
        // every hit, so the total is exact
        Object[] both =
            searcher.search(
                query,
                new MultiCollectorManager(
                    topDocs(sort, page.end(), Integer.MAX_VALUE), HitSets.collecting(searcher)));
        top = (TopDocs) both[0];
        facets = ordinals.counts((HitSets) both[1], facetDims, TOP_FACET_VALUES);
      }
      ScoreDoc[] docs =
          top.scoreDocs.length <= page.start()
              ? new ScoreDoc[0]
              : Arrays.copyOfRange(top.scoreDocs, page.start(), top.scoreDocs.length);
      // only the fields the query searched: a long text the query never touched (a work history
      // in the first pass) need not be highlighted
      String[] fields =
          textQuery == null ? new String[0] : searchedFields(textQuery, highlightFields);
      Set<String> load = new HashSet<>(shown);
      load.addAll(Arrays.asList(fields));
      load.removeAll(copied);
      StoredFields stored = searcher.storedFields();
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      Document[] documents = new Document[docs.length];
      Map<Integer, Document> byDoc = new HashMap<>();
      for (int i = 0; i < docs.length; i++) {
        Document d = copied.isEmpty() ? new Document() : ShownValues.read(leaves, docs[i].doc);
        if (!load.isEmpty()) {
          stored.document(docs[i].doc, load).forEach(d::add);
        }
        documents[i] = d;
        byDoc.put(docs[i].doc, d);
      }
      Map<String, String[]> snippets = Map.of();
      if (fields.length > 0 && docs.length > 0) {
        int[] passages = new int[fields.length];
        Arrays.fill(passages, 1);
        snippets =
            new LoadedHighlighter(searcher, highlightAnalyzer, byDoc)
                .highlightFields(fields, textQuery, new TopDocs(top.totalHits, docs), passages);
      }
      return new Result(
          top.totalHits.value,
          top.totalHits.relation == TotalHits.Relation.EQUAL_TO,
          docs,
          documents,
          facets,
          snippets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CollectorManager<? extends Collector, ? extends TopDocs> topDocs(
      Sort sort, int n, int countUpTo) {
    return sort == null
        ? new TopScoreDocCollectorManager(n, countUpTo)
        : new TopFieldCollectorManager(sort, n, countUpTo);
  }

  /**
   * Highlights from the documents already read for the page: offsets come from the postings and
   * terms from the query (no per-hit query rewrite, no phrase span checks).
   */
  private static final class LoadedHighlighter extends UnifiedHighlighter {
    private final Map<Integer, Document> documents;

    LoadedHighlighter(IndexSearcher searcher, Analyzer analyzer, Map<Integer, Document> documents) {
      super(
          UnifiedHighlighter.builder(searcher, analyzer)
              .withMaxLength(2000)
              .withWeightMatches(false)
              .withHighlightPhrasesStrictly(false)
              .withHandleMultiTermQuery(false));
      this.documents = documents;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> out = new ArrayList<>();
      for (int doc = docIter.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        Document d = documents.get(doc);
        CharSequence[] values = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          String[] all = d == null ? new String[0] : d.getValues(fields[f]);
          values[f] = all.length == 0 ? null : String.join(String.valueOf(MULTIVAL_SEP_CHAR), all);
        }
        out.add(values);
      }
      return out;
    }
  }

  private static String[] searchedFields(Query query, String[] candidates) {
    Set<String> searched = new HashSet<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            searched.add(field);
            return true;
          }
        });
    return Arrays.stream(candidates).filter(searched::contains).toArray(String[]::new);
  }
}
