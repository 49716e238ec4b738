package hongniang.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU used by other processes while a phase ran: the machine's busy time (/proc/stat) minus this
 * JVM's and its children's (the embedded PostgreSQL). The machine is shared; this says how much of
 * it someone else had.
 */
final class CpuMeter {

  private static final double HZ = 100.0; // USER_HZ on Linux

  private final long machine0 = machineBusy();
  private final long own0 = ownTree();
  private final long start = System.nanoTime();

  /** Cores' worth of CPU that other processes used since this meter started. */
  double otherCores() {
    double seconds = (System.nanoTime() - start) / 1e9;
    long other = (machineBusy() - machine0) - (ownTree() - own0);
    return seconds <= 0 ? 0 : Math.max(0, other / HZ / seconds);
  }

  /** Cores' worth of CPU this JVM and PostgreSQL used since this meter started. */
  double ownCores() {
    double seconds = (System.nanoTime() - start) / 1e9;
    return seconds <= 0 ? 0 : (ownTree() - own0) / HZ / seconds;
  }

  /**
   * Waits until this JVM and PostgreSQL use less than {@code cores} over one second (background
   * start-up work done), or {@code max} has passed; returns the seconds waited.
   */
  static long settle(double cores, java.time.Duration max) {
    long start = System.nanoTime();
    while (System.nanoTime() - start < max.toNanos()) {
      CpuMeter meter = new CpuMeter();
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (meter.ownCores() < cores) {
        break;
      }
    }
    return (System.nanoTime() - start) / 1_000_000_000;
  }

  static String cores(double cores) {
    return String.format(Locale.ROOT, "%.2f", cores);
  }

  private static long machineBusy() {
    try {
      String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = cpu.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return total - idle;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * This JVM, its children and PostgreSQL's processes: the embedded server is started by {@code
   * pg_ctl}, so its postmaster is no child of this JVM (its parent is init).
   */
  private static long ownTree() {
    ProcessHandle self = ProcessHandle.current();
    try (Stream<ProcessHandle> tree =
        Stream.concat(
            Stream.concat(Stream.of(self), self.descendants()),
            ProcessHandle.allProcesses().filter(CpuMeter::isPostgres))) {
      return tree.distinct().mapToLong(p -> jiffies(p.pid())).sum();
    }
  }

  private static boolean isPostgres(ProcessHandle p) {
    return p.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
  }

  /** utime + stime + cutime + cstime: children that ended count with their parent. */
  private static long jiffies(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
      return Long.parseLong(f.get(11))
          + Long.parseLong(f.get(12))
          + Long.parseLong(f.get(13))
          + Long.parseLong(f.get(14));
    } catch (IOException | RuntimeException e) {
      return 0; // the process ended meanwhile
    }
  }
}
