package hongniang.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResourceFilesTest {

  @Test
  void failsLoudlyOnAMissingResource() {
    assertThrows(IllegalStateException.class, () -> ResourceFiles.text("nonesuch.txt"));
  }

  @Test
  void rejectsATableWithTheWrongHeader() {
    assertThrows(
        IllegalStateException.class,
        () -> ResourceFiles.table("occupations.tsv", "name", "group", "code"));
  }

  @Test
  void readsLinesWithoutCommentsOrBlanks() {
    assertFalse(
        ResourceFiles.lines("occupations.tsv").stream()
            .anyMatch(line -> line.isBlank() || line.startsWith("#")));
  }
}
