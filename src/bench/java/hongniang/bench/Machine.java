package hongniang.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a benchmark ran on, for the report: CPU, memory, OS, Java. */
final class Machine {

  private Machine() {}

  /** Markdown list lines: CPU, OS and Java. */
  static String describe() {
    Runtime rt = Runtime.getRuntime();
    String gcs =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining(", "));
    return "- CPU: "
        + cpuModel()
        + ", `nproc` = "
        + rt.availableProcessors()
        + ", RAM "
        + memTotal()
        + "\n- OS: "
        + System.getProperty("os.name")
        + ' '
        + System.getProperty("os.version")
        + "\n- Java: "
        + System.getProperty("java.vm.name")
        + ' '
        + System.getProperty("java.runtime.version")
        + " (`java -version`), heap max "
        + size(rt.maxMemory())
        + ", GC "
        + gcs
        + '\n';
  }

  static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException | UncheckedIOException e) {
      return "unknown";
    }
  }

  private static String memTotal() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      return lines
          .filter(l -> l.startsWith("MemTotal"))
          .map(l -> size(Long.parseLong(l.replaceAll("\\D", "")) * 1024))
          .findFirst()
          .orElse("unknown");
    } catch (IOException | UncheckedIOException e) {
      return "unknown";
    }
  }
}
