package hongniang.search.query;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A query that finds, scores and walks its documents exactly as the query inside it, but tells
 * Lucene how many it can match from the document counts of a few terms that hold all of them (the
 * text's terms in the {@link IndexSchema#MATCH} field). A disjunction over title, occupation and
 * skills counts a posting once per field and once more per group token, so Lucene took it for
 * several times its size and let a broad filter lead the search, advancing every clause to each
 * filtered posting. With the closer count the smaller side leads: the text when it is the smaller,
 * walked document by document; the filter when it is.
 */
final class SizedQuery extends Query {

  private final Query in;
  private final List<Term> bound;

  /**
   * @param in the query to run
   * @param bound terms whose documents together hold every document {@code in} matches
   */
  SizedQuery(Query in, Collection<Term> bound) {
    this.in = Objects.requireNonNull(in);
    this.bound = List.copyOf(bound);
  }

  Query inner() {
    return in;
  }

  /** The number given for a segment: the sum of the terms' document counts there. */
  long size(LeafReaderContext leaf) throws IOException {
    long n = 0;
    for (Term t : bound) {
      n += leaf.reader().docFreq(t);
    }
    return n;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = in.rewrite(searcher);
    return rewritten == in ? this : new SizedQuery(rewritten, bound);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight inner = in.createWeight(searcher, scoreMode, boost);
    return new Weight(this) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = inner.scorerSupplier(context);
        if (supplier == null) {
          return null;
        }
        long size = Math.min(size(context), supplier.cost());
        Weight weight = this;
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new Sized(weight, supplier.get(leadCost), size);
          }

          @Override
          public long cost() {
            return size;
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            supplier.setTopLevelScoringClause();
          }
        };
      }

      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = scorerSupplier(context);
        return supplier == null ? null : supplier.get(Long.MAX_VALUE);
      }

      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        return inner.explain(context, doc);
      }

      @Override
      public Matches matches(LeafReaderContext context, int doc) throws IOException {
        return inner.matches(context, doc);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  /** The inner scorer with an iterator that reports the closer size. */
  private static final class Sized extends Scorer {
    private final Scorer in;
    private final DocIdSetIterator iterator;

    Sized(Weight weight, Scorer in, long size) {
      super(weight);
      this.in = in;
      this.iterator = sized(in.iterator(), size);
    }

    @Override
    public DocIdSetIterator iterator() {
      return iterator;
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      TwoPhaseIterator twoPhase = in.twoPhaseIterator();
      if (twoPhase == null) {
        return null;
      }
      DocIdSetIterator approximation = sized(twoPhase.approximation(), iterator.cost());
      return new TwoPhaseIterator(approximation) {
        @Override
        public boolean matches() throws IOException {
          return twoPhase.matches();
        }

        @Override
        public float matchCost() {
          return twoPhase.matchCost();
        }
      };
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(minScore);
    }

    @Override
    public Collection<ChildScorable> getChildren() {
      return List.of(new ChildScorable(in, "MUST"));
    }

    private static DocIdSetIterator sized(DocIdSetIterator it, long size) {
      return new DocIdSetIterator() {
        @Override
        public int docID() {
          return it.docID();
        }

        @Override
        public int nextDoc() throws IOException {
          return it.nextDoc();
        }

        @Override
        public int advance(int target) throws IOException {
          return it.advance(target);
        }

        @Override
        public long cost() {
          return size;
        }
      };
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    // the highlighter collects terms this way: the inner query's, not the bound's
    in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "sized(" + in.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && in.equals(((SizedQuery) other).in)
        && bound.equals(((SizedQuery) other).bound);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), in, bound);
  }
}
