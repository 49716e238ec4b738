package hongniang.demo;

/** What to generate: the seed and how many partner units, postings and jobseekers. */
record DemoPlan(long seed, int partners, int postings, int jobseekers) {

  /** The seed of the default demo set: the day the street office's report was published. */
  static final long DEFAULT_SEED = 20110118L;

  DemoPlan {
    if (partners < 0 || postings < 0 || jobseekers < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    if (postings > 0 && partners == 0) {
      throw new IllegalArgumentException("postings need at least one partner unit");
    }
  }

  /**
   * The living street office the demo starts with: 15 units, 80 postings and 1,000 residents
   * registered over the years, as many as three years of about 800 placements need.
   */
  static DemoPlan defaults(long seed) {
    return new DemoPlan(seed, 15, 80, 1_000);
  }
}
