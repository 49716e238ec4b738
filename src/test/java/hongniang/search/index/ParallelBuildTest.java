package hongniang.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Documents built on worker threads: every row arrives once, and a failure is not swallowed. */
class ParallelBuildTest {

  private static Document doc(int id) {
    Document d = new Document();
    d.add(new StringField("id", Integer.toString(id), Field.Store.NO));
    d.add(new StoredField("n", id));
    return d;
  }

  @Test
  void everyRowIsAddedExactlyOnceFromSeveralThreads() throws Exception {
    int rows = 3 * ParallelBuild.BATCH + 17;
    Set<String> threads = ConcurrentHashMap.newKeySet();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      try (ParallelBuild<Integer> build =
          new ParallelBuild<>(
              writer,
              id -> {
                threads.add(Thread.currentThread().getName());
                return doc(id);
              },
              3)) {
        for (int i = 0; i < rows; i++) {
          build.add(i);
        }
        build.finish();
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(rows, reader.numDocs());
        StoredFields stored = reader.storedFields();
        Set<Integer> seen = new HashSet<>();
        for (int d = 0; d < reader.maxDoc(); d++) {
          seen.add(stored.document(d).getField("n").numericValue().intValue());
        }
        assertEquals(rows, seen.size());
      }
    }
    // built off the caller's thread, on more than one worker
    assertTrue(threads.stream().allMatch(t -> t.startsWith("index-build-")), threads.toString());
    assertTrue(threads.size() > 1, threads.toString());
  }

  @Test
  void aFailingDocumentFailsTheBuild() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()));
        ParallelBuild<Integer> build =
            new ParallelBuild<>(
                writer,
                id -> {
                  if (id == 700) {
                    throw new IllegalArgumentException("row 700 is bad");
                  }
                  return doc(id);
                },
                2)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> {
                for (int i = 0; i < 2 * ParallelBuild.BATCH; i++) {
                  build.add(i);
                }
                build.finish();
              });
      assertEquals("row 700 is bad", e.getMessage());
    }
  }
}
