package hongniang.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTextTest {

  @Test
  void escapesSeparatorsAndWritesNullAsBackslashN() {
    CopyText text = new CopyText();
    text.add("a\tb\nc\\d").add(null).add(42).endRow();
    assertEquals("a\\tb\\nc\\\\d\t\\N\t42\n", new String(text.drain(), StandardCharsets.UTF_8));
    assertEquals(0, text.length());
  }

  @Test
  void quotesArrayElementsSoThatCommasBracesAndQuotesSurvive() {
    CopyText text = new CopyText();
    text.addArray(List.of("健康证", "a,b", "say \"hi\"", "{x}")).addArray(List.of()).endRow();
    assertEquals(
        "{\"健康证\",\"a,b\",\"say \\\\\"hi\\\\\"\",\"{x}\"}\t{}\n",
        new String(text.drain(), StandardCharsets.UTF_8));
  }
}
