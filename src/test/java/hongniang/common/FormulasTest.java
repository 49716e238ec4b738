package hongniang.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FormulasTest {

  @Test
  void textsThatASpreadsheetWouldRunAreQuoted() {
    assertEquals(
        "'=HYPERLINK(\"http://x\",\"点击\")", Formulas.neutralise("=HYPERLINK(\"http://x\",\"点击\")"));
    assertEquals("'+86 138", Formulas.neutralise("+86 138"));
    assertEquals("'-1+1", Formulas.neutralise("-1+1"));
    assertEquals("'@SUM(A1)", Formulas.neutralise("@SUM(A1)"));
    assertEquals("'\t=1", Formulas.neutralise("\t=1"));
  }

  @Test
  void otherTextsAreLeftAsTheyAre() {
    assertEquals("社区保洁员", Formulas.neutralise("社区保洁员"));
    assertEquals("a=b", Formulas.neutralise("a=b"));
    assertEquals("", Formulas.neutralise(""));
    assertNull(Formulas.neutralise(null));
    assertFalse(Formulas.looksLikeFormula("2026-01-01"));
    assertTrue(Formulas.looksLikeFormula("=1"));
  }

  @Test
  void templatesWriteNumbersAsNumbersAndTextsNeutralised() {
    ImportTemplate template =
        new ImportTemplate(
            "模板", "template", "表", ImportTemplate.example("数", -5, "文", "=1+1", "空", ""));
    String csv = new String(template.csv(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals("\uFEFF数,文,空\r\n-5,'=1+1,\r\n", csv);
  }
}
