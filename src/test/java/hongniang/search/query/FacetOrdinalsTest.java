package hongniang.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.search.index.HitSets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Hit sets count the same documents as a search, and our facet counts from them agree with Lucene's
 * own facet module, on a messy index.
 */
class FacetOrdinalsTest {

  private static final List<String> DIMS = List.of("community", "schedule", "band");

  @Test
  void countsEqualLuceneFacetsAcrossSegmentsDeletionsAndFilters() throws Exception {
    Random random = new Random(7);
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued("schedule", true);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer =
            new IndexWriter(
                dir,
                new IndexWriterConfig(new StandardAnalyzer())
                    .setMaxBufferedDocs(97)
                    // no background merges: the segment count must not depend on timing
                    .setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < 2_000; i++) {
        Document d = new Document();
        d.add(new StringField("id", Integer.toString(i), Field.Store.NO));
        d.add(new StringField("tag", "t" + random.nextInt(5), Field.Store.NO));
        d.add(new StringField("parity", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
        d.add(new SortedSetDocValuesFacetField("community", "c" + random.nextInt(9)));
        // some documents have no schedule, some several
        for (int s = 0; s < random.nextInt(3); s++) {
          d.add(new SortedSetDocValuesFacetField("schedule", "s" + random.nextInt(4)));
        }
        if (random.nextInt(10) > 0) {
          d.add(new SortedSetDocValuesFacetField("band", "b" + random.nextInt(6)));
        }
        writer.addDocument(config.build(d));
        if (i % 7 == 3) {
          writer.deleteDocuments(new Term("id", Integer.toString(random.nextInt(i + 1))));
        }
      }
      writer.commit();
      FacetOrdinals ordinals = new FacetOrdinals();
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        assertTrue(reader.leaves().size() > 5, "several segments");
        assertTrue(reader.hasDeletions(), "deleted documents");
        // without the filter cache (each clause read into a set) and with it (cached sets reused)
        IndexSearcher plain = new IndexSearcher(reader);
        plain.setQueryCache(null);
        IndexSearcher cached = new IndexSearcher(reader);
        cached.setQueryCache(new LRUQueryCache(100, 1 << 20, leaf -> true, 10f));
        cached.setQueryCachingPolicy(
            new QueryCachingPolicy() {
              @Override
              public void onUse(Query query) {}

              @Override
              public boolean shouldCache(Query query) {
                return true;
              }
            });
        for (IndexSearcher searcher : List.of(plain, cached)) {
          // one memo across every query: shared clause sets must come back unchanged
          HitSets.Memo memo = new HitSets.Memo();
          for (Query query : queries()) {
            // twice: the second search reuses the unpacked segments (and the cached filters)
            for (int round = 0; round < 2; round++) {
              Map<String, List<FacetCount>> expected = lucene(searcher, config, query);
              // built clause by clause (alone and with the memo), and collected by a search
              for (HitSets hits :
                  List.of(
                      HitSets.of(searcher, query),
                      HitSets.of(searcher, query, memo),
                      searcher.search(query, HitSets.collecting(searcher)))) {
                assertEquals(searcher.count(query), hits.total(), "total of " + query);
                // hit by hit, by value sets, and as chosen by size
                for (Boolean byValueSets : Arrays.asList(false, true, null)) {
                  assertEquals(
                      expected,
                      ordinals.counts(hits, DIMS, 50, byValueSets),
                      query + " by value sets: " + byValueSets);
                }
              }
            }
          }
        }
        Map<String, List<FacetCount>> top2 =
            ordinals.counts(HitSets.of(plain, new MatchAllDocsQuery()), DIMS, 2);
        assertEquals(2, top2.get("community").size());
        assertEquals(
            List.of("community"),
            List.copyOf(
                ordinals
                    .counts(HitSets.of(plain, new MatchAllDocsQuery()), List.of("community"), 50)
                    .keySet()));
      }
    }
  }

  /**
   * Every shape a search takes: all, one term, a text disjunction, filters, exclusions, and the
   * unions of terms a match ring is made of.
   */
  private static List<Query> queries() {
    List<Query> queries = new ArrayList<>(List.of(new MatchAllDocsQuery()));
    for (int t = 0; t < 5; t++) {
      queries.add(new TermQuery(new Term("tag", "t" + t)));
    }
    Query either =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("tag", "t1")), BooleanClause.Occur.SHOULD)
            .add(new TermQuery(new Term("tag", "t3")), BooleanClause.Occur.SHOULD)
            .build();
    // as a search's text: never cached, gathered by the bulk scorer
    Query text = new SizedQuery(either, List.of(new Term("tag", "t1"), new Term("tag", "t3")));
    queries.add(text);
    for (Query lead : List.of(new MatchAllDocsQuery(), text)) {
      queries.add(led(lead, "even", "t3", BooleanClause.Occur.MUST_NOT));
      queries.add(led(lead, "odd", "t0", BooleanClause.Occur.FILTER));
    }
    // a filter nothing matches
    queries.add(
        new BooleanQuery.Builder()
            .add(text, BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term("tag", "none")), BooleanClause.Occur.FILTER)
            .build());
    // a filter used above beside an exclusion, alone: its cached set must be as it was
    queries.add(new TermQuery(new Term("parity", "even")));
    // any of several terms (a match ring's relation): the union of the terms' sets, required,
    // excluded, alone, and with a term no document has
    Query someTags = HitSets.anyOf("tag", List.of("t1", "t2", "none"));
    queries.add(someTags);
    queries.add(
        new BooleanQuery.Builder()
            .add(someTags, BooleanClause.Occur.FILTER)
            .add(HitSets.anyOf("tag", List.of("t2", "t4")), BooleanClause.Occur.MUST_NOT)
            .add(new TermQuery(new Term("parity", "even")), BooleanClause.Occur.FILTER)
            .build());
    queries.add(
        new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
            .add(someTags, BooleanClause.Occur.MUST_NOT)
            .build());
    queries.add(HitSets.anyOf("tag", List.of("none", "nothing")));
    return queries;
  }

  /** {@code lead} under a parity filter, with a tag clause (a filter or an exclusion). */
  private static Query led(Query lead, String parity, String tag, BooleanClause.Occur occur) {
    return new BooleanQuery.Builder()
        .add(lead, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term("parity", parity)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term("tag", tag)), occur)
        .build();
  }

  private static Map<String, List<FacetCount>> lucene(
      IndexSearcher searcher, FacetsConfig config, Query query) throws Exception {
    FacetsCollector collector = searcher.search(query, new FacetsCollectorManager());
    SortedSetDocValuesFacetCounts counts =
        new SortedSetDocValuesFacetCounts(
            new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), config), collector);
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    for (String dim : DIMS) {
      FacetResult r = counts.getTopChildren(50, dim);
      List<FacetCount> values = new ArrayList<>();
      if (r != null) {
        for (LabelAndValue lv : r.labelValues) {
          values.add(new FacetCount(lv.label, lv.value.longValue()));
        }
      }
      out.put(dim, values);
    }
    return out;
  }
}
