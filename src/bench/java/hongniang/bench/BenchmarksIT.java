package hongniang.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each benchmark command once, in process, at a tiny size, in a fresh temporary folder (as on a
 * fresh clone): the benchmarks compile with every build and run in every {@code verify}, so that
 * none can rot unseen. Figures at this size mean nothing; the test checks that each run completes
 * and writes its report with the sections and the targets table it should, and nothing else.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchmarksIT {

  /** The runs share one data set: the first generates it, the others reuse it. */
  @TempDir static Path temp;

  private static final List<String> SEARCH_SECTIONS =
      List.of(
          "## Search (issue 3)",
          "### Targets",
          "### Where the rebuild spends its time",
          "### Where a Lucene search spends its time",
          "### Latency (single thread, in process, warm)",
          "### Same question, same answer",
          "### Recall on queries with known answers",
          "### Change visible in search under load");

  private static final List<String> MATCH_SECTIONS =
      List.of(
          "## Matching (issue 4)",
          "### Targets",
          "### Where a match call spends its time",
          "### Match board",
          "### Matches, and the same by brute force");

  /** A few seconds of everything: 5 units, 80 postings, 300 jobseekers, short sets and streams. */
  private static Map<String, String> tiny(Path dir, String... more) {
    Map<String, String> p = new HashMap<>();
    p.put("bench.dir", dir.toString());
    p.put("bench.docs", temp.resolve("benchmarks.md").toString());
    p.put("bench.partners", "5");
    p.put("bench.postings", "80");
    p.put("bench.jobseekers", "300");
    p.put("bench.warmup", "20");
    p.put("bench.queries", "60");
    p.put("bench.pgSeconds", "2");
    p.put("bench.profileQueries", "60");
    p.put("bench.updatesPerSecond", "10");
    p.put("bench.updateSeconds", "2");
    p.put("bench.updateWarmupSeconds", "1");
    p.put("bench.matchQueries", "24");
    p.put("bench.bruteResidents", "6");
    p.put("bench.brutePostings", "4");
    // the indexer marks rows done after each commit: the runs wait for that at their end
    p.put("bench.set", "hongniang.search.commit-ms=500");
    for (int i = 0; i < more.length; i += 2) {
      p.put(more[i], more[i + 1]);
    }
    return p;
  }

  private static Path bench() {
    return temp.resolve("bench");
  }

  /** The search benchmark in {@code bench()}, tiny, with more settings; it must exit with 0. */
  private static void search(String... more) throws Exception {
    Map<String, String> p = tiny(bench(), more);
    assertEquals(0, SearchBenchmark.run(SearchBenchmark.Settings.from(BenchProperties.of(p))));
  }

  /** The matching benchmark in {@code dir}, tiny, with more settings; it must exit with 0. */
  private static void match(Path dir, String... more) throws Exception {
    Map<String, String> p = tiny(dir, more);
    assertEquals(0, MatchBenchmark.run(MatchBenchmark.Settings.from(BenchProperties.of(p))));
  }

  @Test
  @Order(1)
  void searchBenchmarkOnAFreshFolder() throws Exception {
    assertFalse(Files.exists(bench()));
    search();
    String docs = read(temp.resolve("benchmarks.md"));
    assertSections(docs, SEARCH_SECTIONS);
    assertEquals(9, targets(docs), docs);
    assertTrue(docs.contains("Generated in this run"), docs);
    assertEquals(
        read(bench().resolve("search-benchmark.md")).strip(),
        docs.substring(docs.indexOf("## Search (issue 3)")).strip());
  }

  @Test
  @Order(2)
  void searchBenchmarkQuickRuns() throws Exception {
    search("bench.quick", "true", "bench.quickFreshness", "true");
    String quick = read(bench().resolve("quick.md"));
    assertSections(
        quick,
        List.of(
            "## Search (issue 3)",
            "### Targets",
            "### Quick run (developer loop; not a result)",
            "Slowest postings queries",
            "Hot methods, slow jobseeker query 2",
            "### Where a Lucene search spends its time",
            "### Change visible in search under load"));
    // only the change-visibility target is judged in a quick run
    assertEquals(1, targets(quick), quick);

    // change visibility alone
    search("bench.quick", "true", "bench.quickLatencies", "false");
    String visibility = read(bench().resolve("quick.md"));
    assertSections(visibility, List.of("### Targets", "### Change visible in search under load"));
    assertFalse(visibility.contains("### Quick run"), visibility);
  }

  @Test
  @Order(3)
  void matchBenchmark() throws Exception {
    match(bench());
    String docs = read(temp.resolve("benchmarks.md"));
    // the search section stays, the matching section follows it
    assertSections(docs, SEARCH_SECTIONS);
    assertSections(docs.substring(docs.indexOf("## Matching (issue 4)")), MATCH_SECTIONS);
    assertEquals(9 + 7, targets(docs), docs);
    assertTrue(Files.exists(bench().resolve("match-benchmark.md")));
  }

  @Test
  @Order(4)
  void matchBenchmarkQuickOnAFreshFolder() throws Exception {
    Path fresh = temp.resolve("fresh-match");
    match(fresh, "bench.quick", "true");
    String quick = read(fresh.resolve("match-quick.md"));
    assertSections(
        quick,
        List.of(
            "## Matching (issue 4)",
            "### Targets",
            "### Where a match call spends its time",
            "### Quick run (matches only; not the published figures)"));
    assertEquals(0, targets(quick), quick);
    // a quick run leaves the published figures alone
    assertEquals(1, count(read(temp.resolve("benchmarks.md")), "## Matching (issue 4)"));
  }

  @Test
  @Order(5)
  void hireBenchmark() throws Exception {
    Map<String, String> p =
        tiny(
            bench(),
            "bench.hireThreads",
            "4",
            "bench.hirePlaces",
            "12",
            "bench.hireScarce",
            "5",
            "bench.hireScarceHires",
            "20",
            "bench.hireSingle",
            "6",
            "bench.hireWarmup",
            "8");
    // 0: every run was exact and the data set holds none of the benchmark's rows afterwards
    assertEquals(0, HireBenchmark.run(HireBenchmark.Settings.from(BenchProperties.of(p))));
    String docs = read(temp.resolve("benchmarks.md"));
    assertSections(docs, SEARCH_SECTIONS);
    String hires = docs.substring(docs.indexOf("## " + HireBenchmark.HEADING));
    assertSections(
        hires,
        List.of(
            "## " + HireBenchmark.HEADING,
            "### Targets",
            "### Latency (in process, one posting per run)"));
    assertEquals(3, targets(hires), hires);
    // the exact counts hold even at this size; only the p99 may miss
    assertEquals(2, count(hires, "FILLED | PASS |\n"), hires);
    assertEquals(
        read(bench().resolve("hire-benchmark.md")).strip(),
        hires
            .substring(0, hires.indexOf("\n## ") < 0 ? hires.length() : hires.indexOf("\n## "))
            .strip());
  }

  /** The worklist benchmark's run at a tiny size, twice: the second reuses the history. */
  private static String worklist() throws Exception {
    Map<String, String> p =
        tiny(
            bench(),
            "bench.worklistReferrals",
            "150",
            "bench.worklistPlacements",
            "20",
            "bench.worklistCalls",
            "36",
            "bench.worklistAdminCalls",
            "2",
            "bench.worklistHttpCalls",
            "18",
            "bench.worklistProbes",
            "1");
    assertEquals(0, WorklistBenchmark.run(WorklistBenchmark.Settings.from(BenchProperties.of(p))));
    String docs = read(temp.resolve("benchmarks.md"));
    assertSections(docs, SEARCH_SECTIONS);
    String worklist = docs.substring(docs.indexOf("## " + WorklistBenchmark.HEADING));
    int next = worklist.indexOf("\n## ");
    worklist = next < 0 ? worklist : worklist.substring(0, next);
    assertEquals(read(bench().resolve("worklist-benchmark.md")).strip(), worklist.strip());
    return worklist;
  }

  @Test
  @Order(6)
  void worklistBenchmark() throws Exception {
    String first = worklist();
    assertSections(
        first,
        List.of(
            "## " + WorklistBenchmark.HEADING,
            "### Targets",
            "### Latency per community (in process, one thread, warm)",
            "### The admin's view across communities (no target)",
            "### Through HTTP",
            "### Where a call spends its time",
            "EXPLAIN (ANALYZE, BUFFERS)",
            "Execution Time"));
    assertEquals(1, targets(first), first);
    assertTrue(first.contains("added in this run"), first);
    assertTrue(first.contains("150 referrals"), first);
    // a rerun finds the history and adds none
    String second = worklist();
    assertTrue(second.contains("; reused from an earlier run): 150 referrals"), second);
    assertEquals(1, count(read(temp.resolve("benchmarks.md")), "## " + WorklistBenchmark.HEADING));
  }

  /**
   * The pages' budgets at a tiny size, on the index the search benchmark built: the two page times,
   * the first load's weight; Lighthouse (an npm download and a minute of Chromium a page) is left
   * to the command itself.
   */
  @Test
  @Order(7)
  void pagesBenchmark() throws Exception {
    Map<String, String> p = tiny(bench(), "bench.pageCalls", "20", "bench.lighthouse", "false");
    assertEquals(0, PagesBenchmark.run(PagesBenchmark.Settings.from(BenchProperties.of(p))));
    String pages = read(bench().resolve("pages-benchmark.md"));
    assertSections(
        pages,
        List.of(
            "## " + PagesBenchmark.HEADING,
            "### Targets",
            "### Server time, through HTTP",
            "### First load of the search page",
            "`/assets/site.css` | gzip"));
    assertEquals(3, targets(pages), pages);
    assertTrue(pages.contains("200 × "), pages);
    assertTrue(read(temp.resolve("benchmarks.md")).contains("## " + PagesBenchmark.HEADING));
  }

  /**
   * Every frame a profile stage is marked by names a class, a method or a package on the class
   * path: a class renamed or moved would leave its stage empty and its samples in "other".
   */
  @Test
  void profileStagesNameWhatExists() {
    List<Profile.Stage> stages = new ArrayList<>();
    stages.addAll(Rebuild.STAGES);
    stages.addAll(QueryProfile.STAGES);
    stages.addAll(ChangeVisibility.INDEXER_STAGES);
    stages.addAll(MatchLatency.STAGES);
    List<String> missing = new ArrayList<>();
    for (Profile.Stage stage : stages) {
      stage.markers().stream().filter(m -> !exists(m)).forEach(missing::add);
    }
    assertEquals(List.of(), missing);
    assertTrue(exists(MatchLatency.SCOPE));
  }

  /** A class, a class's method ({@code Class.method}) or a package, by its name or prefix. */
  private static boolean exists(String marker) {
    String name = marker.endsWith(".") ? marker.substring(0, marker.length() - 1) : marker;
    ClassLoader loader = BenchmarksIT.class.getClassLoader();
    if (loader.getResource(name.replace('.', '/') + ".class") != null
        || loader.getResource(name.replace('.', '/')) != null) {
      return true;
    }
    int dot = name.lastIndexOf('.');
    try {
      Class<?> type = Class.forName(name.substring(0, dot), false, loader);
      String method = name.substring(dot + 1);
      return Stream.of(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(method));
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** The headings appear, in this order. */
  private static void assertSections(String markdown, List<String> headings) {
    int at = 0;
    for (String heading : headings) {
      int next = markdown.indexOf(heading, at);
      assertTrue(next >= 0, "missing or out of order: " + heading + "\n" + markdown);
      at = next + heading.length();
    }
  }

  /** Rows of targets tables: each ends in its result. */
  private static int targets(String markdown) {
    return count(markdown, " | PASS |\n") + count(markdown, " | **MISS** |\n");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
