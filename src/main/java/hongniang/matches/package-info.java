/**
 * The matching API: ranked, explained matches both ways and the match board. It reads candidates
 * and records through {@code search} and scores them with the plain-Java {@code matching}.
 */
package hongniang.matches;
