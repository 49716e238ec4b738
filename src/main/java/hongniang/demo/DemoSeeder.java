package hongniang.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database with the default demo set at startup when {@code hongniang.demo-data} is
 * on; never in the command line, which generates on request.
 */
@Singleton
@Requires(property = "hongniang.demo-data", value = "true")
@Requires(notEnv = DemoCommand.ENVIRONMENT)
class DemoSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

  private final DemoWriter writer;
  private final long seed;

  DemoSeeder(
      DemoWriter writer, @Value("${hongniang.demo-seed:" + DemoPlan.DEFAULT_SEED + "}") long seed) {
    this.writer = writer;
    this.seed = seed;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    try {
      DemoWriter.Counts counts = writer.counts();
      if (counts.units() > 0 || counts.jobseekers() > 0) {
        LOG.debug("Demo data not generated: the database has partner units or jobseekers");
        return;
      }
      DemoWriter.Report report = writer.write(DemoPlan.defaults(seed), false, LOG::debug);
      LOG.info(
          "Generated demo data (seed {}): {} partner units, {} postings, {} jobseekers, {}"
              + " referrals, {} placements, {} enrolments in {} ms",
          seed,
          report.unitsAdded(),
          report.postings() + report.pastPostings(),
          report.jobseekers(),
          report.history().referrals(),
          report.history().placements(),
          report.history().enrolments(),
          report.total().toMillis());
    } catch (SQLException e) {
      // the service is still useful without demo data; say why it is missing
      LOG.error("Could not generate demo data: {}", e.getMessage(), e);
    }
  }
}
