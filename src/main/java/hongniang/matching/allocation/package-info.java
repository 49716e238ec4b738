/**
 * The match board: every pair that passes the hard rules scored, and the allocation within places
 * and per-resident limits that maximises the total, exactly, with a certificate.
 *
 * <p>From outside: {@link hongniang.matching.allocation.Board} (the front) and the results of
 * {@link hongniang.matching.allocation.Allocation} it returns.
 */
package hongniang.matching.allocation;
