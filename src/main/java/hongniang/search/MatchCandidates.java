package hongniang.search;

import static hongniang.search.IndexSchema.AGREEMENT_UNTIL;
import static hongniang.search.IndexSchema.BIRTH_YEAR;
import static hongniang.search.IndexSchema.CATEGORY;
import static hongniang.search.IndexSchema.CITY;
import static hongniang.search.IndexSchema.COMMUNITY;
import static hongniang.search.IndexSchema.CREATED;
import static hongniang.search.IndexSchema.DESIRED_CODE;
import static hongniang.search.IndexSchema.EDUCATION;
import static hongniang.search.IndexSchema.FIRST_SCHEDULE;
import static hongniang.search.IndexSchema.GROUP;
import static hongniang.search.IndexSchema.ID;
import static hongniang.search.IndexSchema.LICENCE;
import static hongniang.search.IndexSchema.MAX_AGE;
import static hongniang.search.IndexSchema.MIN_AGE;
import static hongniang.search.IndexSchema.MIN_EDUCATION;
import static hongniang.search.IndexSchema.MIN_WAGE;
import static hongniang.search.IndexSchema.OCCUPATION_CODE;
import static hongniang.search.IndexSchema.OUTSIDE;
import static hongniang.search.IndexSchema.PAST_CODE;
import static hongniang.search.IndexSchema.PAST_GROUP;
import static hongniang.search.IndexSchema.PUBLIC_WELFARE;
import static hongniang.search.IndexSchema.REMAINING;
import static hongniang.search.IndexSchema.SCHEDULE;
import static hongniang.search.IndexSchema.SKILL_KEY;
import static hongniang.search.IndexSchema.STATUS;
import static hongniang.search.IndexSchema.UNEMPLOYED_SINCE;
import static hongniang.search.IndexSchema.UPDATED;
import static hongniang.search.IndexSchema.VALID_THROUGH;
import static hongniang.search.IndexSchema.WAGE_MAX;
import static hongniang.search.IndexSchema.WILLING_OUTSIDE;

import hongniang.common.DifficultyCategory;
import hongniang.common.Schedule;
import hongniang.matching.Opening;
import hongniang.matching.Seeker;
import hongniang.matching.Weights;
import hongniang.matching.Work;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * Candidates for matching, from the index, and the matching records of rows, from PostgreSQL.
 *
 * <p>A candidate query filters on the hard rules the index can check and scores with constant-score
 * clauses that mirror the scorer's tiers (occupation, experience, skills, wage, place, schedule,
 * freshness, priority), so its top few hundred hold the scorer's top ten. The rows are then read
 * fresh from PostgreSQL; matching re-checks every hard rule and scores them exactly.
 */
@Singleton
public class MatchCandidates {

  private static final Set<String> SEEKING = Set.of("SEEKING", "REFERRED");

  private final SearchIndex index;
  private final DocumentSource source;
  private final Clock clock;
  private final MatchRecords records;
  private final String homeCity;

  MatchCandidates(
      SearchIndex index,
      DocumentSource source,
      Clock clock,
      @Value("${hongniang.matching.home-city:三明市}") String homeCity) {
    this.index = index;
    this.source = source;
    this.clock = clock;
    this.records = new MatchRecords(index.analysis().occupations(), clock.getZone());
    this.homeCity = homeCity;
  }

  /** The city the street office is in: work there but outside the district is "same city". */
  public String homeCity() {
    return homeCity;
  }

  /** The resident, read from PostgreSQL. */
  public Optional<Seeker> seeker(long id) {
    return source.jobseekers(List.of(id)).stream().findFirst().map(records::seeker);
  }

  /** The posting, read from PostgreSQL. */
  public Optional<Opening> opening(long id) {
    return source.postings(List.of(id)).stream().findFirst().map(records::opening);
  }

  /** Residents by id, in the order given, those that exist. */
  public List<Seeker> seekers(Collection<Long> ids) {
    Map<Long, Seeker> byId = new HashMap<>();
    source.jobseekers(ids).forEach(r -> byId.put(r.id(), records.seeker(r)));
    return inOrder(ids, byId);
  }

  /** Postings by id, in the order given, those that exist. */
  public List<Opening> openings(Collection<Long> ids) {
    Map<Long, Opening> byId = new HashMap<>();
    source.postings(ids).forEach(r -> byId.put(r.id(), records.opening(r)));
    return inOrder(ids, byId);
  }

  /** Every open posting: brute-force comparisons and the match board read them all. */
  public void eachOpenOpening(Consumer<Opening> sink) {
    source.eachOpenPosting(r -> sink.accept(records.opening(r)));
  }

  /** Every resident: brute-force comparisons read them all. */
  public void eachSeeker(Consumer<Seeker> sink) {
    source.eachJobseeker(r -> sink.accept(records.seeker(r)));
  }

  /** The ids of residents looking for work, in a community or everywhere, at most {@code limit}. */
  public List<Long> seekingResidentIds(Long communityId, int limit) {
    return source.seekingJobseekerIds(communityId, limit);
  }

  /** The ids of open postings with places left, newest first, at most {@code limit}. */
  public List<Long> openPostingIds(int limit) {
    return source.openPostingIdsWithPlaces(limit);
  }

  /**
   * Up to {@code k} open postings for the resident, best candidates first. With {@code hard} false
   * the hard rules are not filtered (for "why not" lists); only open postings are indexed.
   */
  public List<Opening> openingsFor(Seeker s, Weights w, int k, boolean hard) {
    List<Long> ids =
        index.withPostings(searcher -> topIds(searcher, postingQuery(searcher, s, w, hard), k));
    return openings(ids);
  }

  /**
   * Up to {@code k} residents for the posting, best candidates first; within one community when
   * {@code communityId} is given.
   */
  public List<Seeker> seekersFor(Opening o, Weights w, int k, boolean hard, Long communityId) {
    Query query = jobseekerQuery(o, w, hard, communityId);
    List<Long> ids = index.withJobseekers(searcher -> topIds(searcher, query, k));
    return seekers(ids);
  }

  Query postingQuery(IndexSearcher searcher, Seeker s, Weights w, boolean hard) {
    LocalDate today = LocalDate.now(clock);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (hard) {
      Filters.filter(b, LongField.newRangeQuery(VALID_THROUGH, today.toEpochDay(), Long.MAX_VALUE));
      Filters.filter(
          b, LongField.newRangeQuery(AGREEMENT_UNTIL, today.toEpochDay(), Long.MAX_VALUE));
      Filters.filter(b, IntField.newRangeQuery(REMAINING, 1, Integer.MAX_VALUE));
      if (!s.schedules().isEmpty()) {
        Filters.filter(b, terms(SCHEDULE, s.schedules().stream().map(Schedule::name).toList()));
      }
      if (s.categories().isEmpty()) {
        Filters.term(b, PUBLIC_WELFARE, "0");
      }
      int age = today.getYear() - s.birthYear();
      Filters.filter(b, IntField.newRangeQuery(MIN_AGE, Integer.MIN_VALUE, age));
      Filters.filter(b, IntField.newRangeQuery(MAX_AGE, age, Integer.MAX_VALUE));
      Filters.filter(
          b, IntField.newRangeQuery(MIN_EDUCATION, Integer.MIN_VALUE, s.education().ordinal()));
      if (!s.willingOutside()) {
        Filters.term(b, OUTSIDE, "false");
      }
      Set<BytesRef> lacking = PostingSearch.licencesOtherThan(searcher, s.licences());
      if (!lacking.isEmpty()) {
        b.add(new TermInSetQuery(LICENCE, lacking), BooleanClause.Occur.MUST_NOT);
      }
    }
    Set<String> desiredCodes = codes(s.desired());
    Set<String> desiredGroups = groups(s.desired());
    Set<String> pastCodes = codes(s.pastWork());
    Set<String> pastGroups = groups(s.pastWork());
    should(
        b,
        max(
            tier(OCCUPATION_CODE, desiredCodes, w.occupation()),
            tier(GROUP, desiredGroups, w.occupation() * 0.6),
            tier(OCCUPATION_CODE, pastCodes, w.occupation() * 0.3),
            s.desired().isEmpty() ? tier(GROUP, pastGroups, w.occupation() * 0.3) : null));
    should(
        b,
        max(
            tier(OCCUPATION_CODE, pastCodes, w.experience()),
            tier(GROUP, pastGroups, w.experience() * 0.5)));
    for (String key : s.skillKeys()) {
      should(b, tier(IndexSchema.SKILL_KEY, Set.of(key), w.skills() / 2));
    }
    if (s.minWage() != null && s.minWage() > 0) {
      int min = s.minWage();
      should(
          b,
          max(
              boost(
                  IntField.newRangeQuery(WAGE_MAX, (int) Math.ceil(min * 1.3), Integer.MAX_VALUE),
                  w.wage()),
              boost(
                  IntField.newRangeQuery(WAGE_MAX, (int) Math.ceil(min * 1.15), Integer.MAX_VALUE),
                  w.wage() * 0.85),
              boost(IntField.newRangeQuery(WAGE_MAX, min, Integer.MAX_VALUE), w.wage() * 0.7),
              boost(
                  IntField.newRangeQuery(WAGE_MAX, (int) Math.ceil(min * 0.9), Integer.MAX_VALUE),
                  w.wage() * 0.25)));
    }
    should(
        b,
        max(
            tier(COMMUNITY, Set.of(Long.toString(s.communityId())), w.place()),
            tier(OUTSIDE, Set.of("false"), w.place() * 0.7),
            tier(CITY, Set.of(homeCity), w.place() * 0.4)));
    if (!s.schedules().isEmpty()) {
      should(
          b,
          max(
              tier(SCHEDULE, Set.of(s.schedules().get(0).name()), w.schedule()),
              tier(
                  SCHEDULE,
                  s.schedules().stream().map(Schedule::name).collect(toSet()),
                  w.schedule() * 0.6)));
    }
    long now = clock.millis();
    should(
        b,
        max(
            since(CREATED, now, 7, w.freshness()),
            since(CREATED, now, 30, w.freshness() * 0.6),
            since(CREATED, now, 90, w.freshness() * 0.3)));
    // a candidate must match at least one scoring clause (the benchmark shows the disjunction is
    // still scored over every filtered document: see docs/benchmarks.md, issue 4)
    b.setMinimumNumberShouldMatch(1);
    return b.build();
  }

  Query jobseekerQuery(Opening o, Weights w, boolean hard, Long communityId) {
    LocalDate today = LocalDate.now(clock);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Filters.filter(
        b, terms(STATUS, hard ? SEEKING : Set.of("SEEKING", "REFERRED", "EMPLOYED", "INACTIVE")));
    if (communityId != null) {
      Filters.term(b, COMMUNITY, Long.toString(communityId));
    }
    if (hard) {
      for (String licence : o.requiredLicences()) {
        Filters.term(b, LICENCE, licence);
      }
      if (o.publicWelfare()) {
        List<String> all = new ArrayList<>();
        for (DifficultyCategory c : DifficultyCategory.values()) {
          all.add(c.name());
        }
        Filters.filter(b, terms(CATEGORY, all));
      }
      // an empty list of schedules is indexed as all four
      Filters.term(b, SCHEDULE, o.schedule().name());
      int year = today.getYear();
      int from = o.maxAge() == null ? Integer.MIN_VALUE : year - o.maxAge();
      int to = o.minAge() == null ? Integer.MAX_VALUE : year - o.minAge();
      Filters.filter(b, IntField.newRangeQuery(BIRTH_YEAR, from, to));
      if (o.minEducation() != null) {
        Filters.filter(
            b, IntField.newRangeQuery(EDUCATION, o.minEducation().ordinal(), Integer.MAX_VALUE));
      }
      if (o.communityId() == null) {
        Filters.term(b, WILLING_OUTSIDE, "1");
      }
    }
    Work work = o.work();
    if (work != null) {
      should(
          b,
          max(
              tier(DESIRED_CODE, Set.of(work.code()), w.occupation()),
              tier(GROUP, Set.of(work.group()), w.occupation() * 0.6),
              tier(PAST_CODE, Set.of(work.code()), w.occupation() * 0.3)));
      should(
          b,
          max(
              tier(PAST_CODE, Set.of(work.code()), w.experience()),
              tier(PAST_GROUP, Set.of(work.group()), w.experience() * 0.5)));
    }
    int skills = o.skillKeys().size();
    for (String key : o.skillKeys()) {
      should(b, tier(SKILL_KEY, Set.of(key), w.skills() / skills));
    }
    int top = o.wageMax();
    should(
        b,
        max(
            boost(
                IntField.newRangeQuery(MIN_WAGE, Integer.MIN_VALUE, (int) Math.floor(top / 1.3)),
                w.wage()),
            boost(
                IntField.newRangeQuery(MIN_WAGE, Integer.MIN_VALUE, (int) Math.floor(top / 1.15)),
                w.wage() * 0.85),
            boost(IntField.newRangeQuery(MIN_WAGE, Integer.MIN_VALUE, top), w.wage() * 0.7),
            boost(
                IntField.newRangeQuery(MIN_WAGE, Integer.MIN_VALUE, (int) Math.floor(top / 0.9)),
                w.wage() * 0.25)));
    if (o.communityId() != null) {
      should(b, tier(COMMUNITY, Set.of(Long.toString(o.communityId())), w.place() * 0.3));
    }
    should(b, tier(FIRST_SCHEDULE, Set.of(o.schedule().name()), w.schedule() * 0.4));
    long now = clock.millis();
    should(
        b,
        max(
            since(UPDATED, now, 30, w.freshness() * 0.8),
            since(UPDATED, now, 90, w.freshness() * 0.3)));
    List<String> categories = new ArrayList<>();
    for (DifficultyCategory c : DifficultyCategory.values()) {
      categories.add(c.name());
    }
    should(b, boost(terms(CATEGORY, categories), w.priority() * 0.6));
    should(
        b,
        boost(
            LongField.newRangeQuery(
                UNEMPLOYED_SINCE, Long.MIN_VALUE, today.minusYears(1).toEpochDay()),
            w.priority() * 0.2));
    // a candidate must match at least one scoring clause (the benchmark shows the disjunction is
    // still scored over every filtered document: see docs/benchmarks.md, issue 4)
    b.setMinimumNumberShouldMatch(1);
    return b.build();
  }

  /** The ids of the best {@code k} documents; ids come from doc values, not stored fields. */
  private static List<Long> topIds(IndexSearcher searcher, Query query, int k) {
    try {
      TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(k, k));
      List<Long> ids = new ArrayList<>(top.scoreDocs.length);
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      for (ScoreDoc sd : top.scoreDocs) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
        SortedSetDocValues values = leaf.reader().getSortedSetDocValues(ID);
        if (values != null && values.advanceExact(sd.doc - leaf.docBase)) {
          ids.add(Long.parseLong(values.lookupOrd(values.nextOrd()).utf8ToString()));
        }
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> List<T> inOrder(Collection<Long> ids, Map<Long, T> byId) {
    List<T> out = new ArrayList<>(byId.size());
    for (Long id : ids) {
      T t = byId.get(id);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private static Set<String> codes(Collection<Work> works) {
    Set<String> out = new LinkedHashSet<>();
    works.forEach(x -> out.add(x.code()));
    return out;
  }

  private static Set<String> groups(Collection<Work> works) {
    Set<String> out = new LinkedHashSet<>();
    works.forEach(x -> out.add(x.group()));
    return out;
  }

  private static java.util.stream.Collector<String, ?, Set<String>> toSet() {
    return java.util.stream.Collectors.toCollection(LinkedHashSet::new);
  }

  private static Query terms(String field, Collection<String> values) {
    return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
  }

  /** A constant-score clause worth {@code points} when the field holds any of the values. */
  private static Query tier(String field, Set<String> values, double points) {
    if (values.isEmpty() || points <= 0) {
      return null;
    }
    Query q =
        values.size() == 1
            ? new TermQuery(new Term(field, values.iterator().next()))
            : terms(field, values);
    return boost(q, points);
  }

  /** Worth {@code points} when the time field is within the last {@code days} days. */
  private static Query since(String field, long nowMillis, int days, double points) {
    return boost(
        LongField.newRangeQuery(
            field, nowMillis - Duration.ofDays(days).toMillis(), Long.MAX_VALUE),
        points);
  }

  private static Query boost(Query q, double points) {
    if (q == null || points <= 0) {
      return null;
    }
    return new BoostQuery(new ConstantScoreQuery(q), (float) points);
  }

  /** The best of several tiers, not their sum. */
  private static Query max(Query... tiers) {
    List<Query> present = new ArrayList<>();
    for (Query q : tiers) {
      if (q != null) {
        present.add(q);
      }
    }
    return present.isEmpty() ? null : new DisjunctionMaxQuery(present, 0f);
  }

  private static void should(BooleanQuery.Builder b, Query q) {
    if (q != null) {
      b.add(q, BooleanClause.Occur.SHOULD);
    }
  }
}
