package hongniang.search.candidates;

import hongniang.matching.ranking.Columns;
import hongniang.matching.ranking.ExactTop;
import hongniang.matching.ranking.Ring;
import hongniang.matching.ranking.RingScan;
import hongniang.matching.ranking.TopK;
import hongniang.search.index.HitSets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * An exact search as matching plans it ({@link ExactTop}), on one searcher: each ring's documents
 * combined from the bit sets of its key terms and the filters, 64 documents at a time ({@link
 * HitSets}), then walked segment by segment, in index order, through the plan's scans.
 */
final class RingSearch {

  private RingSearch() {}

  /** The ids of the plan's top {@code k}, best first. */
  static <C extends Columns> List<Long> top(
      IndexSearcher searcher,
      ExactTop<C> plan,
      int k,
      Function<LeafReaderContext, C> columns,
      ConditionQueries queries) {
    List<Query> filters = plan.filters().stream().map(queries::filter).toList();
    // the rings share their keys and filters: each is read into a bit set once per search
    HitSets.Memo memo = new HitSets.Memo();
    TopK top = new TopK(k);
    for (Ring ring : plan.rings(top)) {
      Query query = ringQuery(ring, filters, queries);
      scan(
          searcher,
          query,
          memo,
          (leaf, copy) -> plan.scan(columns.apply(leaf), ring, copy),
          ring,
          top);
    }
    return top.best().stream().map(TopK.Entry::id).toList();
  }

  /** The documents that meet every condition of the ring and none it excludes, and the filters. */
  private static Query ringQuery(Ring ring, List<Query> filters, ConditionQueries queries) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    ring.with().forEach(c -> b.add(queries.filter(c), BooleanClause.Occur.FILTER));
    ring.without().forEach(c -> b.add(queries.filter(c), BooleanClause.Occur.MUST_NOT));
    filters.forEach(f -> b.add(f, BooleanClause.Occur.FILTER));
    if (ring.with().isEmpty() && filters.isEmpty()) {
      b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /**
   * One ring: each segment's documents in order through a scan, on the searcher's threads, each
   * task from a copy of the top so far; the copies are merged back.
   */
  private static void scan(
      IndexSearcher searcher,
      Query query,
      HitSets.Memo memo,
      BiFunction<LeafReaderContext, TopK, RingScan> scans,
      Ring ring,
      TopK top) {
    try {
      searcher.search(
          HitSets.of(searcher, query, memo).asFilter(),
          new CollectorManager<RingCollector, TopK>() {
            @Override
            public RingCollector newCollector() {
              return new RingCollector(ring, top.copy(), scans);
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
    private final TopK top;
    private final BiFunction<LeafReaderContext, TopK, RingScan> scans;

    RingCollector(Ring ring, TopK top, BiFunction<LeafReaderContext, TopK, RingScan> scans) {
      this.ring = ring;
      this.top = top;
      this.scans = scans;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      if (ring.closedTo(top)) {
        throw new CollectionTerminatedException();
      }
      RingScan scan = scans.apply(context, top);
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
}
