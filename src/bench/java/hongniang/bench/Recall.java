package hongniang.bench;

import hongniang.occupations.Occupations;
import hongniang.search.query.PostingQuery;
import hongniang.search.query.SearchProbe;
import hongniang.search.query.Searches;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Recall on queries with known answers: the open, visible postings whose occupation a query's term
 * means (its synonym group, or the same occupation), against every hit of Lucene (the posting
 * search's own query, unpaged, through {@link SearchProbe}) and of PostgreSQL ({@code ILIKE}).
 */
final class Recall {

  /** A recall query: what is typed, and the term whose synonym group and occupation answer it. */
  record RecallQuery(String typed, String meaning) {}

  static final List<RecallQuery> QUERIES =
      Stream.concat(
              Stream.of(
                      "保洁", "清洁工", "环卫", "保安", "门卫", "防损员", "保姆", "家政", "钟点工", "月嫂", "母婴护理", "护工",
                      "养老护理", "快递", "骑手", "外卖员", "司机", "电工", "营业员", "收银", "普工", "绿化工", "协管员")
                  .map(t -> new RecallQuery(t, t)),
              Stream.of(
                  new RecallQuery("baojie", "保洁"),
                  new RecallQuery("bj", "保洁"),
                  new RecallQuery("baoan", "保安"),
                  new RecallQuery("baomu", "保姆"),
                  new RecallQuery("jiazheng", "家政"),
                  new RecallQuery("yuesao", "月嫂"),
                  new RecallQuery("hugong", "护工"),
                  new RecallQuery("kuaidi", "快递"),
                  new RecallQuery("siji", "司机")))
          .toList();

  private Recall() {}

  /**
   * The recall section and its target; a disagreement between the probe and the posting search
   * becomes one of {@code notes}.
   */
  static void section(
      Report report,
      List<String> notes,
      Connection c,
      LocalDate today,
      PostgresBaseline pg,
      SearchProbe probe,
      Searches searches,
      Occupations occupations)
      throws SQLException {
    Map<Long, String> visible = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id, p.occupation FROM posting p WHERE " + PostgresBaseline.VISIBLE)) {
      ps.setObject(1, today);
      ps.setObject(2, today);
      ps.setObject(3, today);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          visible.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    List<List<String>> rows = new ArrayList<>();
    double luceneSum = 0;
    double pgSum = 0;
    double lucenePinyin = 0;
    double pgPinyin = 0;
    int counted = 0;
    int pinyin = 0;
    List<String> skipped = new ArrayList<>();
    for (RecallQuery rq : QUERIES) {
      Set<Long> known = knownAnswers(rq.meaning(), visible, occupations);
      if (known.isEmpty()) {
        skipped.add(rq.typed());
        continue;
      }
      PostingQuery query =
          new PostingQuery(
              rq.typed(),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              0,
              1);
      Set<Long> lucene = probe.allPostingIds(query);
      long total = searches.postings(query).total();
      if (total != lucene.size()) {
        notes.add(
            "Recall probe disagrees with PostingSearch for "
                + rq.typed()
                + ": "
                + lucene.size()
                + " vs "
                + total
                + " hits.");
      }
      Set<Long> sql = pg.allPostingIds(rq.typed());
      long luceneFound = known.stream().filter(lucene::contains).count();
      long pgFound = known.stream().filter(sql::contains).count();
      long luceneOnly =
          known.stream().filter(id -> lucene.contains(id) && !sql.contains(id)).count();
      double lr = (double) luceneFound / known.size();
      double pr = (double) pgFound / known.size();
      luceneSum += lr;
      pgSum += pr;
      counted++;
      if (!rq.typed().equals(rq.meaning())) {
        lucenePinyin += lr;
        pgPinyin += pr;
        pinyin++;
      }
      rows.add(
          List.of(
              rq.typed().equals(rq.meaning())
                  ? rq.typed()
                  : "`" + rq.typed() + "` (" + rq.meaning() + ")",
              String.format(Locale.ROOT, "%,d", known.size()),
              String.format(Locale.ROOT, "%,d", lucene.size()),
              pct(lr),
              String.format(Locale.ROOT, "%,d", sql.size()),
              pct(pr),
              String.format(Locale.ROOT, "%,d", luceneOnly)));
    }
    report.section("Recall on queries with known answers");
    report.line(
        "Known answers of a query: the open, visible postings whose occupation is in the query"
            + " term's synonym group (`Occupations.synonymsOf`) or resolves to the same occupation"
            + " (`Occupations.find(...).code()`); pinyin queries take the answers of the term in"
            + " brackets. Recall is recall@all: the share of known answers among *all* hits"
            + " (Lucene: every match of the posting search's own query, unpaged; PostgreSQL:"
            + " every visible posting with `ILIKE '%typed%'` on title, occupation, skills or"
            + " description). \"Lucene only\": known answers Lucene returns and PostgreSQL misses.");
    report.line("");
    report.table(
        List.of(
            "query",
            "known answers",
            "Lucene hits",
            "Lucene recall",
            "PostgreSQL hits",
            "PostgreSQL recall",
            "Lucene only"),
        rows);
    double lm = luceneSum / counted;
    double pm = pgSum / counted;
    report.line(
        String.format(
            Locale.ROOT,
            "Mean recall over %d queries: Lucene **%s**, PostgreSQL **%s**. Pinyin queries alone"
                + " (%d): Lucene %s, PostgreSQL %s.%s",
            counted,
            pct(lm),
            pct(pm),
            pinyin,
            pct(lucenePinyin / Math.max(1, pinyin)),
            pct(pgPinyin / Math.max(1, pinyin)),
            skipped.isEmpty()
                ? ""
                : " Skipped, no known answers in the data: " + String.join(", ", skipped) + "."));
    report.target(
        9,
        "synonym and pinyin matches PostgreSQL misses",
        "Lucene recall above PostgreSQL's",
        "mean recall Lucene " + pct(lm) + ", PostgreSQL " + pct(pm),
        lm > pm);
  }

  private static Set<Long> knownAnswers(
      String term, Map<Long, String> visible, Occupations occupations) {
    Set<String> synonyms = occupations.synonymsOf(term);
    String code = occupations.find(term).map(Occupations.Occupation::code).orElse(null);
    Map<String, Boolean> relevant = new HashMap<>();
    Set<Long> out = new HashSet<>();
    visible.forEach(
        (id, occupation) -> {
          boolean yes =
              relevant.computeIfAbsent(
                  occupation,
                  o ->
                      synonyms.contains(o)
                          || (code != null
                              && occupations
                                  .find(o)
                                  .map(x -> x.code().equals(code))
                                  .orElse(false)));
          if (yes) {
            out.add(id);
          }
        });
    return out;
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }
}
