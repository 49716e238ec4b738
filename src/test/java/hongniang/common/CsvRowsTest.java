package hongniang.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

  @Test
  void blankRowsAreLeftOutButKeepTheirNumbers() {
    Sheet sheet = CsvRows.read("姓名, 社区 \n张三,下洋\n,,\n\"李\n四\",凤岗\n");
    assertEquals(List.of("姓名", "社区"), sheet.header());
    assertEquals(List.of(1, 3), sheet.rows().stream().map(Sheet.Row::number).toList());
    assertEquals(Arrays.asList("李\n四", "凤岗"), sheet.rows().get(1).cells());
  }

  @Test
  void anUnclosedQuoteNamesTheLineItOpensOn() {
    ApiProblem p =
        assertThrows(ApiProblem.class, () -> CsvRows.read("a,b\n1,2\n\n3,\"4\n5,6\n7,8\n"));
    assertEquals("CsvQuote", p.errors().get(0).rule());
    assertEquals(
        "line 4: a quoted cell is never closed (a \" without its closing \")",
        p.errors().get(0).message());
  }

  @Test
  void textAfterAClosingQuoteNamesItsLine() {
    ApiProblem p = assertThrows(ApiProblem.class, () -> CsvRows.read("a,b\n1,2\n\"3\"x,4\n"));
    assertEquals("Csv", p.errors().get(0).rule());
    assertEquals("line 3: not readable as CSV", p.errors().get(0).message());
  }

  @Test
  void aFileWithoutAHeaderIsRefused() {
    ApiProblem p = assertThrows(ApiProblem.class, () -> CsvRows.read("\n\n"));
    assertEquals("CsvHeader", p.errors().get(0).rule());
  }
}
