package hongniang.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodingsTest {

  private static final String TEXT = "姓名,社区\n张建国,下洋\n";

  @Test
  void utf8WithOrWithoutABomIsUtf8() {
    assertEquals(TEXT, Encodings.decode(TEXT.getBytes(StandardCharsets.UTF_8)));
    assertEquals(TEXT, Encodings.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void whatIsNotUtf8IsGb18030() {
    assertEquals(TEXT, Encodings.decode(TEXT.getBytes(Charset.forName("GBK"))));
    String rare = "𠀀,㐀,€";
    assertEquals(rare, Encodings.decode(rare.getBytes(Charset.forName("GB18030"))));
  }

  @Test
  void aBomWins() {
    assertEquals(TEXT, Encodings.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(TEXT, Encodings.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16BE)));
    assertEquals(TEXT, Encodings.decode(("\uFEFF" + TEXT).getBytes(Charset.forName("GB18030"))));
  }

  @Test
  void bytesThatAreNeitherAreA400() {
    ApiProblem p =
        assertThrows(ApiProblem.class, () -> Encodings.decode(new byte[] {'a', (byte) 0x81}));
    assertEquals("Encoding", p.errors().get(0).rule());
  }
}
