package hongniang.matching.ranking;

import java.util.Arrays;

/** Variable-length numbers in a byte array: how columns' features travel through the index. */
final class Bytes {

  private Bytes() {}

  /** Writes small numbers in few bytes (zig-zag varints). */
  static final class Writer {
    private byte[] out = new byte[32];
    private int n;

    Writer put(int b) {
      if (n == out.length) {
        out = Arrays.copyOf(out, 2 * n);
      }
      out[n++] = (byte) b;
      return this;
    }

    Writer number(long v) {
      long z = (v << 1) ^ (v >> 63);
      while ((z & ~0x7FL) != 0) {
        put((int) ((z & 0x7F) | 0x80));
        z >>>= 7;
      }
      return put((int) z);
    }

    byte[] bytes() {
      return Arrays.copyOf(out, n);
    }
  }

  /** Reads what a {@link Writer} wrote. */
  static final class Reader {
    private final byte[] in;
    private int at;

    Reader(byte[] in, int offset) {
      this.in = in;
      this.at = offset;
    }

    int next() {
      return in[at++] & 0xFF;
    }

    long number() {
      long z = 0;
      int shift = 0;
      int b;
      do {
        b = next();
        z |= (long) (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      return (z >>> 1) ^ -(z & 1);
    }

    int integer() {
      return (int) number();
    }

    /** An epoch day as an int: dates beyond ±5 million years keep their order against today. */
    int day() {
      long d = number();
      return (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE - 1, d));
    }
  }
}
