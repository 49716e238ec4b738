package hongniang.demo;

import hongniang.accounts.AdminBootstrap;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * Command-line entry of the demo-data generator: {@code hongniang.Application demo [--seed N]
 * [--partners N] [--postings N] [--jobseekers N] [--append]}.
 */
@Singleton
public class DemoCommand {

  /** The Micronaut environment the command runs in: no HTTP server, no startup seeding. */
  public static final String ENVIRONMENT = "cli";

  static final String USAGE =
      """
      Usage: hongniang.Application demo [options]
        --seed N        random seed (default %d); same seed and day, same data
        --partners N    partner units (default 15; the first 15 are the known ones)
        --postings N    postings (default 80)
        --jobseekers N  jobseekers (default 1000; the first 100000 of a fresh set get a history)
        --append        add to a database that has postings or jobseekers already
                        (without history: only a fresh set gets three years of it)
        --no-history    units, postings and residents only (as the benchmarks use)
        --help          this text
      """
          .formatted(DemoPlan.DEFAULT_SEED);

  private final DemoWriter writer;
  private final DemoLogins logins;
  private final AdminBootstrap admin;

  DemoCommand(DemoWriter writer, DemoLogins logins, AdminBootstrap admin) {
    this.writer = writer;
    this.logins = logins;
    this.admin = admin;
  }

  /**
   * The parsed arguments; {@code history} says whether a fresh set gets its three years (an append
   * never does).
   */
  record Options(DemoPlan plan, boolean append, boolean history, boolean help) {

    /** Reads the arguments; throws IllegalArgumentException with a message fit to print. */
    static Options parse(String... args) {
      long seed = DemoPlan.DEFAULT_SEED;
      DemoPlan defaults = DemoPlan.defaults(seed);
      int partners = defaults.partners();
      int postings = defaults.postings();
      int jobseekers = defaults.jobseekers();
      boolean append = false;
      boolean history = true;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--append" -> append = true;
          case "--no-history" -> history = false;
          case "--help", "-h" -> {
            return new Options(defaults, false, true, true);
          }
          case "--seed" -> seed = number(args, ++i, arg);
          case "--partners" -> partners = count(args, ++i, arg);
          case "--postings" -> postings = count(args, ++i, arg);
          case "--jobseekers" -> jobseekers = count(args, ++i, arg);
          default -> throw new IllegalArgumentException("unknown argument: " + arg);
        }
      }
      return new Options(
          new DemoPlan(seed, partners, postings, jobseekers), append, history && !append, false);
    }

    private static long number(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a number");
      }
      try {
        return Long.parseLong(args[index].replace("_", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " needs a number, not " + args[index]);
      }
    }

    private static int count(String[] args, int index, String option) {
      long value = number(args, index, option);
      if (value < 0 || value > 10_000_000) {
        throw new IllegalArgumentException(option + " must be between 0 and 10000000");
      }
      return (int) value;
    }
  }

  /** Runs the command; returns the process's exit code: 0 done, 1 failed, 2 refused or misused. */
  public int run(String[] args) {
    return run(args, System.out, System.err);
  }

  int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(USAGE);
      return 2;
    }
    if (options.help()) {
      out.print(USAGE);
      return 0;
    }
    try {
      DemoWriter.Counts before = writer.counts();
      if (!options.append() && (before.postings() > 0 || before.jobseekers() > 0)) {
        err.printf(
            "The database already has %d postings and %d jobseekers. Add --append to add more,"
                + " or point DATA_DIR (or DATABASE_URL) at an empty database.%n",
            before.postings(), before.jobseekers());
        return 2;
      }
      DemoPlan plan = options.plan();
      out.printf(
          "Generating demo data with seed %d%s: %d partner units, %d postings, %d jobseekers%n",
          plan.seed(),
          options.append() ? " (appending)" : "",
          plan.partners(),
          plan.postings(),
          plan.jobseekers());
      DemoWriter.Report report =
          writer.write(plan, options.append(), options.history(), out::println);
      out.printf("Relative dates counted from %s%n", report.today());
      out.printf(
          "  partner units %,10d added, %d reused, %d agreements  %s%n",
          report.unitsAdded(),
          report.unitsReused(),
          report.agreements(),
          seconds(report.unitsTime()));
      out.printf(
          "  history       three years generated in memory  %s%n", seconds(report.historyTime()));
      out.printf(
          "  postings      %,10d and %,d past  %s%n",
          report.postings(), report.pastPostings(), seconds(report.postingsTime()));
      out.printf(
          "  jobseekers    %,10d  %s%n", report.jobseekers(), seconds(report.jobseekersTime()));
      HistoryWriter.Written h = report.history();
      out.printf(
          "  referrals     %,10d with %,d moves and %,d consents%n",
          h.referrals(), h.events(), h.consents());
      out.printf("  placements    %,10d with %,d follow-ups%n", h.placements(), h.followUps());
      out.printf("  courses       %,10d with %,d enrolments%n", h.courses(), h.enrolments());
      out.printf(
          "  messages      %,10d; %,d resident logins  %s%n",
          h.notices(), h.accounts(), seconds(report.historyWriteTime()));
      out.printf(
          "  demo logins   %,10d created  %s%n", report.logins(), seconds(report.loginsTime()));
      out.printf("Done in %s.%n", seconds(report.total()));
      if (admin.firstLogin() != null) {
        out.println(admin.firstLogin());
      }
      for (String line : logins.lines()) {
        out.println("  " + line);
      }
      return 0;
    } catch (SQLException | RuntimeException e) {
      err.println("Demo data generation failed: " + e.getMessage());
      return 1;
    }
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
