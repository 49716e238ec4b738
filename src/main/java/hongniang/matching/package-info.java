/**
 * Matching: what a posting and a jobseeker are to it, the hard rules that exclude a pair, the
 * explained score that ranks the rest, and the question it answers, asked through the ports it
 * owns. Plain Java, records in and records out, no framework.
 *
 * <p>From outside: {@link hongniang.matching.Matcher} (the front: the best postings for a
 * jobseeker, the best jobseekers for a posting, the best pairs a rule excluded), the ports it
 * needs, {@link hongniang.matching.CandidateSource} (the search index) and {@link
 * hongniang.matching.RecordSource} (PostgreSQL), the language of the first ({@link
 * hongniang.matching.Condition}, {@link hongniang.matching.LooseQuery}, {@link
 * hongniang.matching.MatchKeys}), and the records, {@link hongniang.matching.Scorer}, {@link
 * hongniang.matching.HardRules} and {@link hongniang.matching.Weights}. Sub-packages: {@code
 * ranking} (the exact top-k engine) and {@code allocation} (the match board).
 */
package hongniang.matching;
