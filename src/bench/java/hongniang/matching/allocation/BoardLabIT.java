package hongniang.matching.allocation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The board's lab once on a small world, so that it compiles and runs in every verify. */
class BoardLabIT {

  @Test
  void runsOnASmallWorld() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BoardLab.run(1, 2, 10, 400, 40, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("run 1: features "), out);
    assertTrue(out.contains("certified true"), out);
    assertTrue(out.contains("BoardService.solve: "), out);
  }
}
