package hongniang.search.query;

import hongniang.search.index.HitSets;
import java.io.IOException;
import java.util.Arrays;
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
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Facet counts of a search's hits, from each segment's facet ordinals unpacked once into plain
 * arrays. Reading the packed doc values of every hit on every search cost more than finding the
 * hits; the arrays are built on a segment's first faceted search and dropped with the segment.
 */
final class FacetOrdinals {

  /**
   * One segment's facet values: per document a run of ordinals; per ordinal a dim and label; and,
   * once a search asks for them, per ordinal the set of documents that have it.
   */
  private static final class Segment {
    final int[] starts;
    final int[] ords;
    final String[] dims;
    final String[] labels;
    private volatile FixedBitSet[] valueSets;

    Segment(int[] starts, int[] ords, String[] dims, String[] labels) {
      this.starts = starts;
      this.ords = ords;
      this.dims = dims;
      this.labels = labels;
    }

    FixedBitSet[] valueSets() {
      FixedBitSet[] sets = valueSets;
      if (sets == null) {
        int maxDoc = starts.length - 1;
        sets = new FixedBitSet[labels.length];
        for (int ord = 0; ord < sets.length; ord++) {
          sets[ord] = new FixedBitSet(maxDoc);
        }
        for (int doc = 0; doc < maxDoc; doc++) {
          for (int i = starts[doc]; i < starts[doc + 1]; i++) {
            sets[ords[i]].set(doc);
          }
        }
        valueSets = sets;
      }
      return sets;
    }
  }

  private final Map<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();

  /**
   * Counts of the given dimensions over a search's hit sets. Per segment, whichever is cheaper:
   * each hit's values (few hits), or each value's document set intersected with the hits, 64
   * documents a word (many hits).
   */
  Map<String, List<FacetCount>> counts(HitSets hits, List<String> dims, int top)
      throws IOException {
    return counts(hits, dims, top, null);
  }

  /** As {@link #counts(HitSets, List, int)}; {@code byValueSets} forces the method when set. */
  Map<String, List<FacetCount>> counts(
      HitSets hits, List<String> dims, int top, Boolean byValueSets) throws IOException {
    Map<String, Map<String, Long>> byDim = new HashMap<>();
    for (LeafReaderContext leaf : hits.leaves()) {
      int n = hits.count(leaf);
      if (n == 0) {
        continue;
      }
      Segment segment = segment(leaf.reader());
      FixedBitSet set = hits.of(leaf);
      int[] counts = new int[segment.labels.length];
      boolean bySets =
          byValueSets != null
              ? byValueSets
              : (long) counts.length * FixedBitSet.bits2words(set.length()) < 16L * n;
      if (bySets) {
        FixedBitSet[] values = segment.valueSets();
        for (int ord = 0; ord < counts.length; ord++) {
          if (dims.contains(segment.dims[ord])) {
            counts[ord] = (int) FixedBitSet.intersectionCount(set, values[ord]);
          }
        }
      } else {
        BitSetIterator it = new BitSetIterator(set, n);
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          for (int i = segment.starts[doc], end = segment.starts[doc + 1]; i < end; i++) {
            counts[segment.ords[i]]++;
          }
        }
      }
      addTo(byDim, segment, counts);
    }
    return top(byDim, dims, top);
  }

  private static Map<String, List<FacetCount>> top(
      Map<String, Map<String, Long>> byDim, List<String> dims, int top) {
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

  private static void addTo(Map<String, Map<String, Long>> byDim, Segment s, int[] counts) {
    for (int ord = 0; ord < counts.length; ord++) {
      if (counts[ord] > 0) {
        byDim
            .computeIfAbsent(s.dims[ord], d -> new HashMap<>())
            .merge(s.labels[ord], (long) counts[ord], Long::sum);
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
