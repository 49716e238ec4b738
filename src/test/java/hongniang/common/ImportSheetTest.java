package hongniang.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportSheetTest {

  private final ImportSheet<String> sheet =
      new ImportSheet<>(
          String.class,
          Map.of("期望工种", "desiredOccupations", "最低月薪", "wageMin", "姓名", "name"),
          row -> row.text("name"));

  @Test
  void aSlipFindsTheNearestHeaderInEitherLanguage() {
    assertEquals("期望工种", sheet.nearest("期望工钟"));
    assertEquals("最低月薪", sheet.nearest("最低月新"));
    assertEquals("wageMin", sheet.nearest("wageMn"));
    assertEquals("wageMin", sheet.nearest("WAGEMIN"));
    assertEquals("desiredOccupations", sheet.nearest("desiredOccupation"));
    assertNull(sheet.nearest("bonus"));
    assertNull(sheet.nearest("电话"));
  }

  @Test
  void editDistanceCountsOneEditEach() {
    assertEquals(0, ImportSheet.distance("工种", "工种"));
    assertEquals(1, ImportSheet.distance("期望工钟", "期望工种"));
    assertEquals(3, ImportSheet.distance("kitten", "sitting"));
    assertEquals(4, ImportSheet.distance("", "姓名性别"));
  }

  @Test
  void headerErrorsComeOnceForTheFileEachNamed() {
    Sheet bad =
        new Sheet(
            java.util.Arrays.asList("姓名", "name", "期望工钟", null),
            List.of(row(1, "a", "b", "c", null), row(2, "d", "e", "f", "g", null, "h")));
    ApiProblem p = assertThrows(ApiProblem.class, () -> sheet.read(bad));
    assertEquals(
        List.of("name:CsvHeader", "期望工钟:UnknownColumn", "column 4:CsvHeader", "column 6:CsvHeader"),
        p.errors().stream().map(e -> e.field() + ":" + e.rule()).toList());
  }

  @Test
  void rowsKeepTheirNumbersAndAControlCharacterIsTheRowsError() {
    Sheet good =
        new Sheet(List.of("姓名", "期望工种"), List.of(row(1, "张\u0000三", "电工"), row(3, "李四", null)));
    List<BulkImport.Parsed<String>> rows = sheet.read(good);
    assertEquals(List.of(1, 3), rows.stream().map(BulkImport.Parsed::row).toList());
    assertNull(rows.get(0).value());
    assertEquals("NoControlCharacters", rows.get(0).errors().get(0).rule());
    assertEquals(java.util.Set.of("name"), rows.get(0).unread());
    assertEquals("李四", rows.get(1).value());
  }

  private static Sheet.Row row(int number, String... cells) {
    return new Sheet.Row(number, java.util.Arrays.asList(cells));
  }
}
