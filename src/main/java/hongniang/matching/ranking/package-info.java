/**
 * The exact top-k engine: ranks one jobseeker's postings or one posting's jobseekers over columns
 * of features, ring by ring, with the hard rules and the scorer's own formulas to the last bit,
 * until nothing left can enter the top.
 *
 * <p>From outside: {@link hongniang.matching.ranking.ExactTop} (the front: the plan of one search),
 * what running it takes ({@link hongniang.matching.ranking.Ring}, {@link
 * hongniang.matching.ranking.RingScan}, {@link hongniang.matching.ranking.TopK}), and the columns
 * an index stores and decodes ({@link hongniang.matching.ranking.PostingColumns}, {@link
 * hongniang.matching.ranking.JobseekerColumns}); the match board reads {@link
 * hongniang.matching.ranking.JobseekersForPosting}.
 */
package hongniang.matching.ranking;
