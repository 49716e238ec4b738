package hongniang.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder sampling profile of one phase, boiled down to named stages: a sample
 * belongs to the first stage (in the given order) that has a frame on its stack.
 */
final class Profile implements AutoCloseable {

  /** A stage: a label and the frame-name prefixes ({@code class.method}) that mark it. */
  record Stage(String label, List<String> markers) {
    static Stage of(String label, String... markers) {
      return new Stage(label, List.of(markers));
    }
  }

  /** Samples per stage label, in stage order, "other" last. */
  record Breakdown(Map<String, Integer> samples, int total) {

    /** Rows: label, then "share (samples)" of this breakdown and of {@code other}. */
    List<List<String>> sideBySide(Breakdown other) {
      List<List<String>> a = rows();
      List<List<String>> b = other.rows();
      List<List<String>> out = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        out.add(
            List.of(
                a.get(i).get(0),
                a.get(i).get(1) + " (" + a.get(i).get(2) + ")",
                b.get(i).get(1) + " (" + b.get(i).get(2) + ")"));
      }
      return out;
    }

    /** Rows: label, share, samples. */
    List<List<String>> rows() {
      List<List<String>> rows = new ArrayList<>();
      samples.forEach(
          (label, n) ->
              rows.add(
                  List.of(
                      label,
                      String.format(Locale.ROOT, "%.0f%%", 100.0 * n / Math.max(1, total)),
                      Integer.toString(n))));
      return rows;
    }
  }

  private final Recording recording = new Recording();

  private Profile(Duration period, boolean nativeToo) {
    recording.enable("jdk.ExecutionSample").withPeriod(period);
    if (nativeToo) {
      // threads waiting in native code (fsync, socket reads) are not execution samples
      recording.enable("jdk.NativeMethodSample").withPeriod(period);
    }
    recording.start();
  }

  /**
   * Starts sampling Java code every {@code period}; with {@code nativeToo} native waits as well.
   */
  static Profile start(Duration period, boolean nativeToo) {
    return new Profile(period, nativeToo);
  }

  /** One sample: the thread's name and its frames, leaf first, as {@code class.method}. */
  record Sample(String thread, List<String> frames) {}

  /** Stops the recording and reads its samples. */
  List<Sample> stop() throws IOException {
    recording.stop();
    Path file = Files.createTempFile("bench", ".jfr");
    try {
      recording.dump(file);
      List<Sample> samples = new ArrayList<>();
      for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
        String type = e.getEventType().getName();
        RecordedStackTrace stack = e.getStackTrace();
        if (stack == null
            || !(type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample"))) {
          continue;
        }
        RecordedThread thread = e.getThread("sampledThread");
        List<String> frames = new ArrayList<>();
        for (RecordedFrame f : stack.getFrames()) {
          frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
        }
        samples.add(
            new Sample(
                thread == null || thread.getJavaName() == null ? "" : thread.getJavaName(),
                frames));
      }
      return samples;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Counts the samples of threads whose name starts with {@code thread} and whose stack has a frame
   * starting with {@code scope} (any, when null), by stage.
   */
  static Breakdown breakdown(
      List<Sample> samples, String thread, String scope, List<Stage> stages) {
    return breakdown(samples, List.of(thread), scope, stages);
  }

  /** As above, for the threads whose names start with any of {@code threads}. */
  static Breakdown breakdown(
      List<Sample> samples, List<String> threads, String scope, List<Stage> stages) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    stages.forEach(s -> counts.put(s.label(), 0));
    counts.put("other", 0);
    int total = 0;
    for (Sample sample : samples) {
      if (threads.stream().noneMatch(sample.thread()::startsWith)
          || (scope != null && sample.frames().stream().noneMatch(f -> f.startsWith(scope)))) {
        continue;
      }
      total++;
      String label = "other";
      for (Stage s : stages) {
        if (sample.frames().stream().anyMatch(f -> s.markers().stream().anyMatch(f::startsWith))) {
          label = s.label();
          break;
        }
      }
      counts.merge(label, 1, Integer::sum);
    }
    return new Breakdown(counts, total);
  }

  /**
   * The methods most often on top of the stack (self time) and most often anywhere on it
   * (inclusive), and the self-time methods with their callers, over the samples of threads whose
   * names start with one of {@code threads}.
   */
  static List<String> hotMethods(List<Sample> samples, List<String> threads, int n) {
    Map<String, Integer> self = new java.util.HashMap<>();
    Map<String, Integer> inclusive = new java.util.HashMap<>();
    Map<String, Integer> called = new java.util.HashMap<>();
    int total = 0;
    for (Sample sample : samples) {
      if (threads.stream().noneMatch(sample.thread()::startsWith) || sample.frames().isEmpty()) {
        continue;
      }
      total++;
      self.merge(sample.frames().get(0), 1, Integer::sum);
      called.merge(
          String.join(" < ", sample.frames().subList(0, Math.min(3, sample.frames().size()))),
          1,
          Integer::sum);
      new java.util.HashSet<>(sample.frames()).forEach(f -> inclusive.merge(f, 1, Integer::sum));
    }
    List<String> out = new ArrayList<>();
    int all = Math.max(1, total);
    for (Map<String, Integer> m : List.of(self, called, inclusive)) {
      out.add(m == self ? "self:" : m == called ? "self, with two callers:" : "inclusive:");
      m.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .limit(m == self ? n : 2L * n)
          .forEach(
              e ->
                  out.add(
                      String.format(
                          Locale.ROOT, "  %5.1f%% %s", 100.0 * e.getValue() / all, e.getKey())));
    }
    return out;
  }

  @Override
  public void close() {
    recording.close();
  }
}
