/** Benchmarks: commands run with the {@code bench} Maven profile, never part of the test suite. */
package hongniang.bench;
