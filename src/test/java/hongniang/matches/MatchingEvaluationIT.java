package hongniang.matches;

import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.documents.MatchRecords;
import hongniang.jobseekers.JobseekerRequest;
import hongniang.matching.Jobseeker;
import hongniang.matching.Matcher;
import hongniang.matching.Posting;
import hongniang.matching.Scorer;
import hongniang.matching.Weights;
import hongniang.partners.PartnerUnitRequest;
import hongniang.postings.PostingRequest;
import hongniang.postings.PostingStatus;
import hongniang.support.Api;
import hongniang.support.Fixtures;
import hongniang.support.Reply;
import hongniang.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The judged set of {@code src/test/resources/matching-eval} (31 residents × 56 postings, graded
 * 0–3 by the rubric in its README, colloquial names and names the occupation list lacks among them)
 * loaded through the API into a database of its own; the real match endpoints are measured by
 * NDCG@10 both ways, beside plain text relevance (the search API: BM25 over the same fields,
 * synonyms included).
 */
class MatchingEvaluationIT {

  private static final String RESOURCES = "/matching-eval/";
  private static final double NDCG_FLOOR = 0.95;

  /**
   * The queries about the words people write (issue 14): colloquial names (美甲师, 网约车司机, 陪诊员, 整理收纳师,
   * 代驾) and names the list lacks, the same on both sides (快递分拣打包员, 无人机植保飞手).
   */
  private static final Set<String> WORDS_PEOPLE_WRITE =
      Set.of("R26", "R27", "R28", "R29", "R30", "R31", "P51", "P52", "P53", "P54", "P55", "P56");

  private static final double MARGIN_OVER_TEXT = 0.10;

  private EmbeddedServer server;
  private Api api;
  private String admin;
  private final Map<String, Long> postingIds = new LinkedHashMap<>();
  private final Map<String, Long> residentIds = new LinkedHashMap<>();
  private final Map<Long, String> postingKeys = new HashMap<>();
  private final Map<Long, String> residentKeys = new HashMap<>();
  private final Map<String, Map<String, Judgment>> byResident = new LinkedHashMap<>();
  private final Map<String, Map<String, Judgment>> byPosting = new LinkedHashMap<>();
  private List<Map<String, Object>> postings;
  private List<Map<String, Object>> residents;

  private record Judgment(int forResident, int forPosting, String why) {
    boolean hardFail() {
      return why.startsWith("hard:");
    }
  }

  @BeforeAll
  void loadTheJudgedWorld() throws Exception {
    Path index = Files.createTempDirectory("hongniang-eval-index");
    Map<String, Object> props = new HashMap<>(TestDatabase.freshDatabase("hongniang_eval"));
    props.put("hongniang.search.dir", index.toString());
    props.put("micronaut.server.port", "-1");
    server =
        ApplicationContext.builder()
            .environments("test")
            .properties(props)
            .run(EmbeddedServer.class);
    JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
    api = new Api(HttpClient.create(server.getURL()), json);
    admin = api.login("admin", "admin-test-password");

    Map<String, Long> communities = new HashMap<>();
    for (Object c : api.get("/api/v1/communities?size=50", admin).list("items")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) c;
      communities.put((String) m.get("name"), ((Number) m.get("id")).longValue());
    }
    List<Map<String, Object>> units = read(json, "units.json");
    postings = read(json, "postings.json");
    residents = read(json, "residents.json");

    Map<String, Long> unitIds = new HashMap<>();
    Map<String, Long> agreementIds = new HashMap<>();
    for (Map<String, Object> u : units) {
      PartnerUnitRequest body = edit(Fixtures.aPartnerUnit()).name((String) u.get("name")).build();
      long id = created(api.post("/api/v1/partners", body, admin)).num("id");
      unitIds.put((String) u.get("key"), id);
      Reply signed =
          api.post(
              "/api/v1/partners/" + id + "/agreements",
              Fixtures.anAgreement(
                  communities.get("下洋"),
                  LocalDate.now().minusMonths(2),
                  LocalDate.now().plusYears(2)),
              admin);
      agreementIds.put((String) u.get("key"), created(signed).num("id"));
    }
    for (Map<String, Object> p : postings) {
      Map<String, Object> row = new LinkedHashMap<>(p);
      String key = (String) row.remove("key");
      long unit = unitIds.get((String) row.remove("unit"));
      Object community = row.remove("community");
      // places filled count placements, which no request sets: they are written as placements
      // write them, below
      Object filled = row.remove("filledCount");
      // the rest of the row is a posting request: read as one, a field the API no longer has
      // fails here, by name
      PostingRequest request = as(json, row, PostingRequest.class);
      boolean closed = request.status() == PostingStatus.CLOSED;
      PostingRequest body =
          edit(request)
              .partnerUnitId(unit)
              .workCommunityId(community == null ? null : communities.get((String) community))
              .outsideDistrict(community == null ? true : null)
              .status(PostingStatus.OPEN)
              .build();
      long id = created(api.post("/api/v1/postings", body, admin)).num("id");
      if (filled instanceof Number places && places.intValue() > 0) {
        fill(id, places.intValue());
      }
      if (closed) {
        assertEquals(200, api.post("/api/v1/postings/" + id + "/close", Map.of(), admin).status());
      }
      postingIds.put(key, id);
      postingKeys.put(id, key);
    }
    for (Map<String, Object> u : units) {
      if ("SUSPENDED".equals(u.get("agreement"))) {
        long agreement = agreementIds.get((String) u.get("key"));
        Reply suspended = api.post("/api/v1/agreements/" + agreement + "/suspend", Map.of(), admin);
        assertEquals(200, suspended.status(), suspended.toString());
      }
    }
    for (Map<String, Object> r : residents) {
      Map<String, Object> row = new LinkedHashMap<>(r);
      String key = (String) row.remove("key");
      long community = communities.get((String) row.remove("community"));
      JobseekerRequest body =
          edit(as(json, row, JobseekerRequest.class)).communityId(community).build();
      long id = created(api.post("/api/v1/jobseekers", body, admin)).num("id");
      residentIds.put(key, id);
      residentKeys.put(id, key);
    }
    readJudgments();
    awaitIndexed();
  }

  /** Fills places as placements do: in SQL, raising the version, FILLED when none is left. */
  private void fill(long postingId, int places) throws SQLException {
    DataSource data =
        DelegatingDataSource.unwrapDataSource(
            server.getApplicationContext().getBean(DataSource.class));
    try (Connection c = data.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE posting SET filled_count = ?, version = version + 1,"
                    + " status = CASE WHEN ? >= headcount THEN 'FILLED' ELSE status END"
                    + " WHERE id = ?")) {
      update.setInt(1, places);
      update.setInt(2, places);
      update.setLong(3, postingId);
      assertEquals(1, update.executeUpdate());
    }
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.getApplicationContext().close();
    }
  }

  @Test
  void rankingPostingsForResidents() {
    evaluate(
        "postings for a resident",
        residents,
        residentIds,
        byResident,
        id -> "/api/v1/jobseekers/" + id + "/matches?size=100",
        "postingId",
        postingKeys,
        r -> {
          String q = text(r, "desiredOccupations", "skills");
          return q.isEmpty() ? null : "/api/v1/postings/search?size=50&q=" + encode(q);
        },
        Judgment::forResident);
  }

  @Test
  void rankingResidentsForPostings() {
    evaluate(
        "residents for a posting",
        postings,
        postingIds,
        byPosting,
        id -> "/api/v1/postings/" + id + "/matches?size=100",
        "jobseekerId",
        residentKeys,
        p ->
            "/api/v1/jobseekers/search?size=50&q="
                + encode(text(p, "title", "occupation", "skills")),
        Judgment::forPosting);
  }

  /**
   * Asks the match endpoint for every query item and the text search as the baseline (a null path:
   * no baseline query, nothing found); checks that no top ten breaks a hard rule, prints NDCG@10 of
   * both and asserts the floor and the margin.
   */
  private void evaluate(
      String what,
      List<Map<String, Object>> queries,
      Map<String, Long> ids,
      Map<String, Map<String, Judgment>> judgments,
      Function<Long, String> matchesPath,
      String idField,
      Map<Long, String> keysById,
      Function<Map<String, Object>, String> baselinePath,
      Function<Judgment, Integer> grade) {
    Figures matches = new Figures();
    Figures text = new Figures();
    Figures words = new Figures();
    for (Map<String, Object> row : queries) {
      String key = (String) row.get("key");
      Map<String, Judgment> judged = judgments.get(key);
      List<String> ranked =
          keys(api.get(matchesPath.apply(ids.get(key)), admin).list("matches"), idField, keysById);
      for (String other : ranked.subList(0, Math.min(10, ranked.size()))) {
        Judgment j = judged.get(other);
        assertTrue(!j.hardFail(), key + " ranks " + other + " against a hard rule: " + j.why());
      }
      matches.add(key, ndcg(ranked, judged, grade));
      if (WORDS_PEOPLE_WRITE.contains(key)) {
        words.add(key, ndcg(ranked, judged, grade));
      }
      // every pair graded 3 is in the top ten (or, with more than ten of them, the top ten are all
      // 3s)
      List<String> top = ranked.subList(0, Math.min(10, ranked.size()));
      List<String> best =
          judged.entrySet().stream()
              .filter(e -> grade.apply(e.getValue()) == 3)
              .map(Map.Entry::getKey)
              .toList();
      if (best.size() <= 10) {
        assertTrue(
            top.containsAll(best),
            key + ": a grade-3 pair outside the top ten: " + best + " vs " + top);
      } else {
        assertTrue(
            best.containsAll(top), key + ": more than ten grade-3 pairs, not all on top: " + top);
      }
      String path = baselinePath.apply(row);
      List<String> baseline =
          path == null ? List.of() : keys(api.get(path, admin).list("hits"), "id", keysById);
      text.add(key, ndcg(baseline, judged, grade));
    }
    report(what, matches, text);
    System.out.printf(
        Locale.ROOT,
        "[matching evaluation] %s, words people write (%s): NDCG@10 matching %.3f over %d queries%n",
        what,
        String.join(" ", words.byQuery.keySet()),
        words.mean(),
        words.byQuery.size());
    assertTrue(matches.mean() >= NDCG_FLOOR, "NDCG@10 " + matches.mean());
    assertTrue(words.mean() >= NDCG_FLOOR, "NDCG@10 on the words people write " + words.mean());
    assertTrue(
        matches.mean() - text.mean() >= MARGIN_OVER_TEXT,
        "matching " + matches.mean() + " vs text " + text.mean());
  }

  /**
   * The defaults against other weightings on the same set, in process through the same ranking code
   * as the API: the evidence for the defaults docs/matching.md documents.
   */
  @Test
  void theDefaultWeightsAreAsGoodAsTheAlternatives() {
    MatchService service = server.getApplicationContext().getBean(MatchService.class);
    MatchRecords records = server.getApplicationContext().getBean(MatchRecords.class);
    String homeCity = server.getApplicationContext().getBean(MatchingSettings.class).getHomeCity();
    java.time.LocalDate today =
        java.time.LocalDate.now(server.getApplicationContext().getBean(java.time.Clock.class));
    Map<String, Weights> variants = new LinkedHashMap<>();
    Weights d = Weights.defaults();
    variants.put("defaults", d);
    variants.put("occupation only", new Weights(30, 0, 0, 0, 0, 0, 0, 0, 0));
    variants.put("all parts equal (10)", new Weights(10, 10, 10, 10, 10, 10, 10, 10, 10));
    variants.put("no two-sided balance", new Weights(30, 15, 15, 10, 5, 10, 5, 15, 0));
    variants.put("no priority", new Weights(30, 15, 15, 10, 5, 10, 5, 0, 10));
    variants.put("no skills or experience", new Weights(30, 0, 15, 10, 5, 0, 5, 15, 10));
    variants.put("wage and place doubled", new Weights(30, 15, 30, 20, 5, 10, 5, 15, 10));
    variants.put("occupation halved", new Weights(15, 15, 15, 10, 5, 10, 5, 15, 10));
    Map<String, double[]> results = new LinkedHashMap<>();
    for (Map.Entry<String, Weights> v : variants.entrySet()) {
      Scorer scorer = new Scorer(v.getValue(), homeCity);
      Matcher matcher = service.matcher(scorer);
      Figures forResidents = new Figures();
      for (Map.Entry<String, Long> r : residentIds.entrySet()) {
        Jobseeker jobseeker = records.jobseeker(r.getValue()).orElseThrow();
        List<String> ranked =
            matcher.postingsFor(jobseeker, 100, today).stream()
                .map(x -> postingKeys.get(x.item().id()))
                .filter(java.util.Objects::nonNull)
                .toList();
        forResidents.add(
            r.getKey(), ndcg(ranked, byResident.get(r.getKey()), Judgment::forResident));
      }
      Figures forPostings = new Figures();
      for (Map.Entry<String, Long> p : postingIds.entrySet()) {
        Posting posting = records.posting(p.getValue()).orElseThrow();
        List<String> ranked =
            matcher.jobseekersFor(posting, 100, null, today).stream()
                .map(x -> residentKeys.get(x.item().id()))
                .filter(java.util.Objects::nonNull)
                .toList();
        forPostings.add(p.getKey(), ndcg(ranked, byPosting.get(p.getKey()), Judgment::forPosting));
      }
      results.put(v.getKey(), new double[] {forResidents.mean(), forPostings.mean()});
    }
    StringBuilder table =
        new StringBuilder(
            "[matching evaluation] weights: NDCG@10 postings for a"
                + " resident / residents for a posting");
    results.forEach(
        (name, r) ->
            table.append(String.format(Locale.ROOT, "%n  %-26s %.3f / %.3f", name, r[0], r[1])));
    System.out.println(table);
    double[] defaults = results.get("defaults");
    for (Map.Entry<String, double[]> r : results.entrySet()) {
      assertTrue(
          defaults[0] >= r.getValue()[0] - 0.01 && defaults[1] >= r.getValue()[1] - 0.01,
          "the defaults lose to '" + r.getKey() + "': " + table);
    }
    // and the evaluation can tell weightings apart: occupation alone is clearly worse
    double[] alone = results.get("occupation only");
    assertTrue(defaults[0] + defaults[1] > alone[0] + alone[1] + 0.05, table.toString());
  }

  /** NDCG@10 of a ranking against graded judgments; null when nothing is relevant. */
  static Double ndcg(
      List<String> ranked, Map<String, Judgment> judged, Function<Judgment, Integer> grade) {
    List<Integer> ideal = new ArrayList<>();
    judged.values().forEach(j -> ideal.add(grade.apply(j)));
    ideal.sort((a, b) -> b - a);
    double best = dcg(ideal);
    if (best == 0) {
      return null;
    }
    List<Integer> got = new ArrayList<>();
    for (String k : ranked) {
      Judgment j = judged.get(k);
      got.add(j == null ? 0 : grade.apply(j));
    }
    return dcg(got) / best;
  }

  private static double dcg(List<Integer> grades) {
    double sum = 0;
    for (int i = 0; i < Math.min(10, grades.size()); i++) {
      sum += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
    }
    return sum;
  }

  /** Per-query figures; queries with nothing relevant are counted apart. */
  private static final class Figures {
    final Map<String, Double> byQuery = new LinkedHashMap<>();
    int unjudgeable;

    void add(String key, Double value) {
      if (value == null) {
        unjudgeable++;
      } else {
        byQuery.put(key, value);
      }
    }

    double mean() {
      return byQuery.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
  }

  private static void report(String what, Figures matches, Figures text) {
    StringBuilder worst = new StringBuilder();
    matches.byQuery.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .limit(5)
        .forEach(
            e -> worst.append(String.format(Locale.ROOT, " %s %.3f", e.getKey(), e.getValue())));
    System.out.printf(
        Locale.ROOT,
        "[matching evaluation] %s: NDCG@10 matching %.3f, text relevance (BM25) %.3f, gain %.3f"
            + " over %d queries (%d with nothing relevant left out); lowest:%s%n",
        what,
        matches.mean(),
        text.mean(),
        matches.mean() - text.mean(),
        matches.byQuery.size(),
        matches.unjudgeable,
        worst);
  }

  private List<String> keys(List<?> hits, String idField, Map<Long, String> keysById) {
    List<String> out = new ArrayList<>();
    for (Object h : hits) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) h;
      String key = keysById.get(((Number) m.get(idField)).longValue());
      if (key != null) {
        out.add(key);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static String text(Map<String, Object> row, String... fields) {
    List<String> parts = new ArrayList<>();
    for (String f : fields) {
      Object v = row.get(f);
      if (v instanceof List<?> list) {
        list.forEach(x -> parts.add(String.valueOf(x)));
      } else if (v != null) {
        parts.add(String.valueOf(v));
      }
    }
    String joined = String.join(" ", parts);
    return joined.length() > 100 ? joined.substring(0, 100) : joined;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Reply created(Reply reply) {
    if (reply.status() != 201) {
      throw new AssertionError("not created: " + reply);
    }
    return reply;
  }

  private void readJudgments() throws IOException {
    try (InputStream in = getClass().getResourceAsStream(RESOURCES + "judgments.tsv")) {
      List<String> lines =
          List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        Judgment j = new Judgment(Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4]);
        byResident.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], j);
        byPosting.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(f[0], j);
      }
    }
    assertEquals(31, byResident.size());
    assertEquals(56, byPosting.size());
  }

  /** A row of the judged set as the API's request record; an unknown field fails by name. */
  private static <T> T as(JsonMapper json, Map<String, Object> row, Class<T> type)
      throws IOException {
    return json.readValue(json.writeValueAsBytes(row), Argument.of(type));
  }

  private List<Map<String, Object>> read(JsonMapper json, String file) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(RESOURCES + file)) {
      return json.readValue(
          in.readAllBytes(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }
  }

  private void awaitIndexed() throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      Reply status = api.get("/api/v1/search/status", admin);
      if (status.num("pendingChanges") == 0 && status.num("jobseekers") == residents.size()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "the index did not catch up: " + api.get("/api/v1/search/status", admin));
  }
}
