package hongniang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Our array-backed facet counts agree with Lucene's own facet module on a messy index. */
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
        IndexSearcher searcher = new IndexSearcher(reader);
        List<Query> queries = new ArrayList<>(List.of(new MatchAllDocsQuery()));
        for (int t = 0; t < 5; t++) {
          queries.add(new TermQuery(new Term("tag", "t" + t)));
        }
        for (Query query : queries) {
          // twice: the second search reuses the unpacked segments
          for (int round = 0; round < 2; round++) {
            Map<String, List<FacetCount>> ours = searcher.search(query, ordinals.counts(DIMS, 50));
            assertEquals(lucene(searcher, config, query), ours, query.toString());
          }
        }
        Map<String, List<FacetCount>> top2 =
            searcher.search(new MatchAllDocsQuery(), ordinals.counts(DIMS, 2));
        assertEquals(2, top2.get("community").size());
      }
    }
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
