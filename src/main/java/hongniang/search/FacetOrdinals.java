package hongniang.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * Facet counts while the hits are collected, from each segment's facet ordinals unpacked once into
 * plain arrays. Reading the packed doc values of every hit on every search cost more than finding
 * the hits; the arrays are built on a segment's first faceted search and dropped with the segment.
 */
final class FacetOrdinals {

  /** One segment's facet values: per document a run of ordinals; per ordinal a dim and label. */
  private record Segment(int[] starts, int[] ords, String[] dims, String[] labels) {}

  private final Map<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();

  /** Counts of the given dimensions over every hit of a search. */
  CollectorManager<Counter, Map<String, List<FacetCount>>> counts(List<String> dims, int top) {
    return new CollectorManager<>() {
      @Override
      public Counter newCollector() {
        return new Counter();
      }

      @Override
      public Map<String, List<FacetCount>> reduce(Collection<Counter> collectors) {
        Map<String, Map<String, Long>> byDim = new HashMap<>();
        for (Counter c : collectors) {
          c.addTo(byDim);
        }
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        for (String dim : dims) {
          out.put(
              dim,
              byDim.getOrDefault(dim, Map.of()).entrySet().stream()
                  .sorted(
                      Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                          .thenComparing(Map.Entry.comparingByKey()))
                  .limit(top)
                  .map(e -> new FacetCount(e.getKey(), e.getValue()))
                  .toList());
        }
        return out;
      }
    };
  }

  /** Counts segment ordinals per leaf; labels are resolved once, at the end. */
  final class Counter implements Collector {
    private final List<Segment> leaves = new ArrayList<>();
    private final List<int[]> leafCounts = new ArrayList<>();

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      Segment segment = segment(context.reader());
      int[] counts = new int[segment.labels().length];
      leaves.add(segment);
      leafCounts.add(counts);
      int[] starts = segment.starts();
      int[] ords = segment.ords();
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
            counts[ords[i]]++;
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    private void addTo(Map<String, Map<String, Long>> byDim) {
      for (int l = 0; l < leaves.size(); l++) {
        Segment s = leaves.get(l);
        int[] counts = leafCounts.get(l);
        for (int ord = 0; ord < counts.length; ord++) {
          if (counts[ord] > 0) {
            byDim
                .computeIfAbsent(s.dims()[ord], d -> new HashMap<>())
                .merge(s.labels()[ord], (long) counts[ord], Long::sum);
          }
        }
      }
    }
  }

  private Segment segment(LeafReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return unpack(reader);
    }
    IndexReader.CacheKey key = helper.getKey();
    Segment cached = segments.get(key);
    if (cached != null) {
      return cached;
    }
    Segment fresh = unpack(reader);
    if (segments.putIfAbsent(key, fresh) == null) {
      helper.addClosedListener(segments::remove);
    }
    return fresh;
  }

  private static Segment unpack(LeafReader reader) throws IOException {
    SortedSetDocValues values =
        DocValues.getSortedSet(reader, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    int valueCount = (int) values.getValueCount();
    String[] dims = new String[valueCount];
    String[] labels = new String[valueCount];
    for (int ord = 0; ord < valueCount; ord++) {
      BytesRef term = values.lookupOrd(ord);
      String[] path = FacetsConfig.stringToPath(term.utf8ToString());
      dims[ord] = path[0];
      labels[ord] = path.length > 1 ? path[1] : "";
    }
    int maxDoc = reader.maxDoc();
    int[] starts = new int[maxDoc + 1];
    int[] ords = new int[Math.max(16, maxDoc * 4)];
    int n = 0;
    for (int doc = 0; doc < maxDoc; doc++) {
      starts[doc] = n;
      if (values.docID() < doc) {
        values.advance(doc);
      }
      if (values.docID() == doc) {
        for (int i = 0, count = values.docValueCount(); i < count; i++) {
          if (n == ords.length) {
            ords = Arrays.copyOf(ords, ords.length * 2);
          }
          ords[n++] = (int) values.nextOrd();
        }
      }
    }
    starts[maxDoc] = n;
    return new Segment(starts, Arrays.copyOf(ords, n), dims, labels);
  }
}
