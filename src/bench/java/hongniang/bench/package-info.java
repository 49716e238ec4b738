/**
 * Benchmarks: commands run with the {@code bench} Maven profile, never timed in the test suite;
 * {@code BenchmarksIT} runs each once at a tiny size in {@code verify}, so that none can rot.
 */
package hongniang.bench;
