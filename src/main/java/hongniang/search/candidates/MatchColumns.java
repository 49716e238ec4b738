package hongniang.search.candidates;

import static hongniang.search.index.IndexSchema.MATCH_FEATURES;
import static hongniang.search.index.IndexSchema.MATCH_KEY;

import hongniang.matching.ranking.JobseekerColumns;
import hongniang.matching.ranking.PostingColumns;
import hongniang.search.index.SegmentWarmer;
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
 * Each segment's matching features decoded once into plain columns ({@link JobseekerColumns},
 * {@link PostingColumns}): the keys' sorted-set ordinals are the segment's vocabulary, the binary
 * value the numbers and flags. Cached by the segment's core, which never changes, and dropped when
 * the segment closes; deletions do not matter here, the search skips deleted documents. A million
 * profiles take a moment to decode, so the index decodes a merged segment as the merge ends and
 * every segment when it opens, before a search needs them.
 */
@Singleton
class MatchColumns implements SegmentWarmer {

  private final Map<IndexReader.CacheKey, JobseekerColumns> jobseekers = new ConcurrentHashMap<>();
  private final Map<IndexReader.CacheKey, PostingColumns> postings = new ConcurrentHashMap<>();

  @Override
  public void warmPostings(LeafReader segment) {
    postings(segment);
  }

  @Override
  public void warmJobseekers(LeafReader segment) {
    jobseekers(segment);
  }

  /** The jobseekers of a jobseeker segment. */
  JobseekerColumns jobseekers(LeafReader reader) {
    return cached(reader, jobseekers, MatchColumns::decodeJobseekers);
  }

  /** The postings of a posting segment. */
  PostingColumns postings(LeafReader reader) {
    return cached(reader, postings, MatchColumns::decodePostings);
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

  private static JobseekerColumns decodeJobseekers(LeafReader reader) throws IOException {
    SortedSetDocValues keys = DocValues.getSortedSet(reader, MATCH_KEY);
    JobseekerColumns.Builder b = new JobseekerColumns.Builder(vocabulary(keys), reader.maxDoc());
    decode(reader, keys, b::add, b::addNothing);
    return b.build();
  }

  private static PostingColumns decodePostings(LeafReader reader) throws IOException {
    SortedSetDocValues keys = DocValues.getSortedSet(reader, MATCH_KEY);
    PostingColumns.Builder b = new PostingColumns.Builder(vocabulary(keys), reader.maxDoc());
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
