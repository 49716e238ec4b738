package hongniang.bench;

import hongniang.search.index.SearchIndex;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The full rebuild of both indexes from PostgreSQL, timed with no searches running, and where it
 * spends its time: a JFR profile by stage of the rebuilding and document-building threads, and the
 * CPU this JVM, PostgreSQL and everyone else used meanwhile.
 */
final class Rebuild {

  /** Where the rebuild's own thread spends its time. */
  static final List<Profile.Stage> STAGES =
      List.of(
          Profile.Stage.of(
              "pinyin companions (PinyinFields: smartcn words, pinyin4j)",
              "hongniang.search.analysis.PinyinFields"),
          Profile.Stage.of(
              "other document building (LuceneDocuments, facet fields)",
              "hongniang.search.index.LuceneDocuments",
              "org.apache.lucene.facet"),
          Profile.Stage.of(
              "flushing segments to disk",
              "org.apache.lucene.index.DocumentsWriterPerThread.flush",
              "org.apache.lucene.index.DocumentsWriter.doFlush"),
          Profile.Stage.of(
              "analysing text fields inside addDocument (smartcn)", "org.apache.lucene.analysis"),
          Profile.Stage.of(
              "rest of addDocument (inverting, points, doc values, stored fields)",
              "org.apache.lucene.index",
              "org.apache.lucene.codecs",
              "org.apache.lucene.util"),
          Profile.Stage.of("reading rows from PostgreSQL (pgjdbc)", "org.postgresql"),
          Profile.Stage.of("mapping rows (DocumentSource)", "hongniang.documents.DocumentSource"),
          Profile.Stage.of("commit and switch", "hongniang.search.index.IndexGeneration"));

  private final SearchIndex.RebuildReport result;
  private final double ownCores;
  private final double otherCores;
  private final List<Profile.Sample> samples;

  private Rebuild(
      SearchIndex.RebuildReport result,
      double ownCores,
      double otherCores,
      List<Profile.Sample> samples) {
    this.result = result;
    this.ownCores = ownCores;
    this.otherCores = otherCores;
    this.samples = samples;
  }

  /** Rebuilds the index, timed and profiled. */
  static Rebuild run(SearchIndex index) throws IOException {
    BenchWorld.log("Rebuilding both indexes from PostgreSQL (timed)");
    CpuMeter cpu = new CpuMeter();
    Rebuild rebuild;
    try (Profile profile = Profile.start(Duration.ofMillis(20), true)) {
      SearchIndex.RebuildReport result = index.rebuild();
      double own = cpu.ownCores();
      double other = cpu.otherCores();
      rebuild = new Rebuild(result, own, other, profile.stop());
    }
    BenchWorld.log("Rebuilt: " + rebuild.result);
    return rebuild;
  }

  SearchIndex.RebuildReport result() {
    return result;
  }

  /** The data fact: how long the rebuild took, for how many documents. */
  String fact() {
    return String.format(
        Locale.ROOT,
        "Rebuild: `SearchIndex.rebuild()` took %,d ms for %,d postings and %,d jobseekers"
            + " (%.0f documents/s), no searches running.",
        result.millis(),
        result.postings(),
        result.jobseekers(),
        (result.postings() + result.jobseekers()) / (result.millis() / 1000.0));
  }

  /** The target for the rebuild. */
  void target(Report report) {
    report.target(
        5,
        "full rebuild of both indexes from PostgreSQL",
        "≤ 10 min",
        String.format(
            Locale.ROOT,
            "%d min %02d s (%,d postings + %,d jobseekers)",
            result.millis() / 60_000,
            result.millis() / 1000 % 60,
            result.postings(),
            result.jobseekers()),
        result.millis() <= 600_000);
  }

  /** Where the rebuild spends its time, by stage. */
  void section(Report report) {
    // the rebuilding thread reads the rows; the index-build threads make and add the documents
    Profile.Breakdown main =
        Profile.breakdown(samples, List.of("main", "index-build"), null, STAGES);
    int merges = Profile.breakdown(samples, "Lucene Merge Thread", null, List.of()).total();
    report.section("Where the rebuild spends its time");
    report.line(
        String.format(
            Locale.ROOT,
            "`SearchIndex.rebuild()`: %,d ms for %,d + %,d documents. CPU meanwhile: this JVM and"
                + " PostgreSQL %s cores, other processes %s cores (of %d). JFR samples every 20 ms"
                + " of the rebuilding thread (it reads the rows) and the document-building threads,"
                + " Java and native code (so waiting on PostgreSQL's socket counts); merge threads"
                + " took %,d samples beside these threads' %,d.",
            result.millis(),
            result.postings(),
            result.jobseekers(),
            CpuMeter.cores(ownCores),
            CpuMeter.cores(otherCores),
            Runtime.getRuntime().availableProcessors(),
            merges,
            main.total()));
    report.line("");
    report.table(List.of("rebuild stage", "share", "samples"), main.rows());
  }
}
