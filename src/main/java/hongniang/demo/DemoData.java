package hongniang.demo;

import java.util.List;

/** A whole generated data set in memory: equal seeds and days give equal data sets. */
record DemoData(List<DemoUnit> units, List<DemoPosting> postings, List<DemoJobseeker> jobseekers) {}
