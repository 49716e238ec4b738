package hongniang.search.query;

import static hongniang.search.index.IndexSchema.*;

import hongniang.common.ApiProblem;
import hongniang.search.analysis.Analysis;
import hongniang.search.index.IndexSchema;
import hongniang.search.index.LuceneDocuments;
import hongniang.search.index.SearchIndex;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;

/** Searches resident profiles by skill and wish; for matchmakers and admins only. */
final class JobseekerSearch {

  static final List<String> FACETS = List.of(COMMUNITY, STATUS, CATEGORY);
  private static final String[] HIGHLIGHT = {SKILLS, DESIRED, EXPERIENCE};
  private static final List<QueryText.Weighted> FIELDS =
      List.of(
          new QueryText.Weighted(DESIRED, 3f),
          new QueryText.Weighted(SKILLS, 2f),
          new QueryText.Weighted(EXPERIENCE, 1f));
  private static final List<QueryText.Weighted> PRIMARY_FIELDS = FIELDS.subList(0, 2);
  private static final List<String> SHORT_FIELDS = List.of(DESIRED, SKILLS);
  private static final Set<String> SORTS = Set.of("relevance", "newest");
  // the stored values a hit shows: not the long texts, which only the highlighter reads
  private static final Set<String> SHOWN =
      Set.of(
          ID,
          "name",
          "gender",
          BIRTH_YEAR,
          COMMUNITY,
          STATUS,
          "education_name",
          "skill_item",
          "desired_item",
          CATEGORY,
          LICENCE,
          MIN_WAGE);

  private final SearchIndex index;
  private final Analysis analysis;
  private final Clock clock;
  private final FacetedSearch faceted;
  private final QueryCache<QueryText.Passes> texts = new QueryCache<>();

  JobseekerSearch(SearchIndex index, Analysis analysis, Clock clock) {
    this.index = index;
    this.analysis = analysis;
    this.clock = clock;
    this.faceted = new FacetedSearch(analysis.index(), SHOWN, Set.of());
  }

  /** Runs the search; a 400 names a bad parameter. */
  JobseekerHits search(JobseekerQuery r) {
    SearchPage page = SearchPage.of(r.page(), r.size());
    String sortName = SearchPage.sortName(r.sort(), SORTS);
    if (r.minAge() != null && r.maxAge() != null && r.minAge() > r.maxAge()) {
      throw ApiProblem.invalid("maxAge", "AgeRange", "maxAge must not be below minAge");
    }
    String text = QueryText.clean(r.q());
    // work histories are long free text: searched when skills and wishes find little
    QueryText.Passes passes =
        texts.get(
            text, t -> QueryText.passes(t, analysis, PRIMARY_FIELDS, FIELDS, SHORT_FIELDS, null));
    Query words = passes.words();
    Query wider = passes.wider();
    Sort sort =
        "newest".equals(sortName) || (sortName == null && words == null)
            ? IndexSchema.JOBSEEKER_ORDER
            : null;
    return index.withJobseekers(
        searcher -> {
          FacetedSearch.Result result =
              faceted.run(
                  searcher,
                  q -> filtered(q, r),
                  words,
                  wider,
                  sort,
                  page,
                  Boolean.TRUE.equals(r.facets()) ? FACETS : List.of(),
                  Boolean.TRUE.equals(r.highlight()) ? HIGHLIGHT : new String[0]);
          return new JobseekerHits(
              result.total(),
              result.totalExact(),
              page.page(),
              page.size(),
              hits(result),
              result.facets());
        });
  }

  /** The text query (or every profile) under the request's filters. */
  private Query filtered(Query textQuery, JobseekerQuery r) {
    int year = LocalDate.now(clock).getYear();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(textQuery == null ? new MatchAllDocsQuery() : textQuery, BooleanClause.Occur.MUST);
    if (r.communityId() != null) {
      Filters.term(b, COMMUNITY, Long.toString(r.communityId()));
    }
    if (r.status() == null) {
      // residents who found work or stopped looking are not candidates unless asked for
      JobseekerQuery.NOT_LOOKING.forEach(
          s -> b.add(new TermQuery(new Term(STATUS, s)), BooleanClause.Occur.MUST_NOT));
    } else if (!JobseekerQuery.ANY_STATUS.equals(r.status())) {
      Filters.term(b, STATUS, r.status());
    }
    Filters.term(b, CATEGORY, r.category());
    Filters.term(b, SCHEDULE, r.schedule());
    Filters.term(b, LICENCE, r.licence());
    Filters.flag(b, WILLING_OUTSIDE, r.willingOutside());
    if (r.minEducation() != null) {
      Filters.filter(
          b,
          IntField.newRangeQuery(EDUCATION, LuceneDocuments.educationRank(r.minEducation()), 100));
    }
    if (r.wageAtMost() != null) {
      Filters.filter(b, IntField.newRangeQuery(MIN_WAGE, 0, r.wageAtMost()));
    }
    if (r.minAge() != null || r.maxAge() != null) {
      int from = r.maxAge() == null ? 1900 : year - r.maxAge();
      int to = r.minAge() == null ? year : year - r.minAge();
      Filters.filter(b, IntField.newRangeQuery(BIRTH_YEAR, from, to));
    }
    return b.build();
  }

  private static List<JobseekerHits.Hit> hits(FacetedSearch.Result result) {
    List<JobseekerHits.Hit> out = new ArrayList<>();
    for (int i = 0; i < result.page().length; i++) {
      ScoreDoc sd = result.page()[i];
      Document d = result.documents()[i];
      Map<String, String> highlights = result.highlightsOf(i, HIGHLIGHT);
      out.add(
          new JobseekerHits.Hit(
              Long.parseLong(d.get(ID)),
              d.get("name"),
              d.get("gender"),
              d.getField(BIRTH_YEAR).numericValue().intValue(),
              Long.parseLong(d.get(COMMUNITY)),
              d.get(STATUS),
              d.get("education_name"),
              List.of(d.getValues("skill_item")),
              List.of(d.getValues("desired_item")),
              List.of(d.getValues(CATEGORY)),
              List.of(d.getValues(LICENCE)),
              d.getField(MIN_WAGE).numericValue().intValue(),
              Float.isNaN(sd.score) ? 0f : sd.score,
              highlights));
    }
    return out;
  }
}
