package hongniang.matching.ranking;

import hongniang.matching.Condition;
import hongniang.matching.HardRules;
import hongniang.matching.Jobseeker;
import hongniang.matching.MatchKeys;
import hongniang.matching.Posting;
import hongniang.matching.Scorer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The exact top k of one list, open postings for a jobseeker or jobseekers for a posting, over the
 * columns of an index's segments: what to read, in which order, and when to stop. The index reads
 * what it says, segment by segment: for each of {@link #rings} (which end by themselves once
 * nothing left can enter the top), the documents that meet the ring's conditions and {@link
 * #filters}, each offered to {@link #scan}. Every pair that passes the hard rules counts; none is
 * guessed at.
 *
 * <p>Items fall into rings by how their occupations relate to the query's ({@link Widening}); a
 * ring caps the occupation and experience parts and, with every other part at the best the other
 * side could bring ({@link Bound}), the score of anything in it. Rings come best cap first, and a
 * {@link RingScan} ends a segment early when nothing left in it can enter.
 *
 * @param <C> the columns of one segment: {@link PostingColumns} or {@link JobseekerColumns}
 */
public final class ExactTop<C extends Columns> {

  private final List<Ring> rings;
  private final Bound bound;
  private final List<Condition> filters;
  private final boolean excludesAll;
  private final Function<C, ColumnRanking> rankingOf;
  // one ranking per segment for the whole search: the query's keys resolved once per segment
  private final Map<C, ColumnRanking> rankings = new ConcurrentHashMap<>();

  private ExactTop(
      List<Ring> rings,
      Bound bound,
      List<Condition> filters,
      boolean excludesAll,
      Function<C, ColumnRanking> rankingOf) {
    this.rings = rings;
    this.bound = bound;
    this.filters = List.copyOf(filters);
    this.excludesAll = excludesAll;
    this.rankingOf = rankingOf;
  }

  /** The open postings for a jobseeker on {@code today}. */
  public static ExactTop<PostingColumns> postingsFor(Jobseeker s, Scorer scorer, LocalDate today) {
    Bound bound = Bound.forResident(scorer, s);
    return new ExactTop<>(
        Widening.rings(MatchKeys.relations(s), bound),
        bound,
        HardRules.postingConditions(s, today),
        !HardRules.admitsJobseeker(s),
        columns -> new PostingsForJobseeker(scorer, s, today, columns));
  }

  /** The jobseekers for a posting on {@code today}, within one community when one is given. */
  public static ExactTop<JobseekerColumns> jobseekersFor(
      Posting o, Scorer scorer, Long communityId, LocalDate today) {
    Bound bound = Bound.forPosting(scorer, o);
    List<Condition> filters = new ArrayList<>();
    if (communityId != null) {
      filters.add(
          Condition.anyOf(Condition.Attribute.COMMUNITY, List.of(Long.toString(communityId))));
    }
    filters.addAll(HardRules.jobseekerConditions(o, today));
    return new ExactTop<>(
        Widening.rings(MatchKeys.relations(o), bound),
        bound,
        filters,
        !HardRules.admitsPosting(o, today),
        columns -> new JobseekersForPosting(scorer, o, today, columns, communityId));
  }

  /** True when a hard rule on the query's side alone excludes every pair: nothing to read. */
  public boolean excludesAll() {
    return excludesAll;
  }

  /**
   * What every document the search reads must meet, besides its ring: the hard rules the index can
   * check (and the community asked for), so that their failures are never walked. The scan checks
   * every rule again, on the columns.
   */
  public List<Condition> filters() {
    return filters;
  }

  /** How many rings there are in all. */
  public int ringCount() {
    return rings.size();
  }

  /**
   * The rings best bound first, each offered only while an item in it could still enter {@code
   * top}: the iteration ends once the k-th best is above the next ring's bound.
   */
  public Iterable<Ring> rings(TopK top) {
    return () ->
        new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < rings.size() && !rings.get(next).closedTo(top);
          }

          @Override
          public Ring next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return rings.get(next++);
          }
        };
  }

  /**
   * Scores a segment's documents of the ring into {@code top}, in the columns' order: offer each to
   * {@link RingScan#collect}, which says when nothing later in the segment can enter.
   */
  public RingScan scan(C columns, Ring ring, TopK top) {
    return new RingScan(rankings.computeIfAbsent(columns, rankingOf), ring, bound, top);
  }
}
