package hongniang.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes an uploaded text whose encoding nobody declared reliably. Excel on Chinese Windows saves
 * CSV as GBK ("ANSI") or as UTF-8 with a BOM, and uploads rarely say which. A BOM wins; otherwise
 * text that is valid UTF-8 is UTF-8 (GBK's double bytes almost never form valid UTF-8, so the test
 * is decisive on anything longer than a word), else GB18030, which contains GBK and GB2312.
 */
public final class Encodings {

  /** GB18030's own byte-order mark, which a few Chinese editors write. */
  private static final byte[] GB18030_BOM = {(byte) 0x84, 0x31, (byte) 0x95, 0x33};

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final Charset GB18030 = Charset.forName("GB18030");

  private Encodings() {}

  /** The text of the bytes, without a BOM; a 400 when they are neither UTF-8 nor GB18030. */
  public static String decode(byte[] bytes) {
    if (startsWith(bytes, UTF8_BOM)) {
      return strict(bytes, UTF8_BOM.length, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, GB18030_BOM)) {
      return strict(bytes, GB18030_BOM.length, GB18030);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return strict(bytes, 2, StandardCharsets.UTF_16LE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return strict(bytes, 2, StandardCharsets.UTF_16BE);
    }
    String utf8 = tryDecode(bytes, 0, StandardCharsets.UTF_8);
    return utf8 != null ? utf8 : strict(bytes, 0, GB18030);
  }

  private static String strict(byte[] bytes, int offset, Charset charset) {
    String text = tryDecode(bytes, offset, charset);
    if (text == null) {
      throw ApiProblem.invalid(
          "body",
          "Encoding",
          "the text is neither UTF-8 nor GBK/GB18030 (read as " + charset.name() + ")");
    }
    return text;
  }

  private static String tryDecode(byte[] bytes, int offset, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
