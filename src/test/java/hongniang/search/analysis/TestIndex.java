package hongniang.search.analysis;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/** A tiny in-memory index of texts as words, character pairs and pinyin, for tests. */
final class TestIndex implements Closeable {

  static final String FIELD = "text";

  /** The same text as character pairs. */
  static final String BIGRAMS = "text_bi";

  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;

  /** Indexes each text as one document, analyzed as the real index would. */
  TestIndex(ChineseAnalyzers analyzers, String... texts) throws IOException {
    PinyinFields pinyin = new PinyinFields(analyzers);
    Analyzer perField =
        new PerFieldAnalyzerWrapper(analyzers.index(), Map.of(BIGRAMS, analyzers.bigrams()));
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField))) {
      for (String text : texts) {
        Document document = new Document();
        document.add(new TextField(FIELD, text, Field.Store.YES));
        document.add(new TextField(BIGRAMS, text, Field.Store.NO));
        pinyin.addTo(document, FIELD, text);
        writer.addDocument(document);
      }
    }
    reader = DirectoryReader.open(directory);
  }

  /** The texts a query finds, best first. */
  List<String> search(Query query) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    List<String> texts = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
      texts.add(searcher.storedFields().document(hit.doc).get(FIELD));
    }
    return texts;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
