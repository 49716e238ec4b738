package hongniang.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.documents.PostingDocument;
import hongniang.documents.Resolution;
import hongniang.occupations.NameResolver;
import hongniang.occupations.Occupations;
import hongniang.search.analysis.Analysis;
import hongniang.search.analysis.SmartcnNameWords;
import hongniang.search.index.IndexSchema;
import hongniang.search.index.LuceneDocuments;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The posting search's words pass takes its size from the one match field ({@link
 * IndexSchema#MATCH}, through {@link SizedQuery}) and finds and scores on the per-field clauses.
 * That may only change how fast it runs: for every kind of text — each synonym and occupation name,
 * pinyin and initials, several words, junk — it must find exactly the postings, with exactly the
 * scores, that the per-field clauses find on their own.
 */
class MatchFieldTest {

  private static final Occupations OCCUPATIONS = Occupations.load();
  private static final Analysis ANALYSIS = new Analysis(OCCUPATIONS);
  private static ByteBuffersDirectory directory;
  private static DirectoryReader reader;
  private static List<String> names;

  @BeforeAll
  static void index() throws Exception {
    Random random = new Random(11);
    // the everyday work of the street's postings, as dense as the texts searches meet: the whole
    // classification (2,500 names) would spread 3,000 documents too thin for fields to overlap
    Set<String> everyday =
        Set.of(
            "cleaning",
            "security",
            "household",
            "elderly-care",
            "greening",
            "catering",
            "retail",
            "logistics",
            "driving",
            "public-welfare",
            "personal-services");
    Set<String> known = new LinkedHashSet<>();
    for (String name : OCCUPATIONS.names()) {
      if (everyday.contains(OCCUPATIONS.find(name).orElseThrow().group()) && name.length() <= 5) {
        known.add(name);
      }
    }
    OCCUPATIONS.synonymGroups().forEach(known::addAll);
    names = new ArrayList<>(known);
    List<String> around = List.of("", "小区", "招聘", "兼职", "急招", "超市", "三明月嫂服务中心 ", "夜班");
    List<String> skills = List.of("健康证", "会开车", "电脑操作", "叉车", "收银", "烹饪", "护理", "clean");
    LuceneDocuments documents =
        new LuceneDocuments(
            ANALYSIS,
            new Resolution(NameResolver.of(OCCUPATIONS, new SmartcnNameWords()), ZoneOffset.UTC));
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(
            directory,
            new IndexWriterConfig(IndexSchema.writer(ANALYSIS)).setMaxBufferedDocs(500))) {
      for (int i = 0; i < 3_000; i++) {
        String occupation = names.get(random.nextInt(names.size()));
        String title =
            around.get(random.nextInt(around.size()))
                + names.get(random.nextInt(names.size()))
                + (random.nextBoolean() ? "" : around.get(random.nextInt(around.size())));
        List<String> own = new ArrayList<>();
        for (int s = random.nextInt(4); s > 0; s--) {
          own.add(
              random.nextBoolean()
                  ? skills.get(random.nextInt(skills.size()))
                  : names.get(random.nextInt(names.size())));
        }
        writer.addDocument(documents.posting(row(i, title, occupation, own)));
      }
    }
    reader = DirectoryReader.open(directory);
  }

  @AfterAll
  static void close() throws Exception {
    reader.close();
    directory.close();
  }

  private static PostingDocument row(
      long id, String title, String occupation, List<String> skills) {
    return new PostingDocument(
        id,
        1,
        "单位",
        title,
        "岗位描述：" + title,
        occupation,
        skills,
        1,
        0,
        3000,
        4000,
        null,
        "FULL_TIME",
        1L,
        "三明",
        null,
        null,
        null,
        List.of(),
        false,
        false,
        false,
        LocalDate.of(2030, 1, 1),
        "OPEN",
        LocalDate.of(2030, 1, 1),
        Instant.EPOCH);
  }

  @Test
  void theMatchFieldFindsWhatTheFieldsFindWithTheSameScores() throws Exception {
    List<String> texts = new ArrayList<>(names);
    for (String name : names) {
      StringBuilder full = new StringBuilder();
      StringBuilder initials = new StringBuilder();
      Analysis.spell(name, full, initials);
      texts.add(full.toString());
      texts.add(initials.toString());
      texts.add(full.substring(0, Math.min(3, full.length())));
    }
    texts.addAll(
        List.of(
            "保洁 保安",
            "小区保洁员 兼职",
            "Bao jie",
            "bao'jie",
            "bj",
            "员",
            "健康证",
            "clean",
            "\"保洁",
            "*",
            "title:保安",
            "三明月嫂",
            "超市收银",
            "x".repeat(300)));
    IndexSearcher searcher = new IndexSearcher(reader);
    int withHits = 0;
    int compared = 0;
    for (String typed : texts) {
      String clean = QueryText.clean(typed);
      Query led = PostingSearch.textQueries(clean, ANALYSIS).words();
      Query fields =
          QueryText.build(
              clean,
              ANALYSIS,
              PostingSearch.PRIMARY_FIELDS,
              PostingSearch.SHORT_FIELDS,
              false,
              null);
      if (fields == null) {
        assertEquals(null, led, typed);
        continue;
      }
      Map<Integer, Float> expected = hits(searcher, fields);
      assertEquals(expected, hits(searcher, led), typed);
      compared++;
      withHits += expected.isEmpty() ? 0 : 1;
    }
    // most texts find something, so the comparison is not between two empty lists
    assertTrue(withHits > texts.size() * 3 / 4, withHits + " of " + texts.size());
    assertTrue(compared > texts.size() * 9 / 10, compared + " of " + texts.size());
  }

  @Test
  void theSizeHoldsEveryMatchAndIsCloserThanTheDisjunctions() throws Exception {
    IndexSearcher searcher = new IndexSearcher(reader);
    int closer = 0;
    int queries = 0;
    for (String typed : List.of("保洁", "保安", "保姆", "家政", "快递", "baojie", "bj", "保洁 保安")) {
      SizedQuery sized = (SizedQuery) PostingSearch.textQueries(typed, ANALYSIS).words();
      queries++;
      long matches = searcher.count(sized);
      long size = 0;
      long guessed = 0;
      org.apache.lucene.search.Weight inner =
          searcher.createWeight(
              searcher.rewrite(sized.inner()), org.apache.lucene.search.ScoreMode.COMPLETE, 1f);
      org.apache.lucene.search.Weight outer =
          searcher.createWeight(
              searcher.rewrite(sized), org.apache.lucene.search.ScoreMode.COMPLETE, 1f);
      for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
        org.apache.lucene.search.ScorerSupplier s = outer.scorerSupplier(leaf);
        org.apache.lucene.search.ScorerSupplier i = inner.scorerSupplier(leaf);
        if (s != null) {
          size += s.cost();
          guessed += i.cost();
          // what the conjunction orders by is the iterator's cost
          assertEquals(s.cost(), s.get(Long.MAX_VALUE).iterator().cost(), typed);
        }
      }
      assertTrue(size >= matches, typed + ": " + size + " < " + matches);
      assertTrue(size <= guessed, typed);
      closer += size < guessed ? 1 : 0;
    }
    // the word's group token stands for the whole group: 保洁 is one list, not ten names × 3 fields
    assertEquals(
        List.of(new org.apache.lucene.index.Term(IndexSchema.MATCH, "≡0")).size(),
        QueryText.matchTerms("保洁", ANALYSIS, IndexSchema.MATCH).size());
    assertEquals(
        "[match:baojie, match:py|baojie]",
        QueryText.matchTerms("baojie", ANALYSIS, IndexSchema.MATCH).toString());
    assertEquals(queries, closer, "every text's size is closer than the disjunction's guess");
  }

  private static Map<Integer, Float> hits(IndexSearcher searcher, Query query) throws Exception {
    Map<Integer, Float> out = new LinkedHashMap<>();
    for (ScoreDoc hit : searcher.search(query, reader.maxDoc()).scoreDocs) {
      out.put(hit.doc, hit.score);
    }
    return out;
  }
}
