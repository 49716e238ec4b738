package hongniang.search;

import static hongniang.search.IndexSchema.AGREEMENT_UNTIL;
import static hongniang.search.IndexSchema.CATEGORY;
import static hongniang.search.IndexSchema.CITY;
import static hongniang.search.IndexSchema.COMMUNITY;
import static hongniang.search.IndexSchema.CREATED;
import static hongniang.search.IndexSchema.FIRST_SCHEDULE;
import static hongniang.search.IndexSchema.GROUP;
import static hongniang.search.IndexSchema.ID;
import static hongniang.search.IndexSchema.MATCH_KEY;
import static hongniang.search.IndexSchema.MIN_WAGE;
import static hongniang.search.IndexSchema.OUTSIDE;
import static hongniang.search.IndexSchema.PUBLIC_WELFARE;
import static hongniang.search.IndexSchema.SCHEDULE;
import static hongniang.search.IndexSchema.UNEMPLOYED_SINCE;
import static hongniang.search.IndexSchema.UPDATED;
import static hongniang.search.IndexSchema.VALID_THROUGH;
import static hongniang.search.IndexSchema.WAGE_MAX;

import hongniang.common.DifficultyCategory;
import hongniang.common.Schedule;
import hongniang.matching.Bound;
import hongniang.matching.ColumnRanking;
import hongniang.matching.HardRules;
import hongniang.matching.MatchKeys;
import hongniang.matching.Opening;
import hongniang.matching.PostingsForResident;
import hongniang.matching.ResidentsForPosting;
import hongniang.matching.RingScan;
import hongniang.matching.Scorer;
import hongniang.matching.Seeker;
import hongniang.matching.TopK;
import hongniang.matching.Weights;
import hongniang.matching.Widening;
import hongniang.matching.Widening.Relation;
import hongniang.matching.Widening.Ring;
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
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * Candidates for matching, from the index, and the matching records of rows, from PostgreSQL.
 *
 * <p>The best postings for a resident, and the best residents for a posting, are exact: every
 * document stores the matching features of its record ({@link IndexSchema#MATCH_KEY}, {@link
 * IndexSchema#MATCH_FEATURES}), each segment decodes them once into columns ({@link MatchColumns}),
 * and a search scores the documents of one ring after another ({@link Widening}) with the hard
 * rules and the scorer's own formulas, until no document left can beat its k-th best. Only the
 * winners are then read from PostgreSQL, where matching checks and scores them again.
 *
 * <p>For "why not" lists, a looser query ignores the hard rules and scores with constant-score
 * clauses that mirror the scorer's tiers; its top few hundred hold the best excluded pairs.
 */
@Singleton
public class MatchCandidates {

  private final SearchIndex index;
  private final DocumentSource source;
  private final Clock clock;
  private final MatchRecords records;
  private final String homeCity;
  private final MatchColumns columns;

  MatchCandidates(
      SearchIndex index,
      DocumentSource source,
      MatchColumns columns,
      Clock clock,
      @Value("${hongniang.matching.home-city:三明市}") String homeCity) {
    this.index = index;
    this.columns = columns;
    this.source = source;
    this.clock = clock;
    this.records = index.records();
    this.homeCity = homeCity;
  }

  /** The city the street office is in: work there but outside the district is "same city". */
  public String homeCity() {
    return homeCity;
  }

  /** The resident, read from PostgreSQL. */
  public Optional<Seeker> seeker(long id) {
    return source.jobseeker(id).map(records::seeker);
  }

  /** The posting, read from PostgreSQL. */
  public Optional<Opening> opening(long id) {
    return source.matchedPosting(id).map(records::opening);
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
    source.matchedPostings(ids).forEach(r -> byId.put(r.id(), records.opening(r)));
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
   * The ids of the {@code k} best open postings for the resident on {@code today} as the index has
   * them, best first (equal scores by lower id): every posting passing the hard rules counts, none
   * is guessed at. The caller reads them fresh from PostgreSQL ({@link #openings}), as many as it
   * needs.
   */
  public List<Long> bestOpeningIdsFor(Seeker s, Scorer scorer, int k, LocalDate today) {
    if (!HardRules.admitsResident(s)) {
      return List.of();
    }
    // hard rules the index checks with cached filters, so that their failures are never walked
    // (the scan checks every rule again, on the columns)
    List<Query> filters = new ArrayList<>();
    long day = today.toEpochDay();
    filters.add(LongField.newRangeQuery(VALID_THROUGH, day, Long.MAX_VALUE));
    filters.add(LongField.newRangeQuery(AGREEMENT_UNTIL, day, Long.MAX_VALUE));
    if (!s.schedules().isEmpty()) {
      filters.add(HitSets.anyOf(SCHEDULE, s.schedules().stream().map(Schedule::name).toList()));
    }
    if (!s.willingOutside()) {
      filters.add(new TermQuery(new Term(OUTSIDE, "false")));
    }
    if (s.categories().isEmpty()) {
      filters.add(new TermQuery(new Term(PUBLIC_WELFARE, "0")));
    }
    return index.withPostings(
        searcher ->
            rank(
                searcher,
                Widening.relations(s),
                Bound.forResident(scorer, s),
                filters,
                k,
                leaf ->
                    new PostingsForResident(scorer, s, today, columns.openings(leaf.reader()))));
  }

  /**
   * The ids of the {@code k} best residents for the posting as the index has them, within one
   * community when {@code communityId} is given, best first; the caller reads them ({@link
   * #seekers}).
   */
  public List<Long> bestSeekerIdsFor(
      Opening o, Scorer scorer, int k, Long communityId, LocalDate today) {
    if (!HardRules.admitsPosting(o, today)) {
      return List.of();
    }
    // hard rules the terms can check cheaply, to walk fewer documents
    List<Query> filters = new ArrayList<>();
    if (communityId != null) {
      filters.add(new TermQuery(new Term(COMMUNITY, Long.toString(communityId))));
    }
    for (String licence : o.requiredLicences()) {
      filters.add(new TermQuery(new Term(MATCH_KEY, MatchKeys.LICENCE + licence)));
    }
    if (o.publicWelfare()) {
      filters.add(HitSets.anyOf(CATEGORY, categories()));
    }
    return index.withJobseekers(
        searcher ->
            rank(
                searcher,
                Widening.relations(o),
                Bound.forPosting(scorer, o),
                filters,
                k,
                leaf ->
                    new ResidentsForPosting(
                        scorer, o, today, columns.seekers(leaf.reader()), communityId)));
  }

  /**
   * Scans the rings best bound first, each as one search over the documents that have its relations
   * (terms of {@link IndexSchema#MATCH_KEY}), until the bound certifies the top k.
   */
  private static List<Long> rank(
      IndexSearcher searcher,
      Map<Relation, Set<String>> relations,
      Bound bound,
      List<Query> filters,
      int k,
      Function<LeafReaderContext, ColumnRanking> ranking) {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    // one ranking per segment for the whole search: the query's keys resolved once per segment
    AtomicReferenceArray<ColumnRanking> rankings = new AtomicReferenceArray<>(leaves.size());
    Function<LeafReaderContext, ColumnRanking> perLeaf =
        leaf -> {
          ColumnRanking r = rankings.get(leaf.ord);
          if (r == null) {
            r = ranking.apply(leaf);
            rankings.set(leaf.ord, r);
          }
          return r;
        };
    // the rings share their relations and filters: each is read into a bit set once per call
    HitSets.Memo memo = new HitSets.Memo();
    Widening.Outcome outcome =
        Widening.rank(
            Widening.rings(relations.keySet(), bound),
            k,
            (ring, top) ->
                scan(
                    searcher,
                    ringQuery(ring, relations, filters),
                    memo,
                    ring,
                    bound,
                    top,
                    perLeaf));
    return outcome.top().best().stream().map(TopK.Entry::id).toList();
  }

  /** The documents that have every relation of the ring and none it excludes, and pass filters. */
  private static Query ringQuery(
      Ring ring, Map<Relation, Set<String>> relations, List<Query> filters) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    // each key a term of its own, so that its cached set serves every call that asks for it
    for (Relation r : ring.with()) {
      b.add(HitSets.anyOf(MATCH_KEY, relations.get(r)), BooleanClause.Occur.FILTER);
    }
    for (Relation r : ring.without()) {
      b.add(HitSets.anyOf(MATCH_KEY, relations.get(r)), BooleanClause.Occur.MUST_NOT);
    }
    filters.forEach(f -> b.add(f, BooleanClause.Occur.FILTER));
    if (ring.with().isEmpty() && filters.isEmpty()) {
      b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /**
   * One ring: each segment's documents in order through a {@link RingScan}, on the searcher's
   * threads, each task from a copy of the top so far; the copies are merged back.
   */
  private static void scan(
      IndexSearcher searcher,
      Query query,
      HitSets.Memo memo,
      Ring ring,
      Bound bound,
      TopK top,
      Function<LeafReaderContext, ColumnRanking> ranking) {
    try {
      searcher.search(
          HitSets.of(searcher, query, memo).asFilter(),
          new CollectorManager<RingCollector, TopK>() {
            @Override
            public RingCollector newCollector() {
              return new RingCollector(ring, bound, top.copy(), ranking);
            }

            @Override
            public TopK reduce(Collection<RingCollector> collectors) {
              collectors.forEach(c -> top.addAll(c.top));
              return top;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Collects a ring's documents into a top k; a segment ends once nothing left in it can enter. */
  private static final class RingCollector implements Collector {
    private final Ring ring;
    private final Bound bound;
    private final TopK top;
    private final Function<LeafReaderContext, ColumnRanking> ranking;

    RingCollector(
        Ring ring, Bound bound, TopK top, Function<LeafReaderContext, ColumnRanking> ranking) {
      this.ring = ring;
      this.bound = bound;
      this.top = top;
      this.ranking = ranking;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      if (top.full() && top.worstScore() > ring.bound()) {
        throw new CollectionTerminatedException();
      }
      RingScan scan = new RingScan(ranking.apply(context), ring, bound, top);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          if (!scan.collect(doc)) {
            throw new CollectionTerminatedException();
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /**
   * Up to {@code k} postings for the resident's "why not" list, best candidates first, the hard
   * rules not filtered; only open postings are indexed.
   */
  public List<Opening> openingsFor(Seeker s, Weights w, int k) {
    List<Long> ids = index.withPostings(searcher -> topIds(searcher, postingQuery(s, w), k));
    return openings(ids);
  }

  /**
   * Up to {@code k} residents for the posting's "why not" list, the hard rules not filtered; within
   * one community when {@code communityId} is given.
   */
  public List<Seeker> seekersFor(Opening o, Weights w, int k, Long communityId) {
    Query query = jobseekerQuery(o, w, communityId);
    List<Long> ids = index.withJobseekers(searcher -> topIds(searcher, query, k));
    return seekers(ids);
  }

  Query postingQuery(Seeker s, Weights w) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Set<String> desiredCodes = codes(s.desired());
    Set<String> desiredGroups = groups(s.desired());
    Set<String> pastCodes = codes(s.pastWork());
    Set<String> pastGroups = groups(s.pastWork());
    should(
        b,
        max(
            tier(MATCH_KEY, keys(MatchKeys.CODE, desiredCodes), w.occupation()),
            tier(GROUP, desiredGroups, w.occupation() * 0.6),
            tier(MATCH_KEY, keys(MatchKeys.CODE, pastCodes), w.occupation() * 0.3),
            s.desired().isEmpty() ? tier(GROUP, pastGroups, w.occupation() * 0.3) : null));
    should(
        b,
        max(
            tier(MATCH_KEY, keys(MatchKeys.CODE, pastCodes), w.experience()),
            tier(GROUP, pastGroups, w.experience() * 0.5)));
    for (String key : s.skillKeys()) {
      should(b, tier(MATCH_KEY, Set.of(MatchKeys.SKILL + key), w.skills() / 2));
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
    // a candidate must match at least one scoring clause
    b.setMinimumNumberShouldMatch(1);
    return b.build();
  }

  Query jobseekerQuery(Opening o, Weights w, Long communityId) {
    LocalDate today = LocalDate.now(clock);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (communityId != null) {
      Filters.term(b, COMMUNITY, Long.toString(communityId));
    }
    Work work = o.work();
    if (work != null) {
      should(
          b,
          max(
              tier(MATCH_KEY, Set.of(MatchKeys.DESIRED_CODE + work.code()), w.occupation()),
              tier(MATCH_KEY, Set.of(MatchKeys.DESIRED_GROUP + work.group()), w.occupation() * 0.6),
              tier(MATCH_KEY, Set.of(MatchKeys.PAST_CODE + work.code()), w.occupation() * 0.3)));
      should(
          b,
          max(
              tier(MATCH_KEY, Set.of(MatchKeys.PAST_CODE + work.code()), w.experience()),
              tier(MATCH_KEY, Set.of(MatchKeys.PAST_GROUP + work.group()), w.experience() * 0.5)));
    }
    int skills = o.skillKeys().size();
    for (String key : o.skillKeys()) {
      should(b, tier(MATCH_KEY, Set.of(MatchKeys.SKILL + key), w.skills() / skills));
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
    should(b, boost(terms(CATEGORY, categories()), w.priority() * 0.6));
    should(
        b,
        boost(
            LongField.newRangeQuery(
                UNEMPLOYED_SINCE, Long.MIN_VALUE, today.minusYears(1).toEpochDay()),
            w.priority() * 0.2));
    // a candidate must match at least one scoring clause
    b.setMinimumNumberShouldMatch(1);
    return b.build();
  }

  /** Every employment-difficulty category's name. */
  private static List<String> categories() {
    List<String> out = new ArrayList<>();
    for (DifficultyCategory c : DifficultyCategory.values()) {
      out.add(c.name());
    }
    return out;
  }

  /** The values with a key kind in front ({@link MatchKeys}). */
  private static Set<String> keys(String kind, Set<String> values) {
    Set<String> out = new LinkedHashSet<>();
    values.forEach(v -> out.add(kind + v));
    return out;
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
