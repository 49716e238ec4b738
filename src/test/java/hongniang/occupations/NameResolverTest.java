package hongniang.occupations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.occupations.NameResolver.Kind;
import hongniang.occupations.NameResolver.Resolved;
import hongniang.search.analysis.SmartcnNameWords;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How names are read, on the shipped vocabulary and smartcn's real words. */
class NameResolverTest {

  private static final Occupations LIST = Occupations.load();
  private final NameResolver names = NameResolver.of(LIST, new SmartcnNameWords());

  @Test
  void aListedNameIsItsOccupation() {
    Resolved r = names.resolve("清洁工");
    assertEquals(Kind.LISTED, r.kind());
    assertEquals(LIST.find("保洁员").orElseThrow().code(), r.code());
    assertNull(r.readAs());
  }

  @Test
  void anUnlistedNameKeepsACodeOfItsOwnSoTheSameNameIsTheSameWork() {
    Resolved a = names.resolve("元宇宙策展助理");
    Resolved b = names.resolve(" 元宇宙策展助理 ");
    Resolved c = names.resolve("元宇宙策展助理员");
    assertEquals(NameResolver.OWN_CODE + "元宇宙策展助理", a.code());
    assertEquals(a.code(), b.code(), "spaces do not matter");
    assertNotEquals(a.code(), c.code(), "another name is other work");
    assertNotEquals(Kind.LISTED, a.kind());
  }

  @Test
  void anUnlistedNameIsReadAsTheListedNameItsHeadWordsShare() {
    Resolved r = names.resolve("快递分拣打包员");
    assertEquals(Kind.READ_AS, r.kind());
    // 快递 and 分拣 say parcel logistics; 打包 alone would say packing in a factory
    assertEquals("logistics", r.group(), r.toString());
    assertTrue(List.of("快递分拣员", "分拣员", "分拣工", "快件分拣员", "拣货员").contains(r.readAs()), r.toString());
    assertEquals(LIST.find(r.readAs()).orElseThrow().group(), r.group());
    assertTrue(r.code().startsWith(NameResolver.OWN_CODE), r.code());
    assertTrue(r.sharedWords().contains("分拣"), r.toString());
  }

  @Test
  void aWordThatNamesAPlaceOrAThingDoesNotDecideTheWork() {
    // 社区 is where, 团购团长 what: sharing only 社区 with 社区护士 says nothing of the work
    assertEquals(Kind.UNKNOWN, names.resolve("社区团购团长").kind());
    assertEquals(Kind.UNKNOWN, names.resolve("汽车贴膜师").kind());
    // when groups share the same word (店员), the name most alike decides: a shop assistant
    Resolved shop = names.resolve("水果店店员");
    assertEquals(Kind.READ_AS, shop.kind(), shop.toString());
    assertEquals("retail", shop.group(), shop.toString());
  }

  @Test
  void aNameSharingOnlyGenericWordsIsReadAsNothing() {
    Resolved r = names.resolve("量子纠缠员");
    assertEquals(Kind.UNKNOWN, r.kind(), r.toString());
    assertEquals(r.code(), r.group(), "its own group too: only the same name is similar work");
  }

  @Test
  void localNamesComeFirstAndHistoriesMentionThem() {
    String cleaner = LIST.find("保洁员").orElseThrow().code();
    names.setLocal(
        List.of(
            new LocalName("保洁阿姨甲", cleaner, "cleaning"),
            new LocalName("元宇宙策展助理", "LOCAL:元宇宙策展助理", "office")));
    Resolved alias = names.resolve("保洁阿姨甲");
    assertEquals(Kind.LOCAL, alias.kind());
    assertEquals(cleaner, alias.code());
    Resolved own = names.resolve("元宇宙策展助理");
    assertEquals(Kind.LOCAL, own.kind());
    assertEquals("office", own.group());
    assertEquals(
        List.of("LOCAL:元宇宙策展助理"),
        names.mentionedIn("做过两年元宇宙策展助理").stream().map(Occupations.Occupation::code).toList());
    names.setLocal(List.of());
    assertNotEquals(Kind.LOCAL, names.resolve("保洁阿姨甲").kind(), "removed at once");
  }

  @Test
  void aWorkHistoryNamesWholeJobsNotPiecesOfOtherWords() {
    List<String> found =
        names.mentionedIn("原纺织厂挡车工，后来做主管工作，也打磨工件；在医院做过三年保洁员").stream()
            .map(Occupations.Occupation::name)
            .toList();
    assertTrue(found.contains(LIST.find("挡车工").orElseThrow().name()), found.toString());
    assertTrue(found.contains(LIST.find("保洁员").orElseThrow().name()), found.toString());
    // not 车工 inside 挡车工, 管工 inside 主管工作, 磨工 inside 打磨工件
    for (String piece : List.of("车工", "管工", "磨工")) {
      String name = LIST.find(piece).orElseThrow().name();
      assertTrue(!found.contains(name), piece + " in " + found);
    }
  }

  @Test
  void blankNamesAreNotRead() {
    assertNull(names.resolve(" "));
    assertNull(names.resolve(null));
  }
}
