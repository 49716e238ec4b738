package hongniang.search.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Schedule;
import hongniang.documents.JobseekerDocument;
import hongniang.documents.PostingDocument;
import hongniang.documents.Resolution;
import hongniang.matching.Condition;
import hongniang.matching.Condition.Attribute;
import hongniang.matching.Jobseeker;
import hongniang.matching.LooseQuery;
import hongniang.matching.MatchKeys;
import hongniang.matching.Posting;
import hongniang.matching.Scorer;
import hongniang.matching.Weights;
import hongniang.occupations.NameResolver;
import hongniang.occupations.Occupations;
import hongniang.search.analysis.Analysis;
import hongniang.search.analysis.SmartcnNameWords;
import hongniang.search.index.IndexSchema;
import hongniang.search.index.LuceneDocuments;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
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
 * Matching's conditions on the index hold where {@link Condition#holds} says they do: every
 * attribute, as a filter and as a scoring clause, on postings and jobseekers written by the real
 * document builder from random rows (instants across midnight in the service's time zone, missing
 * values, unknown names). The looser "why not" query scores each document the sum, over its
 * clauses, of the best tier the record meets.
 */
class ConditionQueriesTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final Occupations OCCUPATIONS = Occupations.load();
  private static final Analysis ANALYSIS = new Analysis(OCCUPATIONS);
  private static final Resolution RESOLUTION =
      new Resolution(NameResolver.of(OCCUPATIONS, new SmartcnNameWords()), ZONE);
  private static final ConditionQueries QUERIES = new ConditionQueries(ZONE);
  private static final Scorer SCORER = new Scorer(Weights.defaults(), "三明市");

  private static final Map<Long, Posting> POSTINGS = new HashMap<>();
  private static final Map<Long, Jobseeker> JOBSEEKERS = new HashMap<>();
  private static ByteBuffersDirectory postingDir;
  private static ByteBuffersDirectory jobseekerDir;
  private static DirectoryReader postingReader;
  private static DirectoryReader jobseekerReader;

  @BeforeAll
  static void index() throws IOException {
    Random random = new Random(7);
    List<String> names = new ArrayList<>(OCCUPATIONS.names());
    names.addAll(List.of("拣货员", "宠物美容师", "代驾"));
    LuceneDocuments documents = new LuceneDocuments(ANALYSIS, RESOLUTION);
    postingDir = new ByteBuffersDirectory();
    try (IndexWriter w =
        new IndexWriter(postingDir, new IndexWriterConfig(IndexSchema.writer(ANALYSIS)))) {
      for (long id = 1; id <= 400; id++) {
        PostingDocument row = posting(id, random, names);
        POSTINGS.put(id, RESOLUTION.posting(row));
        w.addDocument(documents.posting(row));
      }
    }
    jobseekerDir = new ByteBuffersDirectory();
    try (IndexWriter w =
        new IndexWriter(jobseekerDir, new IndexWriterConfig(IndexSchema.writer(ANALYSIS)))) {
      for (long id = 1; id <= 400; id++) {
        JobseekerDocument row = jobseeker(id, random, names);
        JOBSEEKERS.put(id, RESOLUTION.jobseeker(row));
        w.addDocument(documents.jobseeker(row));
      }
    }
    postingReader = DirectoryReader.open(postingDir);
    jobseekerReader = DirectoryReader.open(jobseekerDir);
  }

  @AfterAll
  static void close() throws IOException {
    postingReader.close();
    jobseekerReader.close();
    postingDir.close();
    jobseekerDir.close();
    ANALYSIS.close();
  }

  @Test
  void everyPostingAttributeSelectsWhatHoldsSays() throws IOException {
    Random random = new Random(8);
    List<Condition> conditions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Posting some = POSTINGS.get(1L + random.nextInt(POSTINGS.size()));
      List<String> keys = MatchKeys.of(some);
      conditions.add(
          Condition.anyOf(
              Attribute.KEY, List.of(keys.get(random.nextInt(keys.size())), "oc:none")));
      conditions.add(
          Condition.anyOf(
              Attribute.COMMUNITY,
              List.of(
                  Integer.toString(1 + random.nextInt(9)),
                  Integer.toString(1 + random.nextInt(9)))));
      conditions.add(new Condition.Is(Attribute.IN_DISTRICT, random.nextBoolean()));
      conditions.add(new Condition.Is(Attribute.PUBLIC_WELFARE, random.nextBoolean()));
      conditions.add(
          Condition.anyOf(
              Attribute.SCHEDULE,
              List.of(
                  pick(random, Schedule.values()).name(), pick(random, Schedule.values()).name())));
      long wage = 1500 + random.nextInt(6000);
      conditions.add(new Condition.AtLeast(Attribute.WAGE_MAX, wage));
      conditions.add(new Condition.AtMost(Attribute.WAGE_MAX, wage));
      for (Attribute day :
          List.of(Attribute.CREATED_ON, Attribute.VALID_THROUGH, Attribute.AGREEMENT_UNTIL)) {
        long d = TODAY.toEpochDay() - 100 + random.nextInt(200);
        conditions.add(new Condition.AtLeast(day, d));
        conditions.add(new Condition.AtMost(day, d));
      }
    }
    assertSelections(conditions, postingReader, id -> c -> c.holds(POSTINGS.get(id)));
  }

  @Test
  void everyJobseekerAttributeSelectsWhatHoldsSays() throws IOException {
    Random random = new Random(9);
    List<Condition> conditions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Jobseeker some = JOBSEEKERS.get(1L + random.nextInt(JOBSEEKERS.size()));
      List<String> keys = MatchKeys.of(some);
      if (!keys.isEmpty()) {
        conditions.add(
            Condition.anyOf(Attribute.KEY, List.of(keys.get(random.nextInt(keys.size())))));
      }
      conditions.add(
          Condition.anyOf(Attribute.COMMUNITY, List.of(Integer.toString(1 + random.nextInt(9)))));
      conditions.add(
          Condition.anyOf(
              Attribute.FIRST_SCHEDULE, List.of(pick(random, Schedule.values()).name())));
      conditions.add(
          Condition.anyOf(
              Attribute.CATEGORY,
              List.of(
                  pick(random, DifficultyCategory.values()).name(),
                  pick(random, DifficultyCategory.values()).name())));
      long wage = random.nextInt(5000);
      conditions.add(new Condition.AtLeast(Attribute.MIN_WAGE, wage));
      conditions.add(new Condition.AtMost(Attribute.MIN_WAGE, wage));
      for (Attribute day : List.of(Attribute.UPDATED_ON, Attribute.UNEMPLOYED_SINCE)) {
        long d = TODAY.toEpochDay() - 400 + random.nextInt(400);
        conditions.add(new Condition.AtLeast(day, d));
        conditions.add(new Condition.AtMost(day, d));
      }
    }
    assertSelections(conditions, jobseekerReader, id -> c -> c.holds(JOBSEEKERS.get(id)));
  }

  @Test
  void theLooseQueryScoresTheBestTierOfEachClause() throws IOException {
    int hits = 0;
    for (long id = 1; id <= 60; id++) {
      Jobseeker s = JOBSEEKERS.get(id);
      hits +=
          assertLooseScores(
              LooseQuery.postingsFor(s, SCORER, TODAY),
              postingReader,
              p -> c -> c.holds(POSTINGS.get(p)));
      Posting o = POSTINGS.get(id);
      for (Long community : Arrays.asList(null, 4L)) {
        hits +=
            assertLooseScores(
                LooseQuery.jobseekersFor(o, SCORER, community, TODAY),
                jobseekerReader,
                j -> c -> c.holds(JOBSEEKERS.get(j)));
      }
    }
    assertTrue(hits > 10_000, "the loose queries found too little to tell: " + hits);
  }

  private interface Holds {
    Predicate<Condition> of(long id);
  }

  /** Each condition, as a filter and as a clause, finds exactly the records it holds on. */
  private static void assertSelections(
      List<Condition> conditions, DirectoryReader reader, Holds holds) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    int nonEmpty = 0;
    for (Condition c : conditions) {
      Set<Long> expected = new TreeSet<>();
      for (long id = 1; id <= reader.maxDoc(); id++) {
        if (holds.of(id).test(c)) {
          expected.add(id);
        }
      }
      nonEmpty += expected.isEmpty() || expected.size() == reader.maxDoc() ? 0 : 1;
      assertEquals(expected, ids(searcher, QUERIES.filter(c)).keySet(), "filter " + c);
      assertEquals(expected, ids(searcher, QUERIES.scored(c)).keySet(), "clause " + c);
    }
    assertTrue(nonEmpty > conditions.size() / 2, "too many conditions select all or nothing");
  }

  /** Every document meeting a clause is a hit, scored the sum of its clauses' best tiers. */
  private static int assertLooseScores(LooseQuery q, DirectoryReader reader, Holds holds)
      throws IOException {
    Map<Long, Float> found = ids(new IndexSearcher(reader), QUERIES.loose(q));
    for (long id = 1; id <= reader.maxDoc(); id++) {
      Predicate<Condition> meets = holds.of(id);
      boolean passes = q.filters().stream().allMatch(meets);
      float expected = 0;
      boolean any = false;
      for (List<LooseQuery.Tier> clause : q.clauses()) {
        float best = 0;
        for (LooseQuery.Tier t : clause) {
          if (meets.test(t.when())) {
            best = Math.max(best, (float) t.points());
            any = true;
          }
        }
        expected += best;
      }
      if (passes && any) {
        assertTrue(found.containsKey(id), "document " + id + " meets a clause of " + q);
        assertEquals(expected, found.get(id), 1e-3f, "document " + id + " of " + q);
      } else {
        assertTrue(!found.containsKey(id), "document " + id + " meets no clause of " + q);
      }
    }
    return found.size();
  }

  private static Map<Long, Float> ids(IndexSearcher searcher, Query query) throws IOException {
    Map<Long, Float> out = new HashMap<>();
    for (ScoreDoc sd : searcher.search(query, searcher.getIndexReader().maxDoc()).scoreDocs) {
      Document d = searcher.storedFields().document(sd.doc, Set.of(IndexSchema.ID));
      out.put(Long.parseLong(d.get(IndexSchema.ID)), sd.score);
    }
    return out;
  }

  private static PostingDocument posting(long id, Random r, List<String> names) {
    Long community = r.nextInt(5) == 0 ? null : 1L + r.nextInt(9);
    int wageMin = 1500 + r.nextInt(4000);
    Integer minAge = r.nextBoolean() ? null : 18 + r.nextInt(20);
    return new PostingDocument(
        id,
        1 + r.nextInt(20),
        "单位" + id,
        "招" + pick(r, names),
        "描述",
        pick(r, names),
        some(r, names, 3),
        1 + r.nextInt(5),
        0,
        wageMin,
        wageMin + r.nextInt(3000),
        null,
        pick(r, Schedule.values()).name(),
        community,
        community != null ? "三明市" : pick(r, List.of("三明市", "厦门市", "福州市")),
        minAge,
        minAge == null || r.nextBoolean() ? null : minAge + r.nextInt(30),
        pick(r, Education.values()).name(),
        some(r, List.of("电工证", "健康证", "C1驾照"), 2),
        r.nextInt(4) == 0,
        r.nextBoolean(),
        r.nextBoolean(),
        TODAY.plusDays(r.nextInt(200) - 100),
        "OPEN",
        r.nextInt(5) == 0 ? null : TODAY.plusDays(r.nextInt(200) - 100),
        instant(r, 120));
  }

  private static JobseekerDocument jobseeker(long id, Random r, List<String> names) {
    List<String> schedules = new ArrayList<>();
    for (Schedule s : Schedule.values()) {
      if (r.nextInt(3) == 0) {
        schedules.add(s.name());
      }
    }
    List<String> categories = new ArrayList<>();
    for (DifficultyCategory c : DifficultyCategory.values()) {
      if (r.nextInt(4) == 0) {
        categories.add(c.name());
      }
    }
    return new JobseekerDocument(
        id,
        "居民" + id,
        r.nextBoolean() ? "FEMALE" : "MALE",
        1960 + r.nextInt(45),
        1 + r.nextInt(9),
        pick(r, Education.values()).name(),
        some(r, names, 3),
        r.nextBoolean() ? "做过" + pick(r, names) + "三年" : null,
        some(r, names, 2),
        r.nextInt(4) == 0 ? null : r.nextInt(5000),
        schedules,
        r.nextBoolean(),
        some(r, List.of("电工证", "健康证", "C1驾照"), 2),
        categories,
        r.nextInt(3) == 0 ? null : TODAY.minusDays(r.nextInt(800)),
        pick(r, List.of("SEEKING", "REFERRED", "EMPLOYED", "INACTIVE")),
        instant(r, 400));
  }

  /** An instant within the last {@code days}, at any time of day: days turn at midnight here. */
  private static Instant instant(Random r, int days) {
    long now = TODAY.atStartOfDay(ZONE).toInstant().toEpochMilli();
    return Instant.ofEpochMilli(now - (long) (r.nextDouble() * days * 86_400_000L));
  }

  private static <T> T pick(Random r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }

  private static <T> T pick(Random r, T[] items) {
    return items[r.nextInt(items.length)];
  }

  private static List<String> some(Random r, List<String> items, int most) {
    List<String> out = new ArrayList<>();
    for (int i = r.nextInt(most + 1); i > 0; i--) {
      String s = pick(r, items);
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
