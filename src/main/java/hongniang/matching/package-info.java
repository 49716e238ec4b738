/**
 * Scoring, explanations and allocation: plain Java, records in and records out, no framework. Hard
 * requirements exclude a pair; soft parts, each named and bounded, rank what is left.
 */
package hongniang.matching;
