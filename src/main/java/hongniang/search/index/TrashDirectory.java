package hongniang.search.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An index folder whose file deletes are a rename: the file moves to a trash folder beside the
 * index and a background thread deletes it. Lucene deletes the files of merged-away segments while
 * holding the writer's lock, which every near-real-time refresh needs too; on a disk mounted with
 * {@code discard} (common on cloud machines, this one included) each delete frees its blocks at
 * once and costs milliseconds, so a merge of a few segments held changes back for hundreds of ms. A
 * rename within one file system frees nothing and is quick.
 */
final class TrashDirectory extends FilterDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(TrashDirectory.class);
  private static final ExecutorService EMPTIER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "search-trash");
            t.setDaemon(true);
            return t;
          });
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Path folder;
  private final Path trash;

  private TrashDirectory(FSDirectory in, Path trash) {
    super(in);
    this.folder = in.getDirectory();
    this.trash = trash;
  }

  /** The index folder at {@code path}, its deletes going through {@code path}.trash. */
  static TrashDirectory open(Path path) throws IOException {
    Path trash = path.resolveSibling(path.getFileName() + ".trash");
    Files.createDirectories(trash);
    TrashDirectory dir = new TrashDirectory(FSDirectory.open(path), trash);
    // whatever an earlier run left
    EMPTIER.execute(() -> empty(trash));
    return dir;
  }

  @Override
  public void deleteFile(String name) throws IOException {
    ensureOpen();
    Path target = trash.resolve(SEQUENCE.incrementAndGet() + "-" + name);
    try {
      Files.move(folder.resolve(name), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      throw e;
    } catch (IOException e) {
      // a file system that cannot rename here: delete it the ordinary way
      in.deleteFile(name);
      return;
    }
    EMPTIER.execute(() -> delete(target));
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", file, e.toString());
    }
  }

  private static void empty(Path trash) {
    try (Stream<Path> files = Files.list(trash)) {
      files.forEach(TrashDirectory::delete);
    } catch (IOException e) {
      LOG.warn("Could not empty {}: {}", trash, e.toString());
    }
  }
}
