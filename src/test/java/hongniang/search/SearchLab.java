package hongniang.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/**
 * A developer's bench for query shapes: opens the benchmark's index read-only and times variants of
 * the text query. Not part of the suite or of any result; run with {@code java -cp ...
 * hongniang.search.SearchLab target/bench/index}.
 */
public final class SearchLab {

  private SearchLab() {}

  public static void main(String[] args) throws Exception {
    Path base = Path.of(args.length > 0 ? args[0] : "target/bench/index");
    Path gen = base.resolve(Files.readString(base.resolve("CURRENT")).trim());
    Analysis analysis = new Analysis();
    List<String> texts =
        List.of("保洁", "保安", "家政", "司机", "护工", "电工", "快递", "保洁员", "养老护理", "baojie", "bj");
    try (DirectoryReader jr = DirectoryReader.open(FSDirectory.open(gen.resolve("jobseekers")));
        DirectoryReader pr = DirectoryReader.open(FSDirectory.open(gen.resolve("postings")))) {
      IndexSearcher js = new IndexSearcher(jr);
      IndexSearcher ps = new IndexSearcher(pr);
      System.out.printf(
          "jobseeker segments %d, postings segments %d%n", jr.leaves().size(), pr.leaves().size());
      List<QueryText.Weighted> jf =
          List.of(
              new QueryText.Weighted(IndexSchema.DESIRED, 3f),
              new QueryText.Weighted(IndexSchema.SKILLS, 2f),
              new QueryText.Weighted(IndexSchema.EXPERIENCE, 1f));
      List<String> jshort = List.of(IndexSchema.DESIRED, IndexSchema.SKILLS);
      for (String t : texts) {
        run(
            "words: " + t,
            js,
            List.of(t),
            x -> QueryText.build(x, analysis, jf, jshort, false),
            false,
            analysis);
        run(
            "words, no experience: " + t,
            js,
            List.of(t),
            x -> QueryText.build(x, analysis, jf.subList(0, 2), jshort, false),
            false,
            analysis);
      }
      run(
          "jobseekers full",
          js,
          texts,
          t -> QueryText.build(t, analysis, jf, jshort),
          false,
          analysis);
      run(
          "jobseekers no experience",
          js,
          texts,
          t -> QueryText.build(t, analysis, jf.subList(0, 2), jshort),
          false,
          analysis);
      run(
          "jobseekers no short fields",
          js,
          texts,
          t -> QueryText.build(t, analysis, jf, List.of()),
          false,
          analysis);
      run(
          "jobseekers full + highlight(weight)",
          js,
          texts,
          t -> QueryText.build(t, analysis, jf, jshort),
          true,
          analysis);
      List<QueryText.Weighted> pf =
          List.of(
              new QueryText.Weighted(IndexSchema.TITLE, 3f),
              new QueryText.Weighted(IndexSchema.OCCUPATION, 3f),
              new QueryText.Weighted(IndexSchema.SKILLS, 2f),
              new QueryText.Weighted(IndexSchema.DESCRIPTION, 1f));
      List<String> pshort = List.of(IndexSchema.TITLE, IndexSchema.OCCUPATION, IndexSchema.SKILLS);
      run(
          "postings full",
          ps,
          texts,
          t -> QueryText.build(t, analysis, pf, pshort),
          false,
          analysis);
      run(
          "postings full + highlight(weight)",
          ps,
          texts,
          t -> QueryText.build(t, analysis, pf, pshort),
          true,
          analysis);
    }
  }

  private static void run(
      String name,
      IndexSearcher s,
      List<String> texts,
      Function<String, Query> build,
      boolean highlight,
      Analysis analysis)
      throws Exception {
    List<Long> times = new ArrayList<>();
    for (int round = 0; round < 40; round++) {
      for (String t : texts) {
        long t0 = System.nanoTime();
        Query q = build.apply(t);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(q, BooleanClause.Occur.MUST);
        Query full = b.build();
        TopDocs top = s.search(full, new TopScoreDocCollectorManager(20, 1000));
        if (highlight && top.scoreDocs.length > 0) {
          UnifiedHighlighter h =
              UnifiedHighlighter.builder(s, analysis.index()).withMaxLength(2000).build();
          String[] fields =
              s.getIndexReader().leaves().get(0).reader().getFieldInfos().fieldInfo("desired")
                      != null
                  ? new String[] {"skills", "desired", "experience"}
                  : new String[] {"title", "description", "skills"};
          int[] passages = new int[fields.length];
          Arrays.fill(passages, 1);
          h.highlightFields(fields, q, top, passages);
        }
        if (round >= 10) {
          times.add(System.nanoTime() - t0);
        }
      }
    }
    times.sort(Long::compare);
    System.out.printf(
        Locale.ROOT,
        "%-40s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms%n",
        name,
        times.get(times.size() / 2) / 1e6,
        times.get(times.size() * 9 / 10) / 1e6,
        times.get(times.size() * 99 / 100) / 1e6);
  }
}
