package hongniang.search.query;

import static hongniang.search.index.IndexSchema.*;

import hongniang.common.ApiProblem;
import hongniang.search.analysis.Analysis;
import hongniang.search.index.IndexSchema;
import hongniang.search.index.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** Searches open postings: anyone may, since postings hold no personal data. */
final class PostingSearch {

  static final List<String> FACETS = List.of(COMMUNITY, GROUP, SCHEDULE, WAGE_BAND);
  private static final String[] HIGHLIGHT = {TITLE, DESCRIPTION, SKILLS};
  private static final List<QueryText.Weighted> FIELDS =
      List.of(
          new QueryText.Weighted(TITLE, 3f),
          new QueryText.Weighted(OCCUPATION, 3f),
          new QueryText.Weighted(SKILLS, 2f),
          new QueryText.Weighted(DESCRIPTION, 1f));
  // descriptions are long free text: searched when titles, occupations and skills find little
  static final List<QueryText.Weighted> PRIMARY_FIELDS = FIELDS.subList(0, 3);
  static final List<String> SHORT_FIELDS = List.of(TITLE, OCCUPATION, SKILLS);
  private static final Set<String> SORTS = Set.of("relevance", "newest", "wage");
  private final SearchIndex index;
  private final Analysis analysis;
  private final Clock clock;
  private final FacetedSearch faceted;
  private final QueryCache<QueryText.Passes> texts = new QueryCache<>();

  PostingSearch(SearchIndex index, Analysis analysis, Clock clock) {
    this.index = index;
    this.analysis = analysis;
    this.clock = clock;
    this.faceted = new FacetedSearch(analysis.index(), POSTING_SHOWN, POSTING_COPIED);
  }

  /** Runs the search; a 400 names a bad parameter. */
  PostingHits search(PostingQuery request) {
    SearchPage page = SearchPage.of(request.page(), request.size());
    String sortName = SearchPage.sortName(request.sort(), SORTS);
    if (request.wageFrom() != null
        && request.wageTo() != null
        && request.wageFrom() > request.wageTo()) {
      throw ApiProblem.invalid("wageTo", "WageRange", "wageTo must not be below wageFrom");
    }
    String text = QueryText.clean(request.q());
    QueryText.Passes passes = texts.get(text, t -> textQueries(t, analysis));
    Query words = passes.words();
    Query wider = passes.wider();
    return index.withPostings(
        searcher -> {
          Sort sort = sort(sortName, words != null);
          FacetedSearch.Result result =
              faceted.run(
                  searcher,
                  q -> combine(searcher, q, request),
                  words,
                  wider,
                  sort,
                  page,
                  FACETS,
                  HIGHLIGHT);
          return new PostingHits(
              result.total(),
              result.totalExact(),
              page.page(),
              page.size(),
              hits(result),
              result.facets());
        });
  }

  /** The words and wider passes of a posting search's text. */
  static QueryText.Passes textQueries(String clean, Analysis analysis) {
    return QueryText.passes(clean, analysis, PRIMARY_FIELDS, FIELDS, SHORT_FIELDS, MATCH);
  }

  /**
   * A search's whole query: its text, filters and licences; not private, as the benchmark's {@code
   * SearchProbe} runs it unpaged for recall.
   */
  Query combine(IndexSearcher searcher, Query text, PostingQuery r) {
    long today = LocalDate.now(clock).toEpochDay();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(text == null ? new MatchAllDocsQuery() : text, BooleanClause.Occur.MUST);
    // a posting vanishes the day its own validity or its unit's agreement ends
    Filters.filter(b, LongField.newRangeQuery(VALID_THROUGH, today, Long.MAX_VALUE));
    Filters.filter(b, LongField.newRangeQuery(AGREEMENT_UNTIL, today, Long.MAX_VALUE));
    if (r.communityId() != null) {
      Filters.filter(b, new TermQuery(new Term(COMMUNITY, Long.toString(r.communityId()))));
    }
    if (r.outsideDistrict() != null) {
      Filters.filter(b, new TermQuery(new Term(OUTSIDE, r.outsideDistrict().toString())));
    }
    Filters.term(b, CITY, r.city());
    Filters.term(b, SCHEDULE, r.schedule());
    Filters.term(b, GROUP, r.group());
    if (r.partnerUnitId() != null) {
      Filters.filter(b, new TermQuery(new Term(UNIT, Long.toString(r.partnerUnitId()))));
    }
    // wage ranges overlap: the posting pays at least wageFrom at its top and at most wageTo at
    // its bottom
    if (r.wageFrom() != null) {
      Filters.filter(b, IntField.newRangeQuery(WAGE_MAX, r.wageFrom(), Integer.MAX_VALUE));
    }
    if (r.wageTo() != null) {
      Filters.filter(b, IntField.newRangeQuery(WAGE_MIN, Integer.MIN_VALUE, r.wageTo()));
    }
    Filters.flag(b, PUBLIC_WELFARE, r.publicWelfare());
    Filters.flag(b, ACCOMMODATION, r.accommodation());
    Filters.flag(b, DISABILITY_FRIENDLY, r.disabilityFriendly());
    if (r.heldLicences() != null) {
      Set<BytesRef> missing = licencesOtherThan(searcher, new HashSet<>(r.heldLicences()));
      if (!missing.isEmpty()) {
        b.add(new TermInSetQuery(LICENCE, missing), BooleanClause.Occur.MUST_NOT);
      }
    }
    return b.build();
  }

  /** Every licence some posting requires that the searcher does not hold. */
  static Set<BytesRef> licencesOtherThan(IndexSearcher searcher, Set<String> held) {
    Set<BytesRef> out = new HashSet<>();
    try {
      Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), LICENCE);
      if (terms == null) {
        return out;
      }
      TermsEnum e = terms.iterator();
      for (BytesRef t = e.next(); t != null; t = e.next()) {
        if (!held.contains(t.utf8ToString())) {
          out.add(BytesRef.deepCopyOf(t));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Sort sort(String name, boolean hasText) {
    String n = name == null ? (hasText ? "relevance" : "newest") : name;
    return switch (n) {
      case "newest" -> IndexSchema.POSTING_ORDER;
      case "wage" ->
          new Sort(
              IntField.newSortField(WAGE_MAX, true, SortedNumericSelector.Type.MAX),
              LongField.newSortField(CREATED, true, SortedNumericSelector.Type.MAX));
      default -> null;
    };
  }

  private static List<PostingHits.Hit> hits(FacetedSearch.Result result) {
    List<PostingHits.Hit> out = new ArrayList<>();
    for (int i = 0; i < result.page().length; i++) {
      ScoreDoc sd = result.page()[i];
      Document d = result.documents()[i];
      Map<String, String> highlights = result.highlightsOf(i, HIGHLIGHT);
      String community = d.get(COMMUNITY);
      out.add(
          new PostingHits.Hit(
              Long.parseLong(d.get(ID)),
              d.get(TITLE),
              Long.parseLong(d.get(UNIT)),
              d.get(UNIT_NAME),
              d.get(OCCUPATION),
              d.get(GROUP),
              NO_COMMUNITY.equals(community) ? null : Long.valueOf(community),
              d.get(CITY),
              d.get(SCHEDULE),
              d.getField(WAGE_MIN).numericValue().intValue(),
              d.getField(WAGE_MAX).numericValue().intValue(),
              d.get(WAGE_NOTE),
              d.getField(REMAINING).numericValue().intValue(),
              "1".equals(d.get(PUBLIC_WELFARE)),
              "1".equals(d.get(ACCOMMODATION)),
              "1".equals(d.get(DISABILITY_FRIENDLY)),
              List.of(d.getValues(LICENCE)),
              LocalDate.ofEpochDay(d.getField(VALID_THROUGH).numericValue().longValue()),
              Float.isNaN(sd.score) ? 0f : sd.score,
              highlights));
    }
    return out;
  }
}
