package hongniang.search.index;

import hongniang.documents.DocumentSource;
import hongniang.documents.JobseekerDocument;
import hongniang.documents.PostingDocument;
import hongniang.documents.Resolution;
import hongniang.occupations.NameResolver;
import hongniang.search.analysis.Analysis;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two Lucene indexes, derived from PostgreSQL. One writer per index; searches acquire a
 * near-real-time searcher and release it. A rebuild writes a new generation in a fresh folder and
 * switches to it atomically; searches keep working on the old one meanwhile.
 */
@Singleton
public class SearchIndex {

  private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
  private static final String POINTER = "CURRENT";

  private final Path base;
  // with no folder configured (tests, tools) the index lives in a temporary folder, deleted on
  // close
  private final boolean temporary;
  private final DocumentSource source;
  private final OutboxStore outbox;
  private final Analyzer writer;
  private final LuceneDocuments documents;
  private final List<SegmentWarmer> warmers;
  private final String stamp;
  private final AtomicReference<IndexGeneration> current = new AtomicReference<>();
  private final AtomicLong generationCounter = new AtomicLong(System.currentTimeMillis());
  // the indexer and the switch to a rebuilt generation never interleave
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ReentrantLock rebuildLock = new ReentrantLock();
  private final ScheduledExecutorService closer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "search-index-closer");
            t.setDaemon(true);
            return t;
          });

  /**
   * The index in {@code dir} (a temporary folder when none is given), built from the source's rows;
   * each warmer reads ahead what searches need of every segment.
   */
  public SearchIndex(
      @Value("${hongniang.search.dir:}") String dir,
      DocumentSource source,
      OutboxStore outbox,
      Analysis analysis,
      NameResolver names,
      List<SegmentWarmer> warmers,
      Clock clock) {
    this.temporary = dir == null || dir.isBlank();
    this.base = temporary ? tempBase() : Path.of(dir).toAbsolutePath();
    this.source = source;
    this.outbox = outbox;
    this.writer = IndexSchema.writer(analysis);
    this.documents = new LuceneDocuments(analysis, new Resolution(names, clock.getZone()));
    this.warmers = List.copyOf(warmers);
    this.stamp = IndexSchema.stamp(clock.getZone());
  }

  private static Path tempBase() {
    try {
      return Files.createTempDirectory("hongniang-index");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder that holds the generations. */
  public Path folder() {
    return base;
  }

  /**
   * Opens the current generation; if it is missing, unreadable or of another schema version,
   * rebuilds from PostgreSQL. Pending outbox rows are applied afterwards by the indexer.
   */
  public void open() {
    Optional<IndexGeneration> opened = openCurrent();
    if (opened.isPresent()) {
      current.set(opened.get());
      warm(opened.get());
    } else {
      rebuild();
    }
    deleteStaleGenerations();
  }

  private Optional<IndexGeneration> openCurrent() {
    Path pointer = base.resolve(POINTER);
    if (!Files.exists(pointer)) {
      LOG.info("No search index in {}: building it from the database", base);
      return Optional.empty();
    }
    IndexGeneration generation = null;
    try {
      Path folder = base.resolve(Files.readString(pointer, StandardCharsets.UTF_8).trim());
      generation = IndexGeneration.open(folder, writer, false, stamp);
      String version = generation.schemaVersion();
      if (!stamp.equals(version)) {
        LOG.info("Search index schema {} is not {}: rebuilding", version, stamp);
        generation.close();
        return Optional.empty();
      }
      return Optional.of(generation);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Search index unreadable ({}): rebuilding", e.toString());
      closeQuietly(generation);
      return Optional.empty();
    }
  }

  /** What a rebuild did. */
  @Serdeable
  public record RebuildReport(
      long postings, long jobseekers, long reapplied, long millis, String folder) {}

  /** Builds both indexes anew from PostgreSQL and switches to them. */
  public RebuildReport rebuild() {
    rebuildLock.lock();
    try {
      long start = System.nanoTime();
      Instant started = outbox.now();
      Path folder = base.resolve("gen-" + generationCounter.incrementAndGet());
      IndexGeneration fresh = IndexGeneration.open(folder, writer, true, stamp);
      long[] counts = new long[2];
      try {
        // documents are built on every core while this thread reads the rows
        int threads = Runtime.getRuntime().availableProcessors();
        try (ParallelBuild<PostingDocument> postings =
                new ParallelBuild<>(fresh.postings.writer, documents::posting, threads);
            ParallelBuild<JobseekerDocument> jobseekers =
                new ParallelBuild<>(fresh.jobseekers.writer, documents::jobseeker, threads)) {
          source.eachOpenPosting(
              r -> {
                postings.add(r);
                counts[0]++;
              });
          postings.finish();
          source.eachJobseeker(
              r -> {
                jobseekers.add(r);
                counts[1]++;
              });
          jobseekers.finish();
        }
        // a parallel build leaves as many segments as its timing made: merged to one posting
        // segment and one jobseeker segment per core (searched in parallel), so that every
        // rebuild gives the same shape, and the fewest segments to walk
        fresh.postings.writer.forceMerge(1);
        fresh.jobseekers.writer.forceMerge(threads);
        long reapplied;
        writeLock.lock();
        try {
          // changes committed while the tables were read: applying them again is harmless
          // (upserts by id), and missing one would not be
          List<OutboxStore.Change> since = outbox.since(started.minus(Duration.ofSeconds(5)));
          applyTo(fresh, since);
          reapplied = since.size();
          fresh.commitAndRefresh();
          writePointer(folder);
          IndexGeneration old = current.getAndSet(fresh);
          retire(old);
          warm(fresh);
        } finally {
          writeLock.unlock();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(
            "Search index rebuilt: {} postings, {} jobseekers in {} ms",
            counts[0],
            counts[1],
            millis);
        return new RebuildReport(
            counts[0], counts[1], reapplied, millis, folder.getFileName().toString());
      } catch (IOException | RuntimeException e) {
        closeQuietly(fresh);
        deleteFolder(folder);
        throw e instanceof IOException io
            ? new SearchException("rebuild failed", io)
            : (RuntimeException) e;
      }
    } catch (IOException e) {
      throw new SearchException("rebuild failed", e);
    } finally {
      rebuildLock.unlock();
    }
  }

  /**
   * Applies outbox changes to the current generation and makes them searchable at once
   * (near-real-time). They become durable only at the next {@link #commit()}.
   */
  void apply(List<OutboxStore.Change> changes) {
    writeLock.lock();
    try {
      IndexGeneration generation = current.get();
      applyTo(generation, changes);
      generation.refresh();
    } catch (IOException e) {
      throw new SearchException("applying changes failed", e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Makes every change applied so far durable. Runs beside {@link #apply} (Lucene's writer allows
   * it); a change applied before this call began is in the commit. After a switch to a rebuilt
   * generation this commits the new one, which holds every change applied to the old one.
   */
  void commit() {
    try {
      current.get().commit();
    } catch (IOException e) {
      throw new SearchException("committing the index failed", e);
    }
  }

  private void applyTo(IndexGeneration generation, List<OutboxStore.Change> changes)
      throws IOException {
    Set<Long> postingIds = new LinkedHashSet<>();
    Set<Long> unitIds = new LinkedHashSet<>();
    Set<Long> jobseekerIds = new LinkedHashSet<>();
    for (OutboxStore.Change c : changes) {
      switch (c.entity()) {
        case "posting" -> postingIds.add(c.entityId());
        case "partner_unit" -> unitIds.add(c.entityId());
        case "jobseeker" -> jobseekerIds.add(c.entityId());
        default -> LOG.warn("Unknown outbox entity {}", c.entity());
      }
    }
    postingIds.addAll(source.postingIdsOfUnits(unitIds));
    Map<Long, PostingDocument> postings = new HashMap<>();
    for (PostingDocument r : source.postings(postingIds)) {
      postings.put(r.id(), r);
    }
    for (Long id : postingIds) {
      PostingDocument row = postings.get(id);
      Term term = new Term(IndexSchema.ID, Long.toString(id));
      // only open postings are searchable; anything else leaves the index
      if (row != null && "OPEN".equals(row.status())) {
        generation.postings.writer.updateDocument(term, documents.posting(row));
      } else {
        generation.postings.writer.deleteDocuments(term);
      }
    }
    Map<Long, JobseekerDocument> jobseekers = new HashMap<>();
    for (JobseekerDocument r : source.jobseekers(jobseekerIds)) {
      jobseekers.put(r.id(), r);
    }
    for (Long id : jobseekerIds) {
      JobseekerDocument row = jobseekers.get(id);
      Term term = new Term(IndexSchema.ID, Long.toString(id));
      if (row != null) {
        generation.jobseekers.writer.updateDocument(term, documents.jobseeker(row));
      } else {
        generation.jobseekers.writer.deleteDocuments(term);
      }
    }
  }

  /** Runs a search on the current postings index, releasing the searcher afterwards. */
  public <T> T withPostings(Function<IndexSearcher, T> search) {
    return with(g -> g.postings.searchers, search);
  }

  /** Runs a search on the current jobseekers index. */
  public <T> T withJobseekers(Function<IndexSearcher, T> search) {
    return with(g -> g.jobseekers.searchers, search);
  }

  private <T> T with(
      Function<IndexGeneration, SearcherManager> part, Function<IndexSearcher, T> search) {
    IndexGeneration generation = current.get();
    if (generation == null) {
      throw new SearchException("the search index is not open yet", null);
    }
    SearcherManager manager = part.apply(generation);
    IndexSearcher searcher;
    try {
      searcher = manager.acquire();
    } catch (IOException e) {
      throw new SearchException("search failed", e);
    }
    try {
      return search.apply(searcher);
    } finally {
      try {
        manager.release(searcher);
      } catch (IOException e) {
        LOG.warn("Releasing a searcher failed: {}", e.toString());
      }
    }
  }

  /** How many outbox rows wait to be applied. */
  public long pendingChanges() {
    return outbox.pendingCount();
  }

  /** Document counts of the current generation. */
  public Map<String, Integer> counts() {
    return Map.of(
        "postings", withPostings(s -> s.getIndexReader().numDocs()),
        "jobseekers", withJobseekers(s -> s.getIndexReader().numDocs()));
  }

  private void writePointer(Path folder) throws IOException {
    Path tmp = base.resolve(POINTER + ".tmp");
    Files.writeString(tmp, folder.getFileName().toString(), StandardCharsets.UTF_8);
    Files.move(tmp, base.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Has the warmers read every segment ahead in the background, and each merged segment as its
   * merge ends: a search should not wait for a million profiles to be decoded.
   */
  private void warm(IndexGeneration generation) {
    if (warmers.isEmpty()) {
      return;
    }
    generation.warmMerges(this::warmPostings, this::warmJobseekers);
    closer.execute(
        () -> {
          try {
            withPostings(s -> eachSegment(s, this::warmPostings));
            withJobseekers(s -> eachSegment(s, this::warmJobseekers));
          } catch (RuntimeException e) {
            LOG.warn("Reading segments ahead failed: {}", e.toString());
          }
        });
  }

  private static Void eachSegment(IndexSearcher searcher, Consumer<LeafReader> warm) {
    searcher.getIndexReader().leaves().forEach(leaf -> warm.accept(leaf.reader()));
    return null;
  }

  private void warmPostings(LeafReader segment) {
    warmers.forEach(w -> w.warmPostings(segment));
  }

  private void warmJobseekers(LeafReader segment) {
    warmers.forEach(w -> w.warmJobseekers(segment));
  }

  /** Closes a replaced generation once searches that began on it have surely ended. */
  private void retire(IndexGeneration old) {
    if (old == null) {
      return;
    }
    closer.schedule(
        () -> {
          closeQuietly(old);
          deleteFolder(old.folder);
        },
        10,
        TimeUnit.SECONDS);
  }

  private void deleteStaleGenerations() {
    IndexGeneration live = current.get();
    try (Stream<Path> folders = Files.list(base)) {
      folders
          .filter(p -> p.getFileName().toString().startsWith("gen-"))
          .filter(p -> live == null || !p.equals(live.folder))
          .forEach(SearchIndex::deleteFolder);
    } catch (IOException e) {
      LOG.warn("Could not tidy {}: {}", base, e.toString());
    }
  }

  private static void deleteFolder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", folder, e.toString());
    }
  }

  private static void closeQuietly(IndexGeneration generation) {
    if (generation == null) {
      return;
    }
    try {
      generation.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Closing a search index generation failed: {}", e.toString());
    }
  }

  @PreDestroy
  void close() {
    closer.shutdownNow();
    closeQuietly(current.getAndSet(null));
    if (temporary) {
      deleteFolder(base);
    }
  }
}
