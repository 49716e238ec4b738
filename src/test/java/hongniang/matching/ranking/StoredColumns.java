package hongniang.matching.ranking;

import hongniang.matching.Jobseeker;
import hongniang.matching.MatchKeys;
import hongniang.matching.Posting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Columns built the way the search index builds them, without Lucene: the keys as numbers over a
 * sorted vocabulary (a segment's terms), each item's numbers sorted, the encoded features read at
 * an offset inside a larger array (a segment's doc values).
 */
final class StoredColumns {

  private StoredColumns() {}

  static JobseekerColumns jobseekers(List<Jobseeker> jobseekers) {
    List<String> vocabulary = vocabulary(jobseekers, MatchKeys::of);
    JobseekerColumns.Builder b = new JobseekerColumns.Builder(vocabulary, jobseekers.size());
    for (Jobseeker s : jobseekers) {
      int[] ids = ids(vocabulary, MatchKeys.of(s));
      b.add(padded(JobseekerColumns.encode(s)), 3, ids, ids.length);
    }
    return b.build();
  }

  static PostingColumns postings(List<Posting> postings) {
    List<String> vocabulary = vocabulary(postings, MatchKeys::of);
    PostingColumns.Builder b = new PostingColumns.Builder(vocabulary, postings.size());
    for (Posting o : postings) {
      int[] ids = ids(vocabulary, MatchKeys.of(o));
      b.add(padded(PostingColumns.encode(o)), 3, ids, ids.length);
    }
    return b.build();
  }

  private static <T> List<String> vocabulary(List<T> items, Function<T, List<String>> keys) {
    TreeSet<String> all = new TreeSet<>();
    items.forEach(i -> all.addAll(keys.apply(i)));
    return new ArrayList<>(all);
  }

  private static int[] ids(List<String> vocabulary, List<String> keys) {
    int[] ids = keys.stream().mapToInt(k -> vocabulary.indexOf(k)).toArray();
    Arrays.sort(ids);
    return ids;
  }

  /** The bytes three bytes into a longer array, with rubbish around them. */
  private static byte[] padded(byte[] bytes) {
    byte[] out = new byte[bytes.length + 7];
    Arrays.fill(out, (byte) 0x9C);
    System.arraycopy(bytes, 0, out, 3, bytes.length);
    return out;
  }
}
