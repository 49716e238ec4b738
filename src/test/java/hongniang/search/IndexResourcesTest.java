package hongniang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IndexResourcesTest {

  @Test
  void fingerprintsTheIndexTimeResourcesStably() {
    String fingerprint = IndexResources.indexTimeFingerprint();
    assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
    assertEquals(fingerprint, IndexResources.indexTimeFingerprint());
  }

  @Test
  void failsLoudlyOnAMissingResource() {
    assertThrows(IllegalStateException.class, () -> IndexResources.text("nonesuch.txt"));
  }

  @Test
  void rejectsATableWithTheWrongHeader() {
    assertThrows(
        IllegalStateException.class,
        () -> IndexResources.table(Occupations.OCCUPATIONS, "name", "group", "code"));
  }
}
