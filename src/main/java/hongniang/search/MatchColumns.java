package hongniang.search;

import static hongniang.search.IndexSchema.MATCH_FEATURES;
import static hongniang.search.IndexSchema.MATCH_KEY;

import hongniang.matching.OpeningColumns;
import hongniang.matching.SeekerColumns;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * Each segment's matching features decoded once into plain columns ({@link SeekerColumns}, {@link
 * OpeningColumns}): the keys' sorted-set ordinals are the segment's vocabulary, the binary value
 * the numbers and flags. Cached by the segment's core, which never changes, and dropped when the
 * segment closes; deletions do not matter here, the search skips deleted documents. A million
 * profiles take a moment to decode, so the index decodes a merged segment as the merge ends and
 * every segment when it opens, before a search needs them.
 */
@Singleton
class MatchColumns {

  private final Map<IndexReader.CacheKey, SeekerColumns> seekers = new ConcurrentHashMap<>();
  private final Map<IndexReader.CacheKey, OpeningColumns> openings = new ConcurrentHashMap<>();

  /** Decodes every segment of a postings index not decoded yet. */
  void warmPostings(IndexReader reader) {
    reader.leaves().forEach(leaf -> openings(leaf.reader()));
  }

  /** Decodes every segment of a jobseekers index not decoded yet. */
  void warmSeekers(IndexReader reader) {
    reader.leaves().forEach(leaf -> seekers(leaf.reader()));
  }

  /** The residents of a jobseeker segment. */
  SeekerColumns seekers(LeafReader reader) {
    return cached(reader, seekers, MatchColumns::decodeSeekers);
  }

  /** The postings of a posting segment. */
  OpeningColumns openings(LeafReader reader) {
    return cached(reader, openings, MatchColumns::decodeOpenings);
  }

  private interface Decoder<T> {
    T decode(LeafReader reader) throws IOException;
  }

  private static <T> T cached(
      LeafReader reader, Map<IndexReader.CacheKey, T> cache, Decoder<T> decoder) {
    try {
      IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
      if (helper == null) {
        return decoder.decode(reader);
      }
      IndexReader.CacheKey key = helper.getKey();
      T cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
      T fresh = decoder.decode(reader);
      if (cache.putIfAbsent(key, fresh) == null) {
        helper.addClosedListener(cache::remove);
      }
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SeekerColumns decodeSeekers(LeafReader reader) throws IOException {
    SortedSetDocValues keys = DocValues.getSortedSet(reader, MATCH_KEY);
    SeekerColumns.Builder b = new SeekerColumns.Builder(vocabulary(keys), reader.maxDoc());
    decode(reader, keys, b::add, b::addNothing);
    return b.build();
  }

  private static OpeningColumns decodeOpenings(LeafReader reader) throws IOException {
    SortedSetDocValues keys = DocValues.getSortedSet(reader, MATCH_KEY);
    OpeningColumns.Builder b = new OpeningColumns.Builder(vocabulary(keys), reader.maxDoc());
    decode(reader, keys, b::add, b::addNothing);
    return b.build();
  }

  private interface Row {
    void add(byte[] bytes, int offset, int[] keyIds, int keyCount);
  }

  /** Every document in order: its features and key numbers, or nothing when it has none. */
  private static void decode(LeafReader reader, SortedSetDocValues keys, Row row, Runnable nothing)
      throws IOException {
    BinaryDocValues features = DocValues.getBinary(reader, MATCH_FEATURES);
    int[] ids = new int[16];
    for (int doc = 0, max = reader.maxDoc(); doc < max; doc++) {
      if (!features.advanceExact(doc)) {
        nothing.run();
        continue;
      }
      int n = 0;
      if (keys.advanceExact(doc)) {
        int count = keys.docValueCount();
        if (count > ids.length) {
          ids = Arrays.copyOf(ids, Math.max(count, 2 * ids.length));
        }
        for (int i = 0; i < count; i++) {
          ids[n++] = (int) keys.nextOrd();
        }
      }
      BytesRef value = features.binaryValue();
      row.add(value.bytes, value.offset, ids, n);
    }
  }

  /** The segment's keys by ordinal. */
  private static List<String> vocabulary(SortedSetDocValues keys) throws IOException {
    int count = (int) keys.getValueCount();
    List<String> out = new ArrayList<>(count);
    for (int ord = 0; ord < count; ord++) {
      out.add(keys.lookupOrd(ord).utf8ToString());
    }
    return out;
  }
}
