package hongniang.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StoredValue;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * A copy of the stored values a hit shows, in one binary doc value per document. Reading a page of
 * hits from the stored fields decompressed, for every hit, a block of whole documents with their
 * long descriptions; the copy is a few hundred bytes read from where it lies. The stored fields
 * stay the record (and serve long texts for snippets).
 */
public final class ShownValues {

  static final String FIELD = "shown";

  private static final byte STRING = 0;
  private static final byte INT = 1;
  private static final byte LONG = 2;

  private ShownValues() {}

  /** Adds to the document the copy of its stored values of the given fields. */
  static void addTo(Document d, Set<String> fields) {
    try {
      d.add(new BinaryDocValuesField(FIELD, encode(d, fields)));
    } catch (IOException e) {
      // writing to memory does not fail
      throw new UncheckedIOException(e);
    }
  }

  private static BytesRef encode(Document d, Set<String> fields) throws IOException {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    for (IndexableField f : d.getFields()) {
      StoredValue v = f.storedValue();
      if (v == null || !fields.contains(f.name())) {
        continue;
      }
      out.writeString(f.name());
      switch (v.getType()) {
        case STRING -> {
          out.writeByte(STRING);
          out.writeString(v.getStringValue());
        }
        case INTEGER -> {
          out.writeByte(INT);
          out.writeZInt(v.getIntValue());
        }
        case LONG -> {
          out.writeByte(LONG);
          out.writeZLong(v.getLongValue());
        }
        default ->
            throw new IllegalArgumentException("cannot copy " + v.getType() + " field " + f.name());
      }
    }
    return new BytesRef(out.toArrayCopy());
  }

  /** The copied values of a document of the searcher's reader, as stored fields. */
  public static Document read(List<LeafReaderContext> leaves, int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues values = DocValues.getBinary(leaf.reader(), FIELD);
    Document d = new Document();
    if (!values.advanceExact(doc - leaf.docBase)) {
      return d;
    }
    BytesRef bytes = values.binaryValue();
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    while (!in.eof()) {
      String name = in.readString();
      byte type = in.readByte();
      d.add(
          switch (type) {
            case STRING -> new StoredField(name, in.readString());
            case INT -> new StoredField(name, in.readZInt());
            case LONG -> new StoredField(name, in.readZLong());
            default -> throw new IOException("unknown value type " + type + " of " + name);
          });
    }
    return d;
  }
}
