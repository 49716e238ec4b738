package hongniang.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.demo.DemoCommand.Options;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void defaultsToTheDemoSet() {
    Options options = Options.parse();
    assertEquals(DemoPlan.defaults(20110118L), options.plan());
    assertEquals(1_000, options.plan().jobseekers());
    assertEquals(false, options.append());
  }

  @Test
  void readsCountsSeedAndAppend() {
    Options options =
        Options.parse(
            "--seed",
            "7",
            "--partners",
            "2000",
            "--postings",
            "100_000",
            "--jobseekers",
            "1000000",
            "--append");
    assertEquals(new DemoPlan(7, 2000, 100_000, 1_000_000), options.plan());
    assertTrue(options.append());
    assertEquals(false, options.history(), "an append has no history");
  }

  @Test
  void aFreshSetHasItsHistoryUnlessAskedNotTo() {
    assertTrue(Options.parse().history());
    assertTrue(Options.parse("--jobseekers", "5").history());
    assertEquals(false, Options.parse("--no-history").history());
  }

  @Test
  void refusesWhatItDoesNotUnderstand() {
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--jobseekers"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--jobseekers", "many"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--postings", "-1"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--force"));
    assertThrows(
        IllegalArgumentException.class, () -> Options.parse("--partners", "0", "--postings", "3"));
  }
}
