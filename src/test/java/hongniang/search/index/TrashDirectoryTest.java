package hongniang.search.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrashDirectoryTest {

  @Test
  void aDeletedFileLeavesTheIndexAtOnceAndTheDiskSoonAfter(@TempDir Path tmp) throws Exception {
    Path index = tmp.resolve("postings");
    try (TrashDirectory dir = TrashDirectory.open(index)) {
      try (IndexOutput out = dir.createOutput("_0.cfs", IOContext.DEFAULT)) {
        out.writeString("segment");
      }
      try (IndexOutput out = dir.createOutput("_1.cfs", IOContext.DEFAULT)) {
        out.writeString("segment");
      }
      dir.deleteFile("_0.cfs");
      assertArrayEquals(new String[] {"_1.cfs"}, dir.listAll());
      assertFalse(Files.exists(index.resolve("_0.cfs")));
      assertThrows(NoSuchFileException.class, () -> dir.deleteFile("_0.cfs"));
      Path trash = tmp.resolve("postings.trash");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (count(trash) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(count(trash) == 0, "the trash is emptied in the background");
    }
  }

  private static long count(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    }
  }
}
