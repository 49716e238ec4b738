/**
 * The vocabulary of work: occupation names, official and colloquial, to codes and groups, and the
 * synonym groups of job names and skills, read from {@code search-index/}. Domain knowledge that
 * search analyses text with and matching resolves names through.
 *
 * <p>From outside: {@link hongniang.occupations.Occupations} (the front) and its {@code Occupation}
 * record; the service has one, a bean.
 */
package hongniang.occupations;
