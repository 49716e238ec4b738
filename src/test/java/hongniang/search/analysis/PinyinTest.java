package hongniang.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinyinTest {

  @Test
  void spellsAJobName() {
    assertEquals("baojieyuan", Pinyin.full("保洁员"));
    assertEquals("bjy", Pinyin.initials("保洁员"));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "班长, banzhang",
    "长期工, changqigong",
    "长白班, changbaiban",
    "银行, yinhang",
    "行政文员, xingzhengwenyuan",
    "行车工, hangchegong",
    "重型机器厂, zhongxingjiqichang",
    "干洗店, ganxidian",
    "空调维修, kongtiaoweixiu",
    "调度员, diaoduyuan",
    "会计, kuaiji",
    "模具工, mujugong",
    "冷藏车司机, lengcangchesiji",
    "厦门, xiamen",
    "绿化工, lvhuagong",
    "三元区城关街道, sanyuanquchengguanjiedao",
    "育婴员, yuyingyuan"
  })
  void readsPolyphonicCharactersAsJobWordsNeed(String text, String pinyin) {
    assertEquals(pinyin, Pinyin.full(text));
  }

  @Test
  void initialsFollowTheCorrectedReadings() {
    assertEquals("yh", Pinyin.initials("银行"));
    assertEquals("kj", Pinyin.initials("会计"));
    assertEquals("cqg", Pinyin.initials("长期工"));
  }

  @Test
  void keepsAsciiWholeAndDropsPunctuation() {
    assertEquals("c1jiazhaob2", Pinyin.full("C1驾照，Ｂ２！"));
    assertEquals("c1jzb2", Pinyin.initials("C1驾照，Ｂ２！"));
    assertEquals("baojie", Pinyin.full("Bao'Jie"));
    assertEquals("baojie", Pinyin.full(" bao jie "));
    assertEquals("", Pinyin.full("*\"：\u0000\u0007"));
    assertEquals("", Pinyin.initials(""));
  }

  @Test
  void writesUmlautAsV() {
    assertEquals("lv", Pinyin.full("lü"));
    assertEquals("nvgong", Pinyin.full("女工"));
  }

  @Test
  void spellsWordListsInStep() {
    List<String> words = List.of("小区", "保洁", "员", "，");
    assertEquals(List.of("xiaoqu", "baojie", "yuan", ""), Pinyin.wordsFull(words));
    assertEquals(List.of("xq", "bj", "y", ""), Pinyin.wordsInitials(words));
  }

  @Test
  void tellsChineseFromPinyin() {
    assertTrue(Pinyin.hasHan("保jie"));
    assertFalse(Pinyin.hasHan("baojie"));
    assertFalse(Pinyin.hasHan("　，。"));
  }

  @Test
  void givesTheSameAnswerFromManyThreads() {
    String text = "三明市三元区城关街道下洋社区招聘小区保洁员、保安员和养老护理员，长期工，会计一名";
    String expected = Pinyin.full(text);
    List<String> answers =
        java.util.stream.IntStream.range(0, 2_000)
            .parallel()
            .mapToObj(i -> Pinyin.full(text))
            .distinct()
            .toList();
    assertEquals(List.of(expected), answers);
  }
}
