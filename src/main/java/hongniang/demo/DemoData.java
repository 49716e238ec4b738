package hongniang.demo;

import java.util.List;

/**
 * A whole generated data set in memory: equal seeds and days give equal data sets. The units,
 * postings and jobseekers are as drawn; the history has the postings and the first residents as
 * three years left them, and everything that happened to them.
 */
record DemoData(
    List<DemoUnit> units,
    List<DemoPosting> postings,
    List<DemoJobseeker> jobseekers,
    DemoHistory history) {}
