package hongniang.matching.ranking;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What columns of residents or of postings share: each item's id and its keys ({@link MatchKeys})
 * as small ints over the columns' own vocabulary, which a query turns into a table of what each key
 * means to it.
 */
public abstract class Columns {

  final int size;
  final long[] id;
  final int[] keyStart; // the keys of item i: keys[keyStart[i] .. keyStart[i + 1])
  final int[] keys;
  final long[] minIdFrom; // the lowest id of items i, i + 1, ...
  private final Map<String, Integer> keyIds;
  private final int vocabulary;

  Columns(Rows<?, ?> rows) {
    Keys keys = rows.keys;
    this.size = keys.rows;
    this.id = Arrays.copyOf(rows.id, rows.n);
    this.keyStart = Arrays.copyOf(keys.start, size + 1);
    this.keys = Arrays.copyOf(keys.keys, keys.used);
    this.keyIds = keys.ids;
    this.vocabulary = keys.ids.size();
    this.minIdFrom = new long[size + 1];
    minIdFrom[size] = Long.MAX_VALUE;
    for (int i = size - 1; i >= 0; i--) {
      minIdFrom[i] = Math.min(id[i], minIdFrom[i + 1]);
    }
  }

  /**
   * The distinct values of a column, and each item's index among them: a query works out what it
   * needs of each distinct wage once, not once per item.
   */
  record Levels(int[] of, int[] values) {
    static Levels of(int[] column) {
      Map<Integer, Integer> index = new HashMap<>();
      int[] of = new int[column.length];
      for (int i = 0; i < column.length; i++) {
        Integer at = index.get(column[i]);
        if (at == null) {
          at = index.size();
          index.put(column[i], at);
        }
        of[i] = at;
      }
      int[] values = new int[index.size()];
      index.forEach((value, at) -> values[at] = value);
      return new Levels(of, values);
    }
  }

  /** How many items. */
  public int size() {
    return size;
  }

  /** The id of item {@code i} (a resident's or a posting's). */
  public long id(int i) {
    return id[i];
  }

  /** The lowest id of item {@code i} and every item after it. */
  public long minIdFrom(int i) {
    return minIdFrom[i];
  }

  /** The number of a key in these columns, or -1 when no item has it. */
  int keyId(String key) {
    Integer i = keyIds.get(key);
    return i == null ? -1 : i;
  }

  /** A table over the key numbers, for a query to mark what each key means to it. */
  byte[] roles() {
    return new byte[vocabulary];
  }

  /** Marks a key's role in the table, when these columns know the key. */
  void mark(byte[] roles, String key, int role) {
    int k = keyId(key);
    if (k >= 0) {
      roles[k] |= (byte) role;
    }
  }

  /**
   * Fills columns row by row, from records or from what the index stores of them; both go through
   * the same encoding, so columns built either way are the same.
   */
  abstract static class Rows<R, C extends Columns> {
    private static final int[] NO_KEYS = {};

    final Keys keys;
    final long[] id;
    int n;

    /**
     * For stored rows whose keys are already numbers over {@code vocabulary}; with none, for
     * records, whose keys are numbered as they are first met.
     */
    Rows(List<String> vocabulary, int capacity) {
      this.keys = vocabulary == null ? new Keys(capacity) : new Keys(vocabulary, capacity);
      this.id = new long[capacity];
    }

    /** Adds a record. */
    public void add(R record) {
      keys.add(keysOf(record));
      read(new Bytes.Reader(encode(record), 0));
      n++;
    }

    /** Adds a stored row: its encoding and its key numbers. */
    public void add(byte[] bytes, int offset, int[] keyIds, int keyCount) {
      keys.add(keyIds, keyCount);
      read(new Bytes.Reader(bytes, offset));
      n++;
    }

    /** Adds a row that holds nothing (a document without features): it passes no rule. */
    public void addNothing() {
      keys.add(NO_KEYS, 0);
      nothing();
      n++;
    }

    public abstract C build();

    abstract List<String> keysOf(R record);

    abstract byte[] encode(R record);

    /** Reads row {@code n}, its id first. */
    abstract void read(Bytes.Reader r);

    /** Fills row {@code n} as holding nothing, keeping a sorted column sorted. */
    abstract void nothing();
  }

  /**
   * The keys of each item as numbers: either over a vocabulary fixed in advance (a segment's terms)
   * or one that grows as records are added.
   */
  static final class Keys {
    private final Map<String, Integer> ids;
    private final boolean growing;
    private int[] start;
    private int[] keys;
    private int rows;
    private int used;

    /** Over the given vocabulary, key {@code i} being {@code vocabulary.get(i)}. */
    Keys(List<String> vocabulary, int capacity) {
      this.ids = new HashMap<>(vocabulary.size() * 2);
      for (String key : vocabulary) {
        ids.putIfAbsent(key, ids.size());
      }
      this.growing = false;
      this.start = new int[capacity + 1];
      this.keys = new int[Math.max(16, capacity * 4)];
    }

    /** Over a vocabulary that grows with the records added. */
    Keys(int capacity) {
      this.ids = new HashMap<>();
      this.growing = true;
      this.start = new int[capacity + 1];
      this.keys = new int[Math.max(16, capacity * 4)];
    }

    void add(int[] ids, int count) {
      ensure(count);
      System.arraycopy(ids, 0, keys, used, count);
      used += count;
      start[++rows] = used;
    }

    void add(List<String> names) {
      if (!growing) {
        throw new IllegalStateException("these keys are numbered by a fixed vocabulary");
      }
      ensure(names.size());
      for (String name : names) {
        Integer id = ids.get(name);
        if (id == null) {
          id = ids.size();
          ids.put(name, id);
        }
        keys[used++] = id;
      }
      start[++rows] = used;
    }

    private void ensure(int more) {
      if (rows + 1 == start.length) {
        start = Arrays.copyOf(start, 2 * start.length);
      }
      if (used + more > keys.length) {
        keys = Arrays.copyOf(keys, Math.max(used + more, 2 * keys.length));
      }
    }
  }
}
