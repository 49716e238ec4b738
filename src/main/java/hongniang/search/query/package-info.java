/**
 * Searches over the indexes: text analysed, never parsed; filters; facet counts; highlights; sorts
 * and pages with their limits.
 *
 * <p>From outside: {@link hongniang.search.query.Searches} (the front) and its query and hit
 * records.
 */
package hongniang.search.query;
