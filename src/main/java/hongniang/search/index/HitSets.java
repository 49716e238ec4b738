package hongniang.search.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Every document a search matches, as one bit set per segment, built clause by clause and combined
 * 64 documents at a time. A filter's documents come from the filter cache as a bit set (or are read
 * into one); the text's are gathered by Lucene's bulk scorer without scores. The total and the
 * facet counts are then read from the sets, where walking the search meant advancing every clause
 * to every hit; only the page still needs the scoring search, which may skip what cannot enter it
 * ({@link #asFilter()}).
 */
public final class HitSets {

  private final List<LeafReaderContext> leaves;
  private final FixedBitSet[] sets;
  private int[] counts; // counted when first asked for, on the searching thread: a scan never asks

  private HitSets(List<LeafReaderContext> leaves, FixedBitSet[] sets) {
    this.leaves = leaves;
    this.sets = sets;
  }

  private int[] counts() {
    if (counts == null) {
      int[] c = new int[sets.length];
      for (int i = 0; i < sets.length; i++) {
        c[i] = sets[i].cardinality();
      }
      counts = c;
    }
    return counts;
  }

  /**
   * The documents {@code query} matches. A boolean query of required and prohibited clauses is
   * taken apart; anything else is one clause.
   */
  public static HitSets of(IndexSearcher searcher, Query query) throws IOException {
    return of(searcher, query, null);
  }

  /**
   * As {@link #of(IndexSearcher, Query)}, reusing the clause sets {@code memo} holds from earlier
   * queries of the same task (and keeping those it reads).
   */
  public static HitSets of(IndexSearcher searcher, Query query, Memo memo) throws IOException {
    List<Clause> required = new ArrayList<>();
    List<Clause> prohibited = new ArrayList<>();
    for (BooleanClause clause : clauses(query)) {
      if (clause.getQuery() instanceof MatchAllDocsQuery) {
        continue;
      }
      (clause.isProhibited() ? prohibited : required).add(clause(searcher, clause.getQuery()));
    }
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    FixedBitSet[] sets = new FixedBitSet[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      sets[leaf.ord] = matches(leaf, required, prohibited, memo);
    }
    return new HitSets(leaves, sets);
  }

  /**
   * The clause sets read during one task that runs several related queries on one searcher (a match
   * call's rings share their relations), by clause and segment. Not thread-safe.
   */
  public static final class Memo {
    private static final FixedBitSet NONE = new FixedBitSet(0);
    private final Map<Query, FixedBitSet[]> sets = new HashMap<>();

    /** The clause's documents in the segment (to read only), null for none. */
    private FixedBitSet get(Clause clause, LeafReaderContext leaf) throws IOException {
      FixedBitSet[] bySegment =
          sets.computeIfAbsent(clause.query(), q -> new FixedBitSet[leaf.parent.leaves().size()]);
      if (bySegment[leaf.ord] == null) {
        FixedBitSet read = documents(clause, leaf, false);
        bySegment[leaf.ord] = read == null ? NONE : read;
      }
      return bySegment[leaf.ord] == NONE ? null : bySegment[leaf.ord];
    }
  }

  /**
   * A clause and its weight; a clause that is any of several terms ({@link #anyOf}) has their
   * weights instead, so that each term's cached set is used and they are joined word by word.
   */
  private record Clause(Query query, Weight weight, List<Weight> anyOf) {}

  /** The clause for a query: its terms' weights when it is any of several terms, else its own. */
  private static Clause clause(IndexSearcher searcher, Query query) throws IOException {
    if (query instanceof BooleanQuery b
        && b.getMinimumNumberShouldMatch() <= 1
        && b.clauses().size() > 1
        && b.clauses().stream()
            .allMatch(
                c ->
                    c.getOccur() == BooleanClause.Occur.SHOULD
                        && c.getQuery() instanceof TermQuery)) {
      List<Weight> weights = new ArrayList<>();
      for (BooleanClause c : b.clauses()) {
        weights.add(searcher.createWeight(c.getQuery(), ScoreMode.COMPLETE_NO_SCORES, 1f));
      }
      return new Clause(query, null, weights);
    }
    return new Clause(
        query,
        searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f),
        null);
  }

  /**
   * Documents that have any of several terms of a field: a clause whose set is the union of the
   * terms' own (cached) sets.
   */
  public static Query anyOf(String field, Collection<String> values) {
    if (values.size() == 1) {
      return new TermQuery(new Term(field, values.iterator().next()));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String v : values) {
      b.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * The documents a search collects, for a search that walks its hits anyway (one with text, where
   * the walk is led by whichever side is smaller and scores each hit once).
   */
  public static CollectorManager<Collector, HitSets> collecting(IndexSearcher searcher) {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    FixedBitSet[] sets = new FixedBitSet[leaves.size()];
    return new CollectorManager<>() {
      @Override
      public Collector newCollector() {
        return new Collector() {
          @Override
          public LeafCollector getLeafCollector(LeafReaderContext context) {
            FixedBitSet set = new FixedBitSet(context.reader().maxDoc());
            sets[context.ord] = set;
            return new SettingCollector(set);
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        };
      }

      @Override
      public HitSets reduce(Collection<Collector> collectors) {
        // a segment without a possible hit is never visited
        for (LeafReaderContext leaf : leaves) {
          if (sets[leaf.ord] == null) {
            sets[leaf.ord] = new FixedBitSet(leaf.reader().maxDoc());
          }
        }
        return new HitSets(leaves, sets);
      }
    };
  }

  /** Sets each collected document's bit. */
  private record SettingCollector(FixedBitSet set) implements LeafCollector {
    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public void collect(int doc) {
      set.set(doc);
    }
  }

  /**
   * The clauses that decide which documents match; SHOULD clauses beside a required one only score.
   */
  private static List<BooleanClause> clauses(Query query) {
    if (query instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0) {
      List<BooleanClause> deciding =
          b.clauses().stream().filter(c -> c.isRequired() || c.isProhibited()).toList();
      if (deciding.stream().anyMatch(BooleanClause::isRequired)) {
        return deciding;
      }
    }
    return List.of(new BooleanClause(query, BooleanClause.Occur.MUST));
  }

  private static FixedBitSet matches(
      LeafReaderContext leaf, List<Clause> required, List<Clause> prohibited, Memo memo)
      throws IOException {
    int maxDoc = leaf.reader().maxDoc();
    FixedBitSet set = null;
    for (Clause clause : required) {
      FixedBitSet documents;
      if (memo == null) {
        documents = documents(clause, leaf, set == null);
      } else {
        FixedBitSet shared = memo.get(clause, leaf);
        documents = shared != null && set == null ? shared.clone() : shared;
      }
      if (documents == null) {
        return new FixedBitSet(maxDoc);
      }
      if (set == null) {
        set = documents;
      } else {
        set.and(documents);
      }
    }
    if (set == null) {
      set = new FixedBitSet(maxDoc);
      set.set(0, maxDoc);
    }
    for (Clause clause : prohibited) {
      FixedBitSet excluded = memo != null ? memo.get(clause, leaf) : documents(clause, leaf, false);
      if (excluded != null) {
        set.andNot(excluded);
      }
    }
    Bits live = leaf.reader().getLiveDocs();
    if (live != null) {
      // Lucene's live documents are a read-only bit set: copied word by word
      set.and(live instanceof FixedBitSet fixed ? fixed : FixedBitSet.copyOf(live));
    }
    return set;
  }

  /**
   * One clause's documents in a segment, as {@link #documents(Weight, LeafReaderContext, boolean)}.
   */
  private static FixedBitSet documents(Clause clause, LeafReaderContext leaf, boolean own)
      throws IOException {
    if (clause.anyOf() == null) {
      return documents(clause.weight(), leaf, own);
    }
    FixedBitSet union = null;
    for (Weight w : clause.anyOf()) {
      FixedBitSet part = documents(w, leaf, false);
      if (part == null) {
        continue;
      }
      if (union == null) {
        union = part.clone();
      } else {
        union.or(part);
      }
    }
    return union;
  }

  /**
   * One clause's documents in a segment, null for none. A cached filter's own bit set is used as it
   * is unless it is to be written to ({@code own}).
   */
  private static FixedBitSet documents(Weight weight, LeafReaderContext leaf, boolean own)
      throws IOException {
    int maxDoc = leaf.reader().maxDoc();
    if (weight.isCacheable(leaf)) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        return null;
      }
      DocIdSetIterator iterator = scorer.iterator();
      FixedBitSet cached = BitSetIterator.getFixedBitSetOrNull(iterator);
      if (cached != null && cached.length() == maxDoc) {
        return own ? cached.clone() : cached;
      }
      FixedBitSet set = new FixedBitSet(maxDoc);
      set.or(iterator);
      return set;
    }
    // the text: Lucene's bulk scorer collects a disjunction window by window
    BulkScorer bulk = weight.bulkScorer(leaf);
    if (bulk == null) {
      return null;
    }
    FixedBitSet set = new FixedBitSet(maxDoc);
    bulk.score(new SettingCollector(set), null);
    return set;
  }

  /** How many documents match, over every segment. */
  public long total() {
    long n = 0;
    for (int c : counts()) {
      n += c;
    }
    return n;
  }

  public List<LeafReaderContext> leaves() {
    return leaves;
  }

  /** The matching documents of a segment (to read only). */
  public FixedBitSet of(LeafReaderContext leaf) {
    return sets[leaf.ord];
  }

  /** How many documents match in a segment. */
  public int count(LeafReaderContext leaf) {
    return counts()[leaf.ord];
  }

  /** A filter that matches exactly these documents, for the search that finds the page. */
  public Query asFilter() {
    return new SetQuery(this);
  }

  private static final class SetQuery extends Query {
    private final HitSets hits;

    SetQuery(HitSets hits) {
      this.hits = hits;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      return new ConstantScoreWeight(this, boost) {
        @Override
        public Scorer scorer(LeafReaderContext context) {
          FixedBitSet set = hits.sets[context.ord];
          // the cost need not be exact (a match scan never counts): the set's size bounds it
          return set.length() == 0 || set.nextSetBit(0) == DocIdSetIterator.NO_MORE_DOCS
              ? null
              : new ConstantScoreScorer(
                  this, score(), scoreMode, new BitSetIterator(set, set.length()));
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
          return false;
        }
      };
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
      return "hits(" + hits.sets.length + " segments)";
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SetQuery s && s.hits == hits;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(hits);
    }
  }
}
