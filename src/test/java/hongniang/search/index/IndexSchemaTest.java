package hongniang.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IndexSchemaTest {

  @Test
  void fingerprintsTheIndexTimeResourcesStably() {
    String fingerprint = IndexSchema.indexTimeFingerprint();
    assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
    assertEquals(fingerprint, IndexSchema.indexTimeFingerprint());
  }

  @Test
  void theStampNamesTheVersionTheFilesAndTheZone() {
    String stamp = IndexSchema.stamp(ZoneId.of("Asia/Shanghai"));
    assertEquals(
        IndexSchema.VERSION + ":" + IndexSchema.indexTimeFingerprint() + ":Asia/Shanghai", stamp);
  }
}
