package hongniang.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.documents.DocumentSource;
import hongniang.occupations.NameResolver;
import hongniang.search.analysis.Analysis;
import hongniang.support.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing, corrupt or outdated index is rebuilt from PostgreSQL when the service opens it. */
@MicronautTest(transactional = false)
class SearchIndexRecoveryIT extends ApiTest {

  @Inject DocumentSource source;
  @Inject OutboxStore outbox;
  @Inject Analysis analysis;
  @Inject NameResolver occupations;
  @Inject List<SegmentWarmer> warmers;
  @Inject SearchIndex live;
  @Inject Clock clock;

  @TempDir Path dir;

  private SearchIndex openAt(Path folder) {
    SearchIndex index =
        new SearchIndex(folder.toString(), source, outbox, analysis, occupations, warmers, clock);
    index.open();
    return index;
  }

  private static String current(Path folder) throws Exception {
    return Files.readString(folder.resolve("CURRENT"), StandardCharsets.UTF_8).trim();
  }

  @Test
  void aMissingIndexIsBuiltAndAnIntactOneReopenedAsIs() throws Exception {
    anOpenPosting(aPartner());
    SearchIndex first = openAt(dir);
    String generation = current(dir);
    Map<String, Integer> counts = first.counts();
    assertTrue(counts.get("postings") > 0, counts.toString());
    first.close();
    SearchIndex again = openAt(dir);
    assertEquals(generation, current(dir), "an intact index must not be rebuilt");
    assertEquals(counts, again.counts());
    again.close();
  }

  @Test
  void aCorruptIndexIsRebuilt() throws Exception {
    anOpenPosting(aPartner());
    SearchIndex first = openAt(dir);
    String generation = current(dir);
    Map<String, Integer> counts = first.counts();
    first.close();
    try (Stream<Path> files = Files.list(dir.resolve(generation).resolve("postings"))) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
        Files.write(file, "not a segments file".getBytes(StandardCharsets.UTF_8));
      }
    }
    SearchIndex again = openAt(dir);
    assertNotEquals(generation, current(dir));
    assertEquals(counts, again.counts());
    again.close();
  }

  @Test
  void anIndexOfAnOlderSchemaVersionIsRebuilt() throws Exception {
    anOpenPosting(aPartner());
    SearchIndex first = openAt(dir);
    String generation = current(dir);
    first.close();
    for (String part : List.of("postings", "jobseekers")) {
      try (FSDirectory d = FSDirectory.open(dir.resolve(generation).resolve(part));
          IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
        w.setLiveCommitData(Map.of(IndexSchema.VERSION_KEY, "0").entrySet());
        w.commit();
      }
    }
    SearchIndex again = openAt(dir);
    assertNotEquals(generation, current(dir));
    assertEquals(live.counts().get("postings"), again.counts().get("postings"));
    again.close();
  }

  @Test
  void searchesKeepWorkingWhileTheIndexIsRebuilt() throws Exception {
    anOpenPosting(aPartner());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger searches = new AtomicInteger();
    Thread searcher =
        new Thread(
            () -> {
              while (running.get()) {
                int status =
                    api().get("/api/v1/postings/search?q=%E4%BF%9D%E6%B4%81", null).status();
                searches.incrementAndGet();
                if (status != 200) {
                  failures.incrementAndGet();
                }
              }
            });
    searcher.start();
    for (int i = 0; i < 3; i++) {
      assertEquals(200, api().post("/api/v1/search/rebuild", Map.of(), admin()).status());
    }
    running.set(false);
    searcher.join();
    assertTrue(searches.get() > 0);
    assertEquals(0, failures.get(), "searches failed during rebuilds");
  }
}
