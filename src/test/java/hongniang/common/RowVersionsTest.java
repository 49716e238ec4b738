package hongniang.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowVersionsTest {

  @Test
  void anEtagIsTheVersionInDoubleQuotes() {
    assertEquals("\"0\"", RowVersions.etag(0));
    assertEquals("\"42\"", RowVersions.etag(42));
  }

  @Test
  void noIfMatchABlankOneAStarAndTheCurrentVersionPass() {
    for (String ifMatch :
        new String[] {null, "", "  ", "*", " * ", "\"3\"", "W/\"3\"", "\"1\", \"3\""}) {
      RowVersions.check(ifMatch, 3);
    }
  }

  @Test
  void anotherVersionIsA412NamingTheCurrentOne() {
    ApiProblem stale = assertThrows(ApiProblem.class, () -> RowVersions.check("\"2\"", 3));
    assertEquals(412, stale.status());
    assertEquals(List.of("If-Match"), stale.errors().stream().map(FieldError::field).toList());
    assertEquals("IfMatch", stale.errors().get(0).rule());
    assertEquals(3L, stale.errors().get(0).text().args().get("current"));
    assertEquals(
        412, assertThrows(ApiProblem.class, () -> RowVersions.check("W/\"4\"", 3)).status());
    assertEquals(
        412, assertThrows(ApiProblem.class, () -> RowVersions.check("\"abc\"", 3)).status());
  }

  @Test
  void aMalformedValueIsA400() {
    for (String ifMatch : new String[] {"3", "\"3", "W/3", "\"3\" \"4\"", "\"3\",", "'3'"}) {
      ApiProblem bad = assertThrows(ApiProblem.class, () -> RowVersions.check(ifMatch, 3), ifMatch);
      assertEquals(400, bad.status(), ifMatch);
      assertEquals("IfMatch", bad.errors().get(0).rule());
      assertEquals("rule.IfMatch.malformed", bad.errors().get(0).text().key());
    }
  }

  @Test
  void aLostRaceIsA409WithoutIfMatchAndA412WithOne() {
    ApiProblem conflict = RowVersions.lostRace("posting", null, () -> 5);
    assertEquals(409, conflict.status());
    assertEquals("ConcurrentChange", conflict.errors().get(0).rule());
    assertEquals(409, RowVersions.lostRace("posting", "*", () -> 5).status());
    ApiProblem stale = RowVersions.lostRace("posting", "\"4\"", () -> 5);
    assertEquals(412, stale.status());
    assertEquals(5L, stale.errors().get(0).text().args().get("current"));
  }
}
