package hongniang.search.candidates;

import static hongniang.search.index.IndexSchema.ID;

import hongniang.matching.CandidateSource;
import hongniang.matching.Jobseeker;
import hongniang.matching.LooseQuery;
import hongniang.matching.Posting;
import hongniang.matching.Scorer;
import hongniang.matching.ranking.ExactTop;
import hongniang.matching.ranking.JobseekerColumns;
import hongniang.matching.ranking.PostingColumns;
import hongniang.search.index.SearchIndex;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Matching's candidates from the search index ({@link CandidateSource}): the exact top as matching
 * plans it ({@link ExactTop}, run by {@link RingSearch} on each segment's columns from {@link
 * MatchColumns}), and the looser "why not" candidates by Lucene's scores ({@link
 * ConditionQueries#loose}). Every document stores the matching features of its record, so the
 * columns say what PostgreSQL says, as of the index's last change.
 */
@Singleton
public class IndexCandidates implements CandidateSource {

  private final SearchIndex index;
  private final MatchColumns columns;
  private final ConditionQueries queries;

  IndexCandidates(SearchIndex index, MatchColumns columns, Clock clock) {
    this.index = index;
    this.columns = columns;
    this.queries = new ConditionQueries(clock.getZone());
  }

  @Override
  public List<Long> bestPostingIds(Jobseeker s, Scorer scorer, int k, LocalDate today) {
    ExactTop<PostingColumns> plan = ExactTop.postingsFor(s, scorer, today);
    if (plan.excludesAll()) {
      return List.of();
    }
    return index.withPostings(
        searcher ->
            RingSearch.top(searcher, plan, k, leaf -> columns.postings(leaf.reader()), queries));
  }

  @Override
  public List<Long> bestJobseekerIds(
      Posting o, Scorer scorer, int k, Long communityId, LocalDate today) {
    ExactTop<JobseekerColumns> plan = ExactTop.jobseekersFor(o, scorer, communityId, today);
    if (plan.excludesAll()) {
      return List.of();
    }
    return index.withJobseekers(
        searcher ->
            RingSearch.top(searcher, plan, k, leaf -> columns.jobseekers(leaf.reader()), queries));
  }

  @Override
  public List<Long> postingIds(LooseQuery query, int k) {
    Query q = queries.loose(query);
    return index.withPostings(searcher -> topIds(searcher, q, k));
  }

  @Override
  public List<Long> jobseekerIds(LooseQuery query, int k) {
    Query q = queries.loose(query);
    return index.withJobseekers(searcher -> topIds(searcher, q, k));
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
}
